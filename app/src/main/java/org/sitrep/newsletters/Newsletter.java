package org.sitrep.newsletters;

/** A newsletter members opt into: free ones go to every member who chose them, paid ones only to paying subscribers. */
public record Newsletter(long id, String slug, String name, String description, Access access, boolean active) {
    public enum Access {
        FREE,
        PAID
    }

    public boolean paid() {
        return access == Access.PAID;
    }
}
