package org.sitrep.analysis.evaluation.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sitrep.analysis.Span;

/**
 * Reader for the shared geoparsing corpora (one JSON document per line; see
 * {@code shared/geoparsing/README.md}). Offsets there count code points; here they are converted to
 * Java's UTF-16 offsets. A malformed line is skipped and counted, never fatal.
 */
public final class GeoparsingCorpus {
    /** A gold toponym with coordinates. */
    public record Toponym(Span span, String name, double lat, double lon, String type) {}

    /** One annotated document; {@code unscored} spans count neither for nor against a prediction. */
    public record Doc(String id, String text, List<Toponym> toponyms, List<Span> unscored) {}

    public record Corpus(String name, List<Doc> documents, int skippedLines) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoparsingCorpus() {}

    public static Corpus read(Path jsonl) throws IOException {
        List<Doc> docs = new ArrayList<>();
        int skipped = 0;
        try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                try {
                    docs.add(doc(JSON.readTree(line)));
                } catch (IOException | RuntimeException bad) {
                    skipped++;
                }
            }
        }
        String name = jsonl.getFileName().toString().replaceFirst("\\.jsonl$", "");
        return new Corpus(name, List.copyOf(docs), skipped);
    }

    static Doc doc(JsonNode n) {
        String text = n.path("text").asText();
        List<Toponym> toponyms = new ArrayList<>();
        for (JsonNode t : n.path("toponyms")) {
            if (!t.hasNonNull("lat") || !t.hasNonNull("lon")) continue;
            toponyms.add(new Toponym(
                    span(text, t),
                    t.path("name").asText(),
                    t.path("lat").asDouble(),
                    t.path("lon").asDouble(),
                    t.path("type").asText("")));
        }
        List<Span> unscored = new ArrayList<>();
        for (JsonNode u : n.path("unscored")) unscored.add(span(text, u));
        return new Doc(n.path("id").asText(), text, List.copyOf(toponyms), List.copyOf(unscored));
    }

    private static Span span(String text, JsonNode t) {
        int cps = text.codePointCount(0, text.length());
        int start = t.path("start").asInt(), end = t.path("end").asInt();
        if (start < 0 || end < start || end > cps) throw new IllegalArgumentException("span out of text");
        int s = text.offsetByCodePoints(0, start);
        return new Span(s, text.offsetByCodePoints(s, end - start));
    }
}
