package org.sitrep.analysis.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.sitrep.analysis.SubEventType;

/**
 * The labelled passages of {@code analysis/corpus/train/} or {@code heldout/}: every {@code *.jsonl} file
 * of a folder, read in name order so that training sees them in the same order on every machine. Lines
 * that break the format (see {@code analysis/corpus/train/README.md}) are not used and are listed as
 * {@link #problems()}; the build's corpus test fails on any.
 */
public final class TrainingCorpus {
    /** The kinds of writing a passage may imitate. */
    public static final Set<String> SOURCES =
            Set.of("wire", "local", "liveblog", "ngo", "police", "ministry", "witness", "rebel");

    private static final Set<String> FIELDS =
            Set.of("id", "text", "type", "subtype", "actor1", "actor2", "country", "source", "fatalities");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Passages are short; a line longer than this is a pasted article, not a passage. */
    static final int MAX_TEXT = 2_000;
    /** Where the build copies the training split (all its files, in name order, as one), beside the bundled model. */
    public static final String BUNDLED_TRAIN = "/org/sitrep/analysis/events/event-corpus-train.jsonl";
    /** Where the build copies the held-out split. */
    public static final String BUNDLED_HELDOUT = "/org/sitrep/analysis/events/event-corpus-heldout.jsonl";

    private final List<Passage> passages;
    private final List<CorpusProblem> problems;

    private TrainingCorpus(List<Passage> passages, List<CorpusProblem> problems) {
        this.passages = List.copyOf(passages);
        this.problems = List.copyOf(problems);
    }

    public static TrainingCorpus of(List<Passage> passages) {
        return new TrainingCorpus(passages, List.of());
    }

    /** Every {@code *.jsonl} in these folders (or these files), in name order; a missing folder has none. */
    public static TrainingCorpus load(Path... paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isRegularFile(p)) {
                files.add(p);
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(f))
                            .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p, e);
                }
            }
        }
        List<Passage> passages = new ArrayList<>();
        List<CorpusProblem> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                read(r, name, passages, problems, seen);
            } catch (IOException | UncheckedIOException e) {
                problems.add(new CorpusProblem(name, 0, "unreadable: " + e.getMessage()));
            }
        }
        return new TrainingCorpus(passages, problems);
    }

    private static void read(
            BufferedReader r,
            String name,
            List<Passage> passages,
            List<CorpusProblem> problems,
            Map<String, String> seen)
            throws IOException {
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) continue;
            List<String> why = new ArrayList<>();
            Passage p = parse(line, name, why);
            if (p != null) {
                String earlier = seen.putIfAbsent(p.id(), name + ":" + n);
                if (earlier != null) {
                    why.add("id " + p.id() + " is already used at " + earlier);
                    p = null;
                }
            }
            if (p != null) passages.add(p);
            for (String w : why) problems.add(new CorpusProblem(name, n, w));
        }
    }

    /** Passages in the corpus format from a reader (reviewed examples straight from a database, say). */
    public static TrainingCorpus read(Reader in, String name) {
        List<Passage> passages = new ArrayList<>();
        List<CorpusProblem> problems = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(in)) {
            read(r, name, passages, problems, new HashMap<>());
        } catch (IOException e) {
            problems.add(new CorpusProblem(name, 0, "unreadable: " + e.getMessage()));
        }
        return new TrainingCorpus(passages, problems);
    }

    /**
     * The copy of {@code analysis/corpus/train} or {@code heldout} the build put beside the bundled model
     * ({@link #BUNDLED_TRAIN}, {@link #BUNDLED_HELDOUT}), so that a server far from the repository can
     * retrain from it; empty when this build has none.
     */
    public static Optional<TrainingCorpus> bundled(String resource) {
        try (InputStream in = TrainingCorpus.class.getResourceAsStream(resource)) {
            if (in == null) return Optional.empty();
            List<Passage> passages = new ArrayList<>();
            List<CorpusProblem> problems = new ArrayList<>();
            read(
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                    resource.substring(resource.lastIndexOf('/') + 1),
                    passages,
                    problems,
                    new HashMap<>());
            return Optional.of(new TrainingCorpus(passages, problems));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled corpus " + resource, e);
        }
    }

    /** One line into a passage, or null with the reasons added to {@code why}. */
    static Passage parse(String line, String file, List<String> why) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            why.add("not a JSON object: " + e.getOriginalMessage());
            return null;
        }
        if (o == null || !o.isObject()) {
            why.add("not a JSON object");
            return null;
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) why.add("unknown field '" + f + "'");
        }
        String id = string(o, "id", why);
        String text = string(o, "text", why);
        String type = string(o, "type", why);
        String subtype = string(o, "subtype", why);
        String source = string(o, "source", why);
        String actor1 = string(o, "actor1", why);
        String actor2 = string(o, "actor2", why);
        String country = string(o, "country", why);
        if (id == null || id.isBlank()) why.add("no id");
        if (text == null || text.isBlank()) why.add("no text");
        else if (text.length() > MAX_TEXT) why.add("text longer than " + MAX_TEXT + " characters");
        Optional<SubEventType> label =
                type == null || subtype == null ? Optional.empty() : SubEventType.of(type, subtype);
        if (label.isEmpty())
            why.add("no ACLED type '" + type + "' with sub-type '" + subtype + "' (nor a None category)");
        if (source == null || !SOURCES.contains(source)) why.add("source '" + source + "' is not one of " + SOURCES);
        for (String a : new String[] {actor1, actor2}) {
            if (a != null && text != null && (a.isBlank() || !text.contains(a)))
                why.add("actor '" + a + "' is not in the text");
        }
        if (actor1 != null && actor1.equals(actor2)) why.add("actor1 and actor2 are the same words");
        // the gold deaths of the fatalities evaluation (FatalityEvaluation reads them): a count, ACLED's way
        JsonNode deaths = o.get("fatalities");
        if (deaths != null && !deaths.isNull() && !(deaths.isInt() && deaths.asInt() >= 0)) {
            why.add("'fatalities' is not a whole number of deaths (0 or more)");
        }
        if (!why.isEmpty()) return null;
        return new Passage(id, text, label.get(), actor1, actor2, country, source, file);
    }

    private static String string(JsonNode o, String field, List<String> why) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) {
            why.add("'" + field + "' is not a string");
            return null;
        }
        return v.asText();
    }

    public List<Passage> passages() {
        return passages;
    }

    public List<CorpusProblem> problems() {
        return problems;
    }

    public int size() {
        return passages.size();
    }
}
