package org.sitrep.analysis;

import java.util.Optional;

/**
 * ACLED's six event types, spelled as ACLED's codebook spells them, and {@link #NONE} for text that
 * reports no political violence or demonstration (a disaster, a diplomatic visit, a crime, background).
 */
public enum EventType {
    BATTLES("Battles"),
    EXPLOSIONS_REMOTE_VIOLENCE("Explosions/Remote violence"),
    VIOLENCE_AGAINST_CIVILIANS("Violence against civilians"),
    PROTESTS("Protests"),
    RIOTS("Riots"),
    STRATEGIC_DEVELOPMENTS("Strategic developments"),
    /** No event: never on an {@link Event}, only a label of the training corpus and the classifier. */
    NONE("None");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    /** ACLED's spelling ("Explosions/Remote violence"). */
    public String label() {
        return label;
    }

    public boolean isEvent() {
        return this != NONE;
    }

    /** The type with this exact ACLED spelling. */
    public static Optional<EventType> of(String label) {
        for (EventType t : values()) if (t.label.equals(label)) return Optional.of(t);
        return Optional.empty();
    }

    @Override
    public String toString() {
        return label;
    }
}
