package org.sitrep.analysis.actors;

import java.util.List;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.text.CleanText;

/** Finds the actors named in the text, resolving aliases and generic mentions ("the regime") to sides. */
public interface ActorFinder {
    /** Finds no actors: the stand-in while no actor dictionary is configured. */
    ActorFinder NONE = (text, places) -> List.of();

    List<Actor> find(CleanText text, List<Place> places);
}
