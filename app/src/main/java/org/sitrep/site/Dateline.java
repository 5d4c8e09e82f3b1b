package org.sitrep.site;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.sitrep.common.SitrepProperties;
import org.springframework.stereotype.Component;

/** Times as readers see them: stored in UTC, shown in the publication's zone ({@code sitrep.zone}). */
@Component
public class Dateline {
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final SitrepProperties properties;

    public Dateline(SitrepProperties properties) {
        this.properties = properties;
    }

    /** For {@code <time datetime>}, JSON-LD and feeds: ISO 8601 with the zone's offset. */
    public String iso(Instant t) {
        return t == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(properties.zone()).toOffsetDateTime());
    }

    /** "25 November 2026, 05:10 EET". */
    public String human(Instant t) {
        return t == null ? "" : HUMAN.format(t.atZone(properties.zone()));
    }

    /** "25 November 2026", for lists. */
    public String day(Instant t) {
        return t == null ? "" : DAY.format(t.atZone(properties.zone()));
    }

    /** An update worth telling readers about: more than five minutes after it went live. */
    public boolean updatedAfter(Instant published, Instant updated) {
        return published != null && updated != null && updated.isAfter(published.plusSeconds(300));
    }
}
