package org.sitrep.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An {@link Analysis} as JSON, schema version {@value Analysis#SCHEMA}, documented in
 * {@code docs/analysis/README.md} and {@code docs/analysis/analysis-schema-v1.json}. Field names and
 * order are fixed here rather than derived from the records, so a refactoring cannot change the
 * published format by accident. Thread-safe.
 */
public final class AnalysisJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnalysisJson() {}

    /** Pretty-printed JSON. */
    public static String write(Analysis a) {
        try {
            return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write analysis JSON", e);
        }
    }

    private static void place(ObjectNode o, Place p) {
        o.put("text", p.text());
        o.put("name", p.name());
        o.put("lat", p.lat());
        o.put("lon", p.lon());
        o.put("country", p.country());
        o.put("admin1", p.admin1());
        o.put("featureCode", p.featureCode());
        o.put("gazetteerId", p.gazetteerId());
        o.put("precision", word(p.precision()));
        spans(o.putArray("mentions"), p.mentions());
    }

    public static ObjectNode tree(Analysis a) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", a.schema());
        root.put("engineVersion", a.engineVersion());
        root.put("published", a.published() == null ? null : a.published().toString());
        root.put("title", a.title());
        root.put("text", a.text());
        ArrayNode places = root.putArray("places");
        for (Place p : a.places()) place(places.addObject(), p);
        // Adjectival references ("Syrian forces"): an optional array of schema 1, written only when there are some.
        if (!a.adjectival().isEmpty()) {
            ArrayNode adjectival = root.putArray("adjectival");
            for (Place p : a.adjectival()) place(adjectival.addObject(), p);
        }
        ArrayNode actors = root.putArray("actors");
        for (Actor x : a.actors()) {
            ObjectNode o = actors.addObject();
            o.put("name", x.name());
            o.put("canonical", x.canonical());
            o.put("kind", x.kind() == null ? null : x.kind().word());
            o.put("side", x.side());
            o.put("country", x.country());
            spans(o.putArray("mentions"), x.mentions());
        }
        ArrayNode events = root.putArray("events");
        for (Event e : a.events()) {
            ObjectNode o = events.addObject();
            o.put("type", e.type());
            o.put("subType", e.subType());
            o.put("actor1", e.actor1());
            o.put("actor2", e.actor2());
            if (e.place() == null) {
                o.putNull("place");
            } else {
                ObjectNode p = o.putObject("place");
                p.put("name", e.place().name());
                p.put("lat", e.place().lat());
                p.put("lon", e.place().lon());
                p.put("precision", word(e.place().precision()));
                p.put("country", e.place().country());
                p.put("admin1", e.place().admin1());
                p.put("gazetteerId", e.place().gazetteerId());
            }
            if (e.date() == null) {
                o.putNull("date");
            } else {
                ObjectNode d = o.putObject("date");
                d.put(
                        "earliest",
                        e.date().earliest() == null ? null : e.date().earliest().toString());
                d.put(
                        "latest",
                        e.date().latest() == null ? null : e.date().latest().toString());
                d.put("text", e.date().text());
            }
            o.put("trigger", e.trigger());
            if (e.evidence() == null) {
                o.putNull("evidence");
            } else {
                ObjectNode ev = o.putObject("evidence");
                ev.put("sentence", e.evidence().sentence());
                ev.put("start", e.evidence().start());
                ev.put("end", e.evidence().end());
            }
            o.put("confidence", e.confidence());
            if (e.fatalities() != null) {
                Fatalities f = e.fatalities();
                ObjectNode fo = o.putObject("fatalities");
                fo.put("best", f.best());
                fo.put("low", f.low());
                if (f.high() == null) fo.putNull("high");
                else fo.put("high", f.high());
                fo.put("text", f.text());
                fo.put("start", f.start());
                fo.put("end", f.end());
            }
        }
        return root;
    }

    /** Reads JSON written by {@link #write}; throws IllegalArgumentException with the reason when it cannot. */
    private static Place place(JsonNode o) {
        return new Place(
                text(o, "text"),
                text(o, "name"),
                o.path("lat").asDouble(),
                o.path("lon").asDouble(),
                text(o, "country"),
                text(o, "admin1"),
                text(o, "featureCode"),
                o.path("gazetteerId").asLong(),
                precision(text(o, "precision")),
                spans(o.path("mentions")));
    }

    public static Analysis read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject())
            throw new IllegalArgumentException("not an analysis: expected a JSON object");
        int schema = root.path("schema").asInt(-1);
        if (schema != Analysis.SCHEMA) {
            throw new IllegalArgumentException("unsupported analysis schema " + root.path("schema")
                    + " (this engine reads schema " + Analysis.SCHEMA + ")");
        }
        try {
            List<Place> places = new ArrayList<>();
            for (JsonNode o : root.path("places")) places.add(place(o));
            List<Place> adjectival = new ArrayList<>();
            for (JsonNode o : root.path("adjectival")) adjectival.add(place(o));
            List<Actor> actors = new ArrayList<>();
            for (JsonNode o : root.path("actors")) {
                String kind = text(o, "kind");
                actors.add(new Actor(
                        text(o, "name"),
                        text(o, "canonical"),
                        kind == null ? null : ActorKind.valueOf(kind.toUpperCase(Locale.ROOT)),
                        text(o, "side"),
                        text(o, "country"),
                        spans(o.path("mentions"))));
            }
            List<Event> events = new ArrayList<>();
            for (JsonNode o : root.path("events")) {
                JsonNode p = o.path("place");
                EventPlace place = p.isObject()
                        ? new EventPlace(
                                text(p, "name"),
                                p.path("lat").asDouble(),
                                p.path("lon").asDouble(),
                                precision(text(p, "precision")),
                                text(p, "country"),
                                text(p, "admin1"),
                                p.path("gazetteerId").asLong())
                        : null;
                JsonNode d = o.path("date");
                DateRange date = d.isObject()
                        ? new DateRange(date(text(d, "earliest")), date(text(d, "latest")), text(d, "text"))
                        : null;
                JsonNode ev = o.path("evidence");
                Evidence evidence = ev.isObject()
                        ? new Evidence(
                                text(ev, "sentence"),
                                ev.path("start").asInt(),
                                ev.path("end").asInt())
                        : null;
                JsonNode f = o.path("fatalities");
                Fatalities deaths = f.isObject()
                        ? new Fatalities(
                                f.path("best").asInt(),
                                f.path("low").asInt(),
                                f.path("high").isNumber()
                                        ? Integer.valueOf(f.path("high").asInt())
                                        : null,
                                text(f, "text"),
                                f.path("start").asInt(),
                                f.path("end").asInt())
                        : null;
                events.add(new Event(
                        text(o, "type"),
                        text(o, "subType"),
                        text(o, "actor1"),
                        text(o, "actor2"),
                        place,
                        date,
                        text(o, "trigger"),
                        evidence,
                        o.path("confidence").asDouble(),
                        deaths));
            }
            return new Analysis(
                    schema,
                    text(root, "engineVersion"),
                    date(text(root, "published")),
                    text(root, "title"),
                    text(root, "text"),
                    List.copyOf(places),
                    List.copyOf(actors),
                    List.copyOf(events),
                    adjectival);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad date in analysis JSON: " + e.getParsedString(), e);
        }
    }

    private static void spans(ArrayNode array, List<Span> spans) {
        if (spans == null) return;
        for (Span s : spans) {
            ObjectNode o = array.addObject();
            o.put("start", s.start());
            o.put("end", s.end());
        }
    }

    private static List<Span> spans(JsonNode array) {
        List<Span> out = new ArrayList<>();
        for (JsonNode s : array)
            out.add(new Span(s.path("start").asInt(), s.path("end").asInt()));
        return List.copyOf(out);
    }

    private static String word(Precision p) {
        return p == null ? null : p.word();
    }

    private static Precision precision(String word) {
        return word == null ? null : Precision.valueOf(word.toUpperCase(Locale.ROOT));
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
