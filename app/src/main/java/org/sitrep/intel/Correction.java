package org.sitrep.intel;

/**
 * What an analyst typed in the correction form, as typed (checked by {@link EventReview#correct}).
 * A place picked from the gazetteer look-up (or by a click on the map) comes as its {@code gazetteerId}
 * and is stored with the gazetteer's coordinates; a place name alone is looked up in the engine's
 * gazetteer; with new latitude and longitude it is kept as written, at those coordinates.
 */
public record Correction(
        String eventType,
        String subEventType,
        String actor1,
        String actor2,
        String placeName,
        String latitude,
        String longitude,
        String country,
        String precision,
        String dateEarliest,
        String dateLatest,
        String gazetteerId,
        String fatalities) {

    /**
     * A correction that leaves the reported deaths as they are ({@code fatalities} null: the form did not send the
     * field; sent empty, it says the reports give no figure).
     */
    public Correction(
            String eventType,
            String subEventType,
            String actor1,
            String actor2,
            String placeName,
            String latitude,
            String longitude,
            String country,
            String precision,
            String dateEarliest,
            String dateLatest,
            String gazetteerId) {
        this(
                eventType,
                subEventType,
                actor1,
                actor2,
                placeName,
                latitude,
                longitude,
                country,
                precision,
                dateEarliest,
                dateLatest,
                gazetteerId,
                null);
    }

    /** The form filled with an event's current values. */
    public static Correction of(TrackedEvent e) {
        return new Correction(
                e.eventType(),
                e.subEventType(),
                e.actor1(),
                e.actor2(),
                e.placeName(),
                e.latitude() == null ? "" : e.latitude().toString(),
                e.longitude() == null ? "" : e.longitude().toString(),
                e.country(),
                e.geoPrecision(),
                e.dateEarliest().toString(),
                e.dateLatest().toString(),
                null,
                e.fatalities() == null ? "" : Integer.toString(e.fatalities().best()));
    }
}
