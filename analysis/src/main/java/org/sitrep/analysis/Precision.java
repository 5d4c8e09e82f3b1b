package org.sitrep.analysis;

import java.util.Locale;

/** How exactly a place is known: the finest level at which it was resolved. */
public enum Precision {
    NEIGHBOURHOOD,
    CITY,
    ADMIN2,
    ADMIN1,
    COUNTRY;

    /** The lower-case word used in JSON and CSV ("city", "admin1", …). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
