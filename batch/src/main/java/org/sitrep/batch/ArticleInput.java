package org.sitrep.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads one input record (a JSON Lines line, or a Parquet row turned into JSON) into an {@link Article},
 * or says in a sentence why it cannot. The field names are those of {@code ./sitrep analyze}'s users and
 * of common archive dumps: id (or slug, url), title (or headline), body (or text, content), published
 * (or date; an ISO date or date-time), source, url.
 */
final class ArticleInput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArticleInput() {}

    /** The parsed article, or the reason it was set aside. Exactly one of the two is set. */
    record Parsed(Article article, String id, String reason) {}

    static Parsed parse(String line) {
        if (line == null || line.isBlank()) return new Parsed(null, null, "empty line");
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return new Parsed(null, null, "malformed JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) return new Parsed(null, null, "malformed JSON: not an object");
        String id = first(o, "id", "slug", "url");
        String body = first(o, "body", "text", "content");
        if (body == null || body.isBlank()) return new Parsed(null, id, "empty body");
        LocalDate published = null;
        String date = first(o, "published", "date", "published_at");
        if (date != null && !date.isBlank()) {
            try {
                // "2014-06-12" or "2014-06-12T08:30:00Z": the day is what anchors "on Tuesday"
                published = LocalDate.parse(
                        date.strip().length() > 10 ? date.strip().substring(0, 10) : date.strip());
            } catch (DateTimeParseException e) {
                return new Parsed(null, id, "published is not a date like 2014-06-12: '" + cut(date, 40) + "'");
            }
        }
        return new Parsed(
                new Article(id, first(o, "title", "headline"), body, published, text(o, "source"), text(o, "url")),
                id,
                null);
    }

    private static String first(JsonNode o, String... names) {
        for (String n : names) {
            String v = text(o, n);
            if (v != null) return v;
        }
        return null;
    }

    private static String text(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    static String cut(String s, int max) {
        if (s == null) return null;
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
