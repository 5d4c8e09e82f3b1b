package org.sitrep.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the engine found in one document. Offsets in places, actors and events point into
 * {@link #text()}, the cleaned text. Serialised as JSON schema {@link #SCHEMA}.
 */
public record Analysis(int schema, String engineVersion, LocalDate published, String title, String text,
                       List<Place> places, List<Actor> actors, List<Event> events) {
    public static final int SCHEMA = 1;
}
