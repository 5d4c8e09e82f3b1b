package org.sitrep.analysis.evaluation.plover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code PLOVER_GSR_CAMEO.txt} (a JSON array despite its name) from the shared evaluation
 * folder. The data is CC BY-SA and stays outside the repository: it is found by walking up from
 * the working directory to a {@code shared/} folder, or through the {@code SITREP_SHARED} variable.
 */
public final class PloverRecords {

    static final String RELATIVE = "events/plover-gsr-cameo/PLOVER_GSR_CAMEO.txt";

    private PloverRecords() {}

    /** The gold file if this machine has the shared data, else empty. */
    public static Optional<Path> locate() {
        String env = System.getenv("SITREP_SHARED");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env).resolve(RELATIVE);
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared").resolve(RELATIVE);
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** All coded sentences; the documentation record and records without text are skipped. */
    public static List<PloverRecord> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isArray()) throw new IOException(file + ": expected a JSON array of records");
        List<PloverRecord> out = new ArrayList<>();
        for (JsonNode r : root) {
            String event = text(r, "event");
            String sentence = text(r, "text");
            if (event == null || sentence == null || event.equals("DOCUMENT")) continue;
            out.add(new PloverRecord(
                    text(r, "id"), event, text(r, "mode"), sentence, actors(r.get("source")), actors(r.get("target"))));
        }
        return out;
    }

    private static String text(JsonNode r, String field) {
        JsonNode n = r.get(field);
        return n == null || n.isNull() || !n.isTextual() || n.asText().isBlank() ? null : n.asText();
    }

    /** "source"/"target" is a list of {actorText, code, sector}, or "" when there is none. */
    private static List<String> actors(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || !n.isArray()) return out;
        for (JsonNode a : n) {
            JsonNode t = a.get("actorText");
            if (t != null && t.isTextual() && !t.asText().isBlank())
                out.add(t.asText().strip());
        }
        return out;
    }
}
