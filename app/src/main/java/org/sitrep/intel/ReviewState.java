package org.sitrep.intel;

import java.util.Locale;

/** Where an event stands with the analysts. Machine events start UNREVIEWED; re-analysis only replaces those. */
public enum ReviewState {
    UNREVIEWED,
    CONFIRMED,
    CORRECTED,
    REJECTED,
    MERGED;

    /** The value stored in {@code intel_events.review_state}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Whether the tracker and the exports show events in this state unless asked otherwise. */
    public boolean shownByDefault() {
        return this != REJECTED && this != MERGED;
    }
}
