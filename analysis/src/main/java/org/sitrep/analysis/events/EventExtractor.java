package org.sitrep.analysis.events;

import java.util.List;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.dates.TimeExpression;
import org.sitrep.analysis.text.CleanText;

/** Turns sentences with their places, actors and dates into ACLED-typed events with evidence. */
public interface EventExtractor {
    /** Extracts no events: the stand-in while no extractor is configured. */
    EventExtractor NONE = (text, places, actors, dates) -> List.of();

    List<Event> extract(CleanText text, List<Place> places, List<Actor> actors, List<TimeExpression> dates);

    /** The version of a learned model this extractor uses, for the engine's version; "" for none. */
    default String model() { return ""; }
}
