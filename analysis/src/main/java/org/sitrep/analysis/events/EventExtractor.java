package org.sitrep.analysis.events;

import java.util.List;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.dates.TimeExpression;
import org.sitrep.analysis.text.CleanText;
import org.sitrep.analysis.text.TokenisedText;

/** Turns sentences with their places, actors and dates into ACLED-typed events with evidence. */
public interface EventExtractor {
    /** Extracts no events: the stand-in while no extractor is configured. */
    EventExtractor NONE = (document, places, actors, dates) -> List.of();

    /**
     * Events in a document the engine has already tokenised (the pipeline's call): the extractor reads its
     * sentences and tokens rather than splitting the text again.
     */
    List<Event> extract(TokenisedText document, List<Place> places, List<Actor> actors, List<TimeExpression> dates);

    /** Events in a cleaned text (for a stage used on its own): the same as the document it holds. */
    default List<Event> extract(CleanText text, List<Place> places, List<Actor> actors, List<TimeExpression> dates) {
        return extract(text == null ? null : TokenisedText.of(text), places, actors, dates);
    }

    /** The version of a learned model this extractor uses, for the engine's version; "" for none. */
    default String model() {
        return "";
    }
}
