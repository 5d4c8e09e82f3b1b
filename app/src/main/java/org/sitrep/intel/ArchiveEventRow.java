package org.sitrep.intel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.sitrep.analysis.DateRange;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.EventPlace;
import org.sitrep.analysis.EventType;
import org.sitrep.analysis.Evidence;
import org.sitrep.analysis.Fatalities;
import org.sitrep.analysis.Precision;

/**
 * One line of a Spark archive run's {@code events.jsonl} (the columns of {@code docs/batch.md}) read back into
 * the engine's {@link Event}, so an import goes through the same store as the server's own analysis. A line that
 * cannot be read is a {@link Malformed} with the reason, for the import's report; it never throws.
 */
final class ArchiveEventRow {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A line read: the article it belongs to, its event and the engine that coded it; or why it could not be read. */
    sealed interface Read permits Row, Malformed {}

    record Row(String articleId, String sourceUrl, String engineVersion, Event event) implements Read {}

    /** {@code articleId} is null when the line had none (or was not JSON). */
    record Malformed(String articleId, String reason) implements Read {}

    private ArchiveEventRow() {}

    static Read parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (Exception e) {
            return new Malformed(null, "malformed JSON");
        }
        if (n == null || !n.isObject()) return new Malformed(null, "malformed JSON: not an object");
        String articleId = text(n, "article_id");
        if (articleId == null) return new Malformed(null, "no article_id");
        try {
            return new Row(articleId, text(n, "source_url"), required(n, "engine_version"), event(n));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return new Malformed(articleId, e.getMessage());
        }
    }

    private static Event event(JsonNode n) {
        String type = required(n, "event_type");
        if (EventType.of(type).isEmpty()) throw new IllegalArgumentException("unknown event_type '" + cut(type) + "'");
        String sentence = required(n, "notes");
        Integer start = integer(n, "evidence_start");
        Integer end = integer(n, "evidence_end");
        // Offsets are checked against the stored text on import; a missing pair is found there by the sentence.
        Evidence evidence = new Evidence(sentence, start == null ? -1 : start, end == null ? -1 : end);
        LocalDate earliest = date(n, "event_date");
        LocalDate latest = date(n, "date_latest");
        if (earliest != null && latest != null && latest.isBefore(earliest)) {
            throw new IllegalArgumentException("date_latest " + latest + " is before event_date " + earliest);
        }
        Double confidence = number(n, "confidence");
        if (confidence == null || confidence < 0 || confidence > 1)
            throw new IllegalArgumentException("confidence is not between 0 and 1");
        return new Event(
                type,
                text(n, "sub_event_type"),
                text(n, "actor1"),
                text(n, "actor2"),
                place(n),
                new DateRange(earliest, latest, text(n, "date_text")),
                text(n, "trigger"),
                evidence,
                confidence,
                fatalities(n));
    }

    private static EventPlace place(JsonNode n) {
        String name = text(n, "location");
        Double lat = number(n, "latitude");
        Double lon = number(n, "longitude");
        Long gazetteerId = n.hasNonNull("gazetteer_id") ? whole(n, "gazetteer_id") : null;
        if (name == null && lat == null && lon == null) return null;
        if (name == null || lat == null || lon == null || gazetteerId == null) {
            throw new IllegalArgumentException("a place needs location, latitude, longitude and gazetteer_id");
        }
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
            throw new IllegalArgumentException("latitude or longitude out of range");
        return new EventPlace(name, lat, lon, precision(n), text(n, "iso"), text(n, "admin1"), gazetteerId);
    }

    /** The batch's own word when it wrote one; else back from ACLED's 1-3, at the coarsest level each allows. */
    private static Precision precision(JsonNode n) {
        String word = text(n, "place_precision");
        if (word != null) {
            try {
                return Precision.valueOf(word.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown place_precision '" + cut(word) + "'");
            }
        }
        Long acled = n.hasNonNull("geo_precision") ? whole(n, "geo_precision") : null;
        if (acled == null) return null;
        return switch (acled.intValue()) {
            case 1 -> Precision.CITY;
            case 2 -> Precision.ADMIN2;
            case 3 -> n.hasNonNull("admin1") ? Precision.ADMIN1 : Precision.COUNTRY;
            default -> throw new IllegalArgumentException("geo_precision is not 1, 2 or 3");
        };
    }

    /** Written by batch runs since the fatalities columns were added; older outputs have none (no word on deaths). */
    private static Fatalities fatalities(JsonNode n) {
        if (!n.hasNonNull("fatalities")) return null;
        Long best = whole(n, "fatalities");
        Long low = n.hasNonNull("fatalities_low") ? whole(n, "fatalities_low") : best;
        Long high = n.hasNonNull("fatalities_high") ? whole(n, "fatalities_high") : null;
        Integer start = integer(n, "fatalities_start");
        Integer end = integer(n, "fatalities_end");
        try {
            return new Fatalities(
                    best.intValue(),
                    low.intValue(),
                    high == null ? null : high.intValue(),
                    text(n, "fatalities_text"),
                    start == null ? 0 : start,
                    end == null ? 0 : end);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fatalities: " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isValueNode()) throw new IllegalArgumentException(field + " is not a value");
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private static String required(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) throw new IllegalArgumentException("no " + field);
        return s;
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isNumber() || !Double.isFinite(v.asDouble()))
            throw new IllegalArgumentException(field + " is not a number");
        return v.asDouble();
    }

    private static Long whole(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong())
            throw new IllegalArgumentException(field + " is not a whole number");
        return v.asLong();
    }

    private static Integer integer(JsonNode n, String field) {
        if (!n.hasNonNull(field)) return null;
        long v = whole(n, field);
        if (v < 0 || v > Integer.MAX_VALUE) throw new IllegalArgumentException(field + " is out of range");
        return (int) v;
    }

    private static LocalDate date(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not a date like 2014-06-12: '" + cut(s) + "'");
        }
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
