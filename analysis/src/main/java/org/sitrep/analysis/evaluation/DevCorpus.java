package org.sitrep.analysis.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.evaluation.Gold.GoldActor;
import org.sitrep.analysis.evaluation.Gold.GoldDate;
import org.sitrep.analysis.evaluation.Gold.GoldEvent;
import org.sitrep.analysis.evaluation.Gold.GoldPlace;

/**
 * Reads the development corpus: one JSON file per text (format in {@code analysis/corpus/dev/README.md}).
 * Every file is checked against its own text on load, and a file whose gold does not fit (a surface
 * that is not in the text, an unknown ACLED sub-type, a date in the future…) is a loud error naming
 * the file and every problem, never a silently lower score.
 */
public final class DevCorpus {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP =
            Set.of("id", "split", "style", "published", "format", "title", "content", "gold", "notes");
    private static final Set<String> PRECISIONS = new HashSet<>();
    private static final Set<String> KINDS = new HashSet<>();

    static {
        for (Precision p : Precision.values()) PRECISIONS.add(p.word());
        for (ActorKind k : ActorKind.values()) KINDS.add(k.word());
    }

    private DevCorpus() {}

    /** All {@code *.json} texts in {@code dir} (not recursive), sorted by file name; ids must be unique. */
    public static List<CorpusText> load(Path dir) {
        if (!Files.isDirectory(dir)) throw new CorpusException(dir + ": not a directory");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CorpusException(dir + ": cannot list: " + e.getMessage(), e);
        }
        if (files.isEmpty()) throw new CorpusException(dir + ": no corpus files (*.json)");
        List<CorpusText> texts = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        for (Path f : files) {
            CorpusText t = read(f);
            Path earlier = ids.putIfAbsent(t.id(), f);
            if (earlier != null) throw new CorpusException(f + ": id '" + t.id() + "' already used by " + earlier);
            texts.add(t);
        }
        return texts;
    }

    /** One corpus file, checked. */
    public static CorpusText read(Path file) {
        String raw;
        try {
            raw = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CorpusException(file + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new CorpusException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) throw new CorpusException(file + ": expected a JSON object");
        Problems problems = new Problems();
        CorpusText text = parse(root, file, problems);
        if (!problems.list.isEmpty()) {
            throw new CorpusException(
                    file + ": " + problems.list.size() + " problem(s):\n  - " + String.join("\n  - ", problems.list));
        }
        return text;
    }

    private static CorpusText parse(JsonNode root, Path file, Problems p) {
        unknownFields(root, TOP, "", p);
        String id = p.string(root, "id", true);
        String split = p.string(root, "split", true);
        if (split != null && !split.equals(CorpusText.DEV) && !split.equals(CorpusText.TEST)) {
            p.add("split must be 'dev' or 'test', not '" + split + "'");
        }
        String style = p.string(root, "style", true);
        LocalDate published = p.date(root, "published", true);
        String formatWord = p.string(root, "format", true);
        Document.Format format = null;
        if (formatWord != null) {
            try {
                format = Document.Format.valueOf(formatWord.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                p.add("format must be text, markdown or html, not '" + formatWord + "'");
            }
        }
        String title = p.string(root, "title", false);
        String content = p.string(root, "content", true);
        if (content != null && content.isBlank()) p.add("content is empty");
        // Gold is checked against what a reader sees: for HTML the page's text, not its markup.
        String visible = content == null
                ? ""
                : format == Document.Format.HTML ? Jsoup.parse(content).text() : content;
        JsonNode g = root.get("gold");
        if (g == null || !g.isObject()) {
            p.add("missing object 'gold'");
            g = JSON.createObjectNode();
        }
        unknownFields(g, Set.of("places", "actors", "dates", "events"), "gold.", p);
        List<GoldPlace> places = places(g, visible, p);
        List<GoldActor> actors = actors(g, visible, p);
        List<GoldDate> dates = dates(g, visible, published, p);
        List<GoldEvent> events = events(g, visible, published, places, actors, p);
        return new CorpusText(
                id, split, style, published, format, title, content, new Gold(places, actors, dates, events), file);
    }

    private static List<GoldPlace> places(JsonNode g, String text, Problems p) {
        List<GoldPlace> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : p.array(g, "places")) {
            p.at("gold.places[" + i++ + "]");
            unknownFields(
                    n,
                    Set.of("text", "occurrence", "context", "name", "lat", "lon", "country", "precision"),
                    p.where,
                    p);
            String surface = p.string(n, "text", true);
            Integer occ = p.integer(n, "occurrence");
            String context = p.string(n, "context", false);
            String name = p.string(n, "name", true);
            double lat = p.number(n, "lat", -90, 90);
            double lon = p.number(n, "lon", -180, 180);
            String country = p.string(n, "country", true);
            if (country != null && !country.matches("[A-Z]{2}"))
                p.add("country must be an ISO 3166-1 alpha-2 code, not '" + country + "'");
            String precision = p.string(n, "precision", true);
            if (precision != null && !PRECISIONS.contains(precision))
                p.add("precision must be one of " + PRECISIONS + ", not '" + precision + "'");
            checkSurface(text, surface, occ, context, p);
            out.add(new GoldPlace(surface, occ, context, name, lat, lon, country, precision));
        }
        p.at("");
        return out;
    }

    private static List<GoldActor> actors(JsonNode g, String text, Problems p) {
        List<GoldActor> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : p.array(g, "actors")) {
            p.at("gold.actors[" + i++ + "]");
            unknownFields(n, Set.of("text", "canonical", "kind", "side"), p.where, p);
            String surface = p.string(n, "text", true);
            String canonical = p.string(n, "canonical", true);
            String kind = p.string(n, "kind", true);
            if (kind != null && !KINDS.contains(kind)) p.add("kind must be one of " + KINDS + ", not '" + kind + "'");
            String side = p.string(n, "side", true);
            checkSurface(text, surface, null, null, p);
            out.add(new GoldActor(surface, canonical, kind, side));
        }
        p.at("");
        return out;
    }

    private static List<GoldDate> dates(JsonNode g, String text, LocalDate published, Problems p) {
        List<GoldDate> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : p.array(g, "dates")) {
            p.at("gold.dates[" + i++ + "]");
            unknownFields(n, Set.of("text", "occurrence", "context", "earliest", "latest"), p.where, p);
            String surface = p.string(n, "text", true);
            Integer occ = p.integer(n, "occurrence");
            String context = p.string(n, "context", false);
            LocalDate earliest = p.date(n, "earliest", true);
            LocalDate latest = p.date(n, "latest", true);
            checkRange(earliest, latest, published, p);
            checkSurface(text, surface, occ, context, p);
            out.add(new GoldDate(surface, occ, context, earliest, latest));
        }
        p.at("");
        return out;
    }

    private static List<GoldEvent> events(
            JsonNode g, String text, LocalDate published, List<GoldPlace> places, List<GoldActor> actors, Problems p) {
        Set<String> placeNames = new HashSet<>();
        places.forEach(pl -> placeNames.add(pl.name()));
        Set<String> canonicals = new HashSet<>();
        actors.forEach(a -> canonicals.add(a.canonical()));
        List<GoldEvent> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : p.array(g, "events")) {
            p.at("gold.events[" + i++ + "]");
            unknownFields(
                    n,
                    Set.of(
                            "type",
                            "subType",
                            "actor1",
                            "actor2",
                            "place",
                            "earliest",
                            "latest",
                            "evidence",
                            "alsoEvidence"),
                    p.where,
                    p);
            String type = p.string(n, "type", true);
            String subType = p.string(n, "subType", true);
            if (type != null && subType != null && !AcledTaxonomy.valid(type, subType)) {
                p.add("'" + type + "' / '" + subType + "' is not an ACLED event type / sub-type");
            }
            String actor1 = p.string(n, "actor1", false);
            String actor2 = p.string(n, "actor2", false);
            for (String a : Arrays.asList(actor1, actor2)) {
                if (a != null && !canonicals.contains(a))
                    p.add("actor '" + a + "' is not among this text's gold actors");
            }
            String place = p.string(n, "place", false);
            if (place != null && !placeNames.contains(place))
                p.add("place '" + place + "' is not among this text's gold places");
            LocalDate earliest = p.date(n, "earliest", true);
            LocalDate latest = p.date(n, "latest", true);
            checkRange(earliest, latest, published, p);
            String evidence = p.string(n, "evidence", true);
            if (evidence != null) {
                int count = Mentions.phrase(text, evidence).size();
                if (count != 1)
                    p.add("evidence '" + evidence + "' occurs " + count + " times in the text (must be exactly once)");
            }
            List<String> also = new ArrayList<>();
            for (JsonNode a : p.array(n, "alsoEvidence")) {
                if (!a.isTextual() || a.asText().isBlank()) {
                    p.add("alsoEvidence must hold non-empty strings");
                    continue;
                }
                if (Mentions.phrase(text, a.asText()).isEmpty())
                    p.add("alsoEvidence '" + a.asText() + "' does not occur in the text");
                also.add(a.asText());
            }
            out.add(new GoldEvent(type, subType, actor1, actor2, place, earliest, latest, evidence, also));
        }
        p.at("");
        return out;
    }

    private static void checkSurface(String text, String surface, Integer occ, String context, Problems p) {
        if (surface == null) return;
        int count = Mentions.all(text, surface).size();
        if (count == 0) {
            p.add("'" + surface + "' does not occur in the text (as whole words)");
            return;
        }
        if (occ != null && (occ < 1 || occ > count)) {
            p.add("'" + surface + "' occurrence " + occ + " asked, but it occurs " + count + " time(s)");
        }
        if (context != null) {
            int phrases = Mentions.phrase(text, context).size();
            if (phrases != 1) p.add("context '" + context + "' occurs " + phrases + " times (must be exactly once)");
            else if (Mentions.locate(text, surface, null, context).isEmpty())
                p.add("context '" + context + "' does not contain '" + surface + "'");
        }
    }

    private static void checkRange(LocalDate earliest, LocalDate latest, LocalDate published, Problems p) {
        if (earliest != null && latest != null && earliest.isAfter(latest))
            p.add("earliest " + earliest + " is after latest " + latest);
        if (latest != null && published != null && latest.isAfter(published))
            p.add("latest " + latest + " is after publication " + published);
    }

    private static void unknownFields(JsonNode n, Set<String> known, String where, Problems p) {
        if (n == null || !n.isObject()) return;
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f))
                p.list.add(where + (where.isEmpty() || where.endsWith(".") ? "" : ": ") + "unknown field '" + f + "'");
        }
    }

    /** Collects every problem of a file so one run shows them all. */
    private static final class Problems {
        final List<String> list = new ArrayList<>();
        String where = "";

        void at(String where) {
            this.where = where;
        }

        void add(String problem) {
            list.add(where.isEmpty() ? problem : where + ": " + problem);
        }

        String string(JsonNode n, String field, boolean required) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) {
                if (required) add("missing '" + field + "'");
                return null;
            }
            if (!v.isTextual()) {
                add("'" + field + "' must be a string");
                return null;
            }
            return v.asText();
        }

        Integer integer(JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) return null;
            if (!v.isInt()) {
                add("'" + field + "' must be an integer");
                return null;
            }
            return v.asInt();
        }

        double number(JsonNode n, String field, double min, double max) {
            JsonNode v = n.get(field);
            if (v == null || !v.isNumber()) {
                add("'" + field + "' must be a number");
                return Double.NaN;
            }
            double d = v.asDouble();
            if (d < min || d > max) add("'" + field + "' " + d + " is out of range [" + min + ", " + max + "]");
            return d;
        }

        LocalDate date(JsonNode n, String field, boolean required) {
            String s = string(n, field, required);
            if (s == null) return null;
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                add("'" + field + "' must be a date YYYY-MM-DD, not '" + s + "'");
                return null;
            }
        }

        List<JsonNode> array(JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null || v.isNull()) return List.of();
            if (!v.isArray()) {
                add("'" + field + "' must be an array");
                return List.of();
            }
            List<JsonNode> out = new ArrayList<>();
            v.forEach(out::add);
            return out;
        }
    }
}
