package org.sitrep.analysis.actors;

import java.util.List;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.text.CleanText;
import org.sitrep.analysis.text.TokenisedText;

/** Finds the actors named in the text, resolving aliases and generic mentions ("the regime") to sides. */
public interface ActorFinder {
    /** Finds no actors: the stand-in while no actor dictionary is configured. */
    ActorFinder NONE = (document, places) -> List.of();

    /**
     * Actors in a document the engine has already tokenised (the pipeline's call): the finder reads its
     * sentences and tokens rather than splitting the text again.
     */
    List<Actor> find(TokenisedText document, List<Place> places);

    /** Actors in a cleaned text (for a stage used on its own): the same as the document it holds. */
    default List<Actor> find(CleanText text, List<Place> places) {
        return find(TokenisedText.of(text), places);
    }
}
