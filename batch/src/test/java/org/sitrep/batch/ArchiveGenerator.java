package org.sitrep.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A test archive made from texts already in the repository: the dev corpus's articles, and the training
 * corpus's one-sentence reports joined three at a time into short wire stories, each with an id and a
 * publication date. Deterministic: the same files give the same archive.
 */
final class ArchiveGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path CORPUS = Path.of("..", "analysis", "corpus");

    private ArchiveGenerator() {}

    /** {@code count} good articles as JSON Lines objects (id, title, body, published, source, url). */
    static List<ObjectNode> articles(int count) {
        List<String> texts = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        try (Stream<Path> dev = Files.list(CORPUS.resolve("dev"))) {
            for (Path f :
                    dev.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode doc = JSON.readTree(f.toFile());
                texts.add(doc.path("content").asText());
                dates.add(
                        doc.hasNonNull("published")
                                ? LocalDate.parse(doc.get("published").asText())
                                : null);
            }
            List<String> passages = new ArrayList<>();
            try (Stream<Path> train = Files.list(CORPUS.resolve("train"))) {
                for (Path f : train.filter(p -> p.toString().endsWith(".jsonl"))
                        .sorted()
                        .toList()) {
                    for (String line : Files.readAllLines(f)) {
                        if (!line.isBlank())
                            passages.add(JSON.readTree(line).path("text").asText());
                    }
                }
            }
            // every 7th passage, so each region and event type is represented; three to a story
            for (int i = 0; i + 14 < passages.size(); i += 21) {
                texts.add(passages.get(i) + "\n\n" + passages.get(i + 7) + "\n\n" + passages.get(i + 14));
                dates.add(LocalDate.of(2015, 1, 1).plusDays(i % 3000));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (texts.size() < count) throw new IllegalStateException("only " + texts.size() + " texts in " + CORPUS);
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode o = JSON.createObjectNode();
            o.put("id", "a" + i);
            o.put("title", "Archive story " + i);
            o.put("body", texts.get(i));
            o.put("published", dates.get(i) == null ? null : dates.get(i).toString());
            o.put("source", "Test Wire");
            o.put("url", "https://example.org/a" + i);
            out.add(o);
        }
        return out;
    }
}
