package org.sitrep.analysis.fatalities;

import java.util.List;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.text.TokenisedText;

/**
 * The analyzer's fatalities stage: reads the deaths a text reports and gives each event its figure
 * ({@link Event#fatalities()}). It runs after the event stage and changes nothing else of an event.
 */
public interface FatalityReader {
    /** The events, in the same order, each with the deaths the text reports for it (or none). */
    List<Event> read(TokenisedText text, List<Event> events);

    /** Switches the stage off: events keep no fatalities. */
    FatalityReader NONE = (text, events) -> events;
}
