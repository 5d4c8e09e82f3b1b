package org.sitrep.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.sitrep.common.SitrepProperties;
import org.springframework.stereotype.Component;

/**
 * Times as readers and staff see them: stored in UTC, shown in the publication's zone
 * ({@code sitrep.zone}), one format per context. Every template has it as {@code dateline}:
 * <ul>
 *   <li>an article's dates: {@link #human} "25 November 2026, 05:10 EET";</li>
 *   <li>lists of pieces: {@link #day} "25 November 2026";</li>
 *   <li>tables on members, account and admin pages: {@link #when} "25 Nov 2026, 05:10" and {@link #date} "25 Nov 2026";</li>
 *   <li>{@code <time datetime>}: {@link #iso}.</li>
 * </ul>
 * The table forms take any stored time ({@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime},
 * a {@code LocalDateTime} read as UTC, a {@code LocalDate}) and show "" for none.
 */
@Component
public class Dateline {
    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

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

    /** "25 Nov 2026, 05:10", for tables. */
    public String when(Object t) {
        Instant i = instant(t);
        if (i == null) return t instanceof LocalDate d ? SHORT_DAY.format(d) : "";
        return SHORT.format(i.atZone(properties.zone()));
    }

    /** "25 Nov 2026", for tables (a calendar date is shown as it is). */
    public String date(Object t) {
        if (t instanceof LocalDate d) return SHORT_DAY.format(d);
        Instant i = instant(t);
        return i == null ? "" : SHORT_DAY.format(i.atZone(properties.zone()));
    }

    /** ISO 8601 in the zone, for {@code <time datetime>}, from any stored time. */
    public String isoOf(Object t) {
        if (t instanceof LocalDate d) return d.toString();
        return iso(instant(t));
    }

    private static Instant instant(Object t) {
        if (t instanceof Instant i) return i;
        if (t instanceof OffsetDateTime o) return o.toInstant();
        if (t instanceof ZonedDateTime z) return z.toInstant();
        if (t instanceof LocalDateTime l) return l.toInstant(ZoneOffset.UTC);
        return null;
    }

    /** An update worth telling readers about: more than five minutes after it went live. */
    public boolean updatedAfter(Instant published, Instant updated) {
        return published != null && updated != null && updated.isAfter(published.plusSeconds(300));
    }
}
