package org.sitrep.tracker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sitrep.intel.BoundingBox;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.InvalidEventFilter;
import org.sitrep.intel.ReviewState;
import org.springframework.util.MultiValueMap;

/**
 * The tracker's filters as they stand in the URL ({@code ?from=&to=&type=&actor=&place=&placeId=&source=&confidence=&state=}),
 * so a view can be shared and reloaded. Parses them into an {@link EventFilter} (bad values are an
 * {@link InvalidEventFilter}, answered with 400) and writes them back as a query string.
 */
public record TrackerQuery(LocalDate from, LocalDate to, Set<String> types, String actor, String place, Long placeId,
                           String source, Double minConfidence, Set<ReviewState> states) {

    /** The ACLED event types, in the order the legend and the timeline show them. */
    public static final List<String> TYPES = EventTypes.KEYS.stream().map(EventTypes.Key::name).toList();

    public static TrackerQuery parse(MultiValueMap<String, String> params) {
        Set<String> types = new LinkedHashSet<>();
        for (String t : values(params, "type")) {
            if (!TYPES.contains(t)) throw new InvalidEventFilter("type must be one of " + String.join(", ", TYPES));
            types.add(t);
        }
        Set<ReviewState> states = EnumSet.noneOf(ReviewState.class);
        for (String s : values(params, "state")) {
            try {
                states.add(ReviewState.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidEventFilter("state must be one of unreviewed, confirmed, corrected, rejected, merged");
            }
        }
        TrackerQuery q = new TrackerQuery(date(params, "from"), date(params, "to"), types, text(params, "actor"),
                text(params, "place"), placeId(params), text(params, "source"), confidence(params), states);
        q.filter(); // validates the combination (from ≤ to, confidence range)
        return q;
    }

    public EventFilter filter() {
        return filter(null);
    }

    /** The filter, optionally limited to a map's bounding box. */
    public EventFilter filter(BoundingBox bbox) {
        return new EventFilter(from, to, types, actor, place, placeId, null, source, minConfidence, states, bbox, null);
    }

    /** The same filters without the dates: what the timeline draws, so a brushed range can be widened again. */
    public EventFilter undated() {
        return filter().withDates(null, null);
    }

    /** The query string (without "?"), in a stable order; empty when nothing is filtered. */
    public String queryString() {
        List<String> parts = new ArrayList<>();
        if (from != null) parts.add("from=" + from);
        if (to != null) parts.add("to=" + to);
        for (String t : types) parts.add("type=" + encode(t));
        if (actor != null) parts.add("actor=" + encode(actor));
        if (place != null) parts.add("place=" + encode(place));
        if (placeId != null) parts.add("placeId=" + placeId);
        if (source != null) parts.add("source=" + encode(source));
        if (minConfidence != null) parts.add("confidence=" + minConfidence);
        for (ReviewState s : states) parts.add("state=" + s.dbValue());
        return String.join("&", parts);
    }

    public boolean hasState(String state) {
        return states.stream().anyMatch(s -> s.dbValue().equals(state));
    }

    public boolean hasType(String type) {
        return types.contains(type);
    }

    private static List<String> values(MultiValueMap<String, String> params, String name) {
        List<String> out = new ArrayList<>();
        for (String v : params.getOrDefault(name, List.of())) {
            if (v != null && !v.isBlank()) out.add(v.trim());
        }
        return out;
    }

    private static String text(MultiValueMap<String, String> params, String name) {
        List<String> v = values(params, name);
        if (v.isEmpty()) return null;
        if (v.get(0).length() > 200) throw new InvalidEventFilter(name + " is too long (200 characters at most)");
        return v.get(0);
    }

    private static LocalDate date(MultiValueMap<String, String> params, String name) {
        String v = text(params, name);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidEventFilter(name + " must be a date written YYYY-MM-DD");
        }
    }

    private static Long placeId(MultiValueMap<String, String> params) {
        String v = text(params, "placeId");
        if (v == null) return null;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidEventFilter("placeId must be a gazetteer id (a whole number)");
        }
    }

    private static Double confidence(MultiValueMap<String, String> params) {
        String v = text(params, "confidence");
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0 && d <= 1)) throw new InvalidEventFilter("confidence must be between 0 and 1");
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidEventFilter("confidence must be a number between 0 and 1");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
