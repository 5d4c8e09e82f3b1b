package org.sitrep.analysis.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.Fatalities;

/**
 * Reported deaths measured on labelled passages: each event passage of the corpus carries a gold
 * {@code fatalities} (ACLED's figure for the deaths it reports, 0 when it reports none), and the engine's
 * figure for the passage is the sum of its events' figures (each death is counted once, so the sum is
 * the passage's count; a passage with no figure counts 0, as ACLED's column does).
 *
 * <ul>
 *   <li><b>exact</b>: the engine's figure is the gold one;</li>
 *   <li><b>within range</b>: the gold figure lies in the range the engine read (its low..high; an open
 *       range, "at least six", reaches any higher figure);</li>
 *   <li>on the passages that report deaths: found at all (a figure above 0), exact, within range;</li>
 *   <li>false deaths: passages reporting none where the engine counts some; total deaths, gold and read.</li>
 * </ul>
 *
 * <p>{@code java … FatalityEvaluation FILE|DIR… [--details]} prints the table (and, with
 * {@code --details}, every miss: for the dev split only, never the test split).
 */
public final class FatalityEvaluation {
    private static final LocalDate ANCHOR = LocalDate.of(2026, 1, 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A passage with its gold figure. */
    public record Gold(String id, String text, int fatalities) {}

    /** One passage's outcome. */
    public record Outcome(Gold gold, int best, int low, Integer high, boolean read) {
        boolean exact() {
            return best == gold.fatalities();
        }

        boolean withinRange() {
            int g = gold.fatalities();
            return read ? g >= low && (high == null || g <= high) : g == 0;
        }
    }

    private final List<Outcome> outcomes;

    private FatalityEvaluation(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    public static FatalityEvaluation run(Analyzer engine, List<Gold> passages) {
        List<Outcome> out = new ArrayList<>(passages.size());
        for (Gold g : passages) {
            Analysis a = engine.analyze(Document.text(g.text(), ANCHOR));
            int best = 0, low = 0;
            Integer high = 0;
            boolean read = false;
            for (Event e : a.events()) {
                Fatalities f = e.fatalities();
                if (f == null) continue;
                read = true;
                best += f.best();
                low += f.low();
                high = high == null || f.high() == null ? null : high + f.high();
            }
            out.add(new Outcome(g, best, low, high, read));
        }
        return new FatalityEvaluation(out);
    }

    /** The passages of these files (or every {@code *.jsonl} of these folders) that carry a gold figure. */
    public static List<Gold> load(Path... paths) {
        List<Gold> gold = new ArrayList<>();
        for (Path p : paths) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                files.add(p);
            }
            for (Path f : files) {
                try {
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        if (line.isBlank()) continue;
                        JsonNode o = JSON.readTree(line);
                        JsonNode deaths = o.get("fatalities");
                        if (deaths == null || !deaths.isInt()) continue;
                        gold.add(new Gold(o.path("id").asText(), o.path("text").asText(), deaths.asInt()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
                }
            }
        }
        return gold;
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    public int passages() {
        return outcomes.size();
    }

    public int reportingDeaths() {
        return (int) outcomes.stream().filter(o -> o.gold().fatalities() > 0).count();
    }

    public double exact() {
        return share(outcomes, Outcome::exact);
    }

    public double withinRange() {
        return share(outcomes, Outcome::withinRange);
    }

    /** On the passages reporting deaths: the engine found some. */
    public double deathsFound() {
        return share(withDeaths(), o -> o.best() > 0);
    }

    public double exactWhereDeaths() {
        return share(withDeaths(), Outcome::exact);
    }

    public double withinRangeWhereDeaths() {
        return share(withDeaths(), Outcome::withinRange);
    }

    /** Passages reporting no deaths where the engine counts some. */
    public int falseDeaths() {
        return (int) outcomes.stream()
                .filter(o -> o.gold().fatalities() == 0 && o.best() > 0)
                .count();
    }

    public long goldTotal() {
        return outcomes.stream().mapToLong(o -> o.gold().fatalities()).sum();
    }

    public long readTotal() {
        return outcomes.stream().mapToLong(Outcome::best).sum();
    }

    private List<Outcome> withDeaths() {
        return outcomes.stream().filter(o -> o.gold().fatalities() > 0).toList();
    }

    private static double share(List<Outcome> of, java.util.function.Predicate<Outcome> ok) {
        return of.isEmpty() ? 0 : of.stream().filter(ok).count() / (double) of.size();
    }

    /** The figures as rows of a Markdown table. */
    public String markdown() {
        return String.format(
                Locale.ROOT,
                """
                | figure | value |
                |---|---|
                | event passages | %d |
                | exact (all) | %.3f |
                | within range (all) | %.3f |
                | passages reporting deaths | %d |
                | deaths found (reporting deaths) | %.3f |
                | exact (reporting deaths) | %.3f |
                | within range (reporting deaths) | %.3f |
                | false deaths (reporting none, engine counts some) | %d |
                | total deaths: gold / read | %d / %d |
                """,
                passages(),
                exact(),
                withinRange(),
                reportingDeaths(),
                deathsFound(),
                exactWhereDeaths(),
                withinRangeWhereDeaths(),
                falseDeaths(),
                goldTotal(),
                readTotal());
    }

    public static void main(String[] args) {
        boolean details = false;
        List<Path> paths = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--details")) details = true;
            else paths.add(Path.of(a));
        }
        FatalityEvaluation e = run(Analyzer.create(), load(paths.toArray(Path[]::new)));
        System.out.print(e.markdown());
        if (details) {
            for (Outcome o : e.outcomes()) {
                if (!o.exact())
                    System.out.printf(
                            Locale.ROOT,
                            "%s gold %d read %d (%d..%s): %s%n",
                            o.gold().id(),
                            o.gold().fatalities(),
                            o.best(),
                            o.low(),
                            o.high(),
                            o.gold().text());
            }
        }
    }
}
