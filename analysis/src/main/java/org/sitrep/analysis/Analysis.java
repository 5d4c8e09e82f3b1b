package org.sitrep.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the engine found in one document. Offsets in places, actors and events point into
 * {@link #text()}, the cleaned text. Serialised as JSON schema {@link #SCHEMA}.
 *
 * <p>{@code adjectival} are the adjectival references to a country or continent ("Syrian forces",
 * "European leaders"): a kind of place mention of their own, for filters and an actor's
 * nationality, never among {@code places} and never an event's place.
 */
public record Analysis(
        int schema,
        String engineVersion,
        LocalDate published,
        String title,
        String text,
        List<Place> places,
        List<Actor> actors,
        List<Event> events,
        List<Place> adjectival) {
    public static final int SCHEMA = 1;

    public Analysis {
        adjectival = adjectival == null ? List.of() : List.copyOf(adjectival);
    }

    /** An analysis without adjectival references (as read from JSON written before they were). */
    public Analysis(
            int schema,
            String engineVersion,
            LocalDate published,
            String title,
            String text,
            List<Place> places,
            List<Actor> actors,
            List<Event> events) {
        this(schema, engineVersion, published, title, text, places, actors, events, List.of());
    }
}
