package org.sitrep.analysis.actors;

import java.util.List;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.text.CleanText;

/** Finds the actors named in the text, resolving aliases and generic mentions ("the regime") to sides. */
public interface ActorFinder {
    List<Actor> find(CleanText text, List<Place> places);
}
