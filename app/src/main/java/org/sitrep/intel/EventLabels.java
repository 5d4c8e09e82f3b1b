package org.sitrep.intel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.sitrep.web.Dateline;
import org.springframework.stereotype.Component;

/**
 * How the tracker and review pages write dates and stored codes for people: "7 Mar 2026", "7–9 Mar 2026",
 * "Rebel group" for {@code rebel_group}, "Not yet reviewed" for {@code unreviewed}. Templates call it as
 * {@code @eventLabels}. Calendar dates are written by the app's one formatter, {@link Dateline} (in the page's
 * language and digits); a moment stays in UTC here, since the tracker's events are dated in UTC.
 */
@Component("eventLabels")
public class EventLabels {
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK);

    private static final Map<String, String> STATES = Map.of(
            "unreviewed",
            "Not yet reviewed",
            "confirmed",
            "Confirmed",
            "corrected",
            "Corrected",
            "rejected",
            "Rejected",
            "merged",
            "Merged");
    private static final Map<String, String> PRECISIONS = Map.of(
            "neighbourhood",
            "Neighbourhood",
            "city",
            "Town or city",
            "admin2",
            "District (admin-2)",
            "admin1",
            "Province (admin-1)",
            "country",
            "Country");
    private static final Map<String, String> ORIGINS =
            Map.of("machine", "Found by the engine", "analyst", "Added by an analyst");

    /** "12 killed", "at least 6 killed", "10–15 killed", "None reported" (a report of no deaths), "Not reported". */
    public static String deaths(TrackedEvent.Deaths d) {
        if (d == null) return "Not reported";
        if (d.best() == 0) return "None reported";
        return d.label() + " killed";
    }

    /** {@link #deaths} for templates. */
    public String reportedDeaths(TrackedEvent.Deaths d) {
        return deaths(d);
    }

    private final Dateline dateline;

    public EventLabels(Dateline dateline) {
        this.dateline = dateline;
    }

    /** "7 Mar 2026"; a dash for no date. */
    public String date(LocalDate d) {
        return d == null ? "—" : dateline.date(d);
    }

    /** "7 Dec 2026, 16:50 UTC" for a moment (a retraining's start or end); a dash for none. */
    public String time(Instant t) {
        return t == null ? "—" : MOMENT.format(t.atOffset(ZoneOffset.UTC));
    }

    /** One day, or a range written once: "7 Mar 2026 to 9 Mar 2026". */
    public String dates(LocalDate first, LocalDate last) {
        if (first == null) return "—";
        return last == null || last.equals(first) ? date(first) : date(first) + " to " + date(last);
    }

    public String state(ReviewState s) {
        return s == null ? "—" : state(s.dbValue());
    }

    public String state(String dbValue) {
        return STATES.getOrDefault(dbValue, word(dbValue));
    }

    public String precision(String p) {
        return p == null ? "—" : PRECISIONS.getOrDefault(p, word(p));
    }

    public String origin(String o) {
        return o == null ? "—" : ORIGINS.getOrDefault(o, word(o));
    }

    /** A stored code as a word: "rebel_group" → "Rebel group"; null → a dash. */
    public String word(String code) {
        if (code == null || code.isBlank()) return "—";
        String w = code.strip().replace('_', ' ').replace('-', ' ');
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /**
     * Which learned event model an engine version names: "ev-3f2a9c01de" in "0.1.0+r4+ev-3f2a9c01de+ar-51c0e2d9a7"
     * (the parts after the revision name the learned slots, in any order), "rules alone" for an engine without one,
     * a dash for none recorded (an event an analyst added).
     */
    public String model(String engineVersion) {
        if (engineVersion == null || engineVersion.isBlank()) return "—";
        for (String part : engineVersion.split("\\+")) {
            if (part.startsWith("ev-")) return part;
        }
        return "rules alone";
    }

    /** "Northern Brigade and Government forces", "Students", or empty: never a dangling "and" or dash. */
    public String actors(String actor1, String actor2) {
        boolean one = actor1 != null && !actor1.isBlank(), two = actor2 != null && !actor2.isBlank();
        if (one && two) return actor1 + " and " + actor2;
        return one ? actor1 : two ? actor2 : "";
    }
}
