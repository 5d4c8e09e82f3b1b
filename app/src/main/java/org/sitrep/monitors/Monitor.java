package org.sitrep.monitors;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.EventFilterParams;

/**
 * A saved tracker view. {@code filter} is the view's query string as {@link EventFilterParams#queryString} writes
 * it, without dates: a monitor watches from the day it is saved on.
 */
public record Monitor(
        long id,
        long userId,
        String name,
        String filter,
        Digest digest,
        boolean alerts,
        Instant digestSince,
        Instant surgeCheckedAt,
        Instant createdAt) {

    /** How often the digest goes out. */
    public enum Digest {
        NONE(null),
        DAILY(Duration.ofDays(1)),
        WEEKLY(Duration.ofDays(7));

        private final Duration period;

        Digest(Duration period) {
            this.period = period;
        }

        public Duration period() {
            return period;
        }

        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The form's and the database's spelling; null for anything else. */
        public static Digest of(String value) {
            for (Digest d : values()) if (d.dbValue().equals(value)) return d;
            return null;
        }
    }

    /** The view's filter; an {@code InvalidEventFilter} if the stored text no longer reads as one. */
    public EventFilter eventFilter() {
        return EventFilterParams.of(parameters(filter)).filter();
    }

    /** The tracker's address for this view. */
    public String trackerPath() {
        return "/tracker" + (filter.isEmpty() ? "" : "?" + filter);
    }

    /** A query string as a parameter map, as the servlet container would read it. */
    static Map<String, String[]> parameters(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a broken escape: left as written, the filter's own checks answer it
        }
    }

    /** What the view watches, in words: "Event type: Battles · Country: SY". "Every event" when nothing is filtered. */
    public static String describe(EventFilter f) {
        List<String> parts = new ArrayList<>();
        if (!f.types().isEmpty()) parts.add("Event type: " + String.join(", ", f.types()));
        if (f.actor() != null) parts.add("Actor: " + f.actor());
        if (f.place() != null) parts.add("Place: " + f.place());
        if (f.gazetteerId() != null) parts.add("Gazetteer place: " + f.gazetteerId());
        if (!f.countries().isEmpty()) {
            parts.add((f.countries().size() == 1 ? "Country: " : "Countries: ")
                    + String.join(
                            ", ",
                            f.countries().stream()
                                    .map(c -> c.toUpperCase(Locale.ROOT))
                                    .sorted()
                                    .toList()));
        }
        if (f.admin1() != null) parts.add("Area: " + f.admin1());
        if (f.source() != null) parts.add("Source: " + f.source());
        if (f.minConfidence() != null) parts.add("Confidence at least " + f.minConfidence());
        if (!f.states().isEmpty()) {
            parts.add("Review state: "
                    + String.join(
                            ", ",
                            f.states().stream().map(s -> s.dbValue()).sorted().toList()));
        }
        if (f.bbox() != null) {
            parts.add("Map area: " + f.bbox().west() + "," + f.bbox().south() + " to "
                    + f.bbox().east() + "," + f.bbox().north());
        }
        return parts.isEmpty() ? "Every event" : String.join(" · ", parts);
    }
}
