package org.sitrep.intel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sitrep.analysis.EventType;

/**
 * The event filter as a URL carries it: one set of parameter names, one parser and one writer for the
 * tracker's pages, the tracker's JSON and the data API. Controllers take this record as an argument, read from
 * the query string by {@link #of} ({@link EventFilterBinding}); its component names are the parameter names
 * (the OpenAPI test reads them from here). {@link #filter()} checks them; a bad value is an {@link InvalidEventFilter} whose message names the parameter as
 * the caller wrote it (the API answers it as a JSON 400, the tracker's pages with a message).
 *
 * <p>{@code placeId} and {@code confidence} are the tracker's old names for {@code gazetteerId} and
 * {@code minConfidence}, kept working because bookmarked tracker URLs carry them; nothing writes them any more
 * (see {@link #ALIASES}). Giving both names of one filter is refused rather than guessed.
 *
 * @param type  ACLED event types as {@link EventType#label()} spells them; repeat for several
 * @param state review states as stored ({@link ReviewState#dbValue()}); repeat for several
 * @param bbox  {@code west,south,east,north}
 * @param country ISO 3166-1 alpha-2 codes; repeat for several (an event in any of them)
 * @param admin1 a first-level division by name (governorate, province, state), case-insensitive
 */
public record EventFilterParams(
        String from,
        String to,
        List<String> type,
        String actor,
        String place,
        String gazetteerId,
        List<String> country,
        String admin1,
        String source,
        String minConfidence,
        List<String> state,
        String bbox,
        String placeId,
        String confidence) {

    /** Deprecated parameter name → the name it stands for. */
    public static final Map<String, String> ALIASES = Map.of("placeId", "gazetteerId", "confidence", "minConfidence");

    /** Longest actor, place or source name accepted: the longest the events table stores (actor1/actor2, place_name). */
    static final int MAX_TEXT = 300;

    /** The event types a filter may name, in ACLED's order (the legend's and the error message's). */
    public static final List<EventType> TYPES =
            Arrays.stream(EventType.values()).filter(EventType::isEvent).toList();

    private static final String TYPE_ERROR =
            "type must be one of " + TYPES.stream().map(EventType::label).collect(Collectors.joining(", "));
    private static final String STATE_ERROR = "state must be one of "
            + Arrays.stream(ReviewState.values()).map(ReviewState::dbValue).collect(Collectors.joining(", "));

    /** No parameters: every event but the rejected and merged ones. */
    public static EventFilterParams none() {
        return new EventFilterParams(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The parameters from a request's parameter map, read by exact name; any other parameter is left alone (the
     * controllers' own, like {@code limit}, or noise). Bound this way rather than by Spring's data binder, which
     * answers a name like {@code actor[x]} with an exception. A single-valued parameter given twice is refused:
     * which one was meant cannot be known.
     */
    public static EventFilterParams of(Map<String, String[]> query) {
        return new EventFilterParams(
                one(query, "from"),
                one(query, "to"),
                many(query, "type"),
                one(query, "actor"),
                one(query, "place"),
                one(query, "gazetteerId"),
                many(query, "country"),
                one(query, "admin1"),
                one(query, "source"),
                one(query, "minConfidence"),
                many(query, "state"),
                one(query, "bbox"),
                one(query, "placeId"),
                one(query, "confidence"));
    }

    private static String one(Map<String, String[]> query, String name) {
        String[] values = query.get(name);
        if (values == null || values.length == 0) return null;
        if (values.length > 1)
            throw new InvalidEventFilter(name + " is given " + values.length + " times: give it once");
        return values[0];
    }

    private static List<String> many(Map<String, String[]> query, String name) {
        String[] values = query.get(name);
        return values == null ? List.of() : Arrays.asList(values);
    }

    /** Checks every parameter and builds the filter. */
    public EventFilter filter() {
        return new EventFilter(
                date("from", from),
                date("to", to),
                parsedTypes(),
                text("actor", actor),
                text("place", place),
                parsedGazetteerId(),
                Set.copyOf(values(country)),
                text("admin1", admin1),
                text("source", source),
                parsedMinConfidence(),
                parsedStates(),
                BoundingBox.parse(bbox),
                null);
    }

    /**
     * The filter as a query string (without "?") in a stable order, with the current names only; empty when
     * nothing is filtered. What {@link #filter()} reads back as the same filter (the document is not a parameter).
     */
    public static String queryString(EventFilter f) {
        List<String> parts = new ArrayList<>();
        if (f.from() != null) parts.add("from=" + f.from());
        if (f.to() != null) parts.add("to=" + f.to());
        for (EventType t : TYPES) if (f.types().contains(t.label())) parts.add("type=" + encode(t.label()));
        if (f.actor() != null) parts.add("actor=" + encode(f.actor()));
        if (f.place() != null) parts.add("place=" + encode(f.place()));
        if (f.gazetteerId() != null) parts.add("gazetteerId=" + f.gazetteerId());
        for (String c : f.countries().stream().sorted().toList()) parts.add("country=" + encode(c));
        if (f.admin1() != null) parts.add("admin1=" + encode(f.admin1()));
        if (f.source() != null) parts.add("source=" + encode(f.source()));
        if (f.minConfidence() != null) parts.add("minConfidence=" + f.minConfidence());
        for (ReviewState s : ReviewState.values()) if (f.states().contains(s)) parts.add("state=" + s.dbValue());
        if (f.bbox() != null) {
            BoundingBox b = f.bbox();
            parts.add("bbox=" + b.west() + "," + b.south() + "," + b.east() + "," + b.north());
        }
        return String.join("&", parts);
    }

    private Set<String> parsedTypes() {
        Set<String> out = new LinkedHashSet<>();
        for (String t : values(type)) {
            EventType known =
                    EventType.of(t).filter(EventType::isEvent).orElseThrow(() -> new InvalidEventFilter(TYPE_ERROR));
            out.add(known.label());
        }
        return out;
    }

    private Set<ReviewState> parsedStates() {
        Set<ReviewState> out = EnumSet.noneOf(ReviewState.class);
        for (String s : values(state)) {
            try {
                out.add(ReviewState.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidEventFilter(STATE_ERROR);
            }
        }
        return out;
    }

    private Long parsedGazetteerId() {
        String name = oneOf("gazetteerId", gazetteerId, "placeId", placeId);
        String v = text(name, name.equals("placeId") ? placeId : gazetteerId);
        if (v == null) return null;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidEventFilter(name + " must be a gazetteer id (a whole number)");
        }
    }

    private Double parsedMinConfidence() {
        String name = oneOf("minConfidence", minConfidence, "confidence", confidence);
        String v = text(name, name.equals("confidence") ? confidence : minConfidence);
        if (v == null) return null;
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new InvalidEventFilter(name + " must be a number between 0 and 1");
        }
        if (!Double.isFinite(d)) throw new InvalidEventFilter(name + " must be a number between 0 and 1");
        if (d < 0 || d > 1) throw new InvalidEventFilter(name + " must be between 0 and 1");
        return d;
    }

    /** The name the caller used for a filter that has an old name too; both at once is refused. */
    private static String oneOf(String current, String currentValue, String old, String oldValue) {
        boolean hasCurrent = currentValue != null && !currentValue.isBlank(),
                hasOld = oldValue != null && !oldValue.isBlank();
        if (hasCurrent && hasOld) {
            throw new InvalidEventFilter(old + " is the old name of " + current + ": give one of them, not both");
        }
        return hasOld ? old : current;
    }

    private static LocalDate date(String name, String text) {
        String v = text(name, text);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidEventFilter(name + " must be a date written YYYY-MM-DD");
        }
    }

    private static String text(String name, String text) {
        if (text == null || text.isBlank()) return null;
        String v = text.trim();
        if (v.length() > MAX_TEXT)
            throw new InvalidEventFilter(name + " is too long (" + MAX_TEXT + " characters at most)");
        return v;
    }

    private static List<String> values(List<String> given) {
        List<String> out = new ArrayList<>();
        for (String v : given == null ? List.<String>of() : given) {
            if (v != null && !v.isBlank()) out.add(v.trim());
        }
        return out;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
