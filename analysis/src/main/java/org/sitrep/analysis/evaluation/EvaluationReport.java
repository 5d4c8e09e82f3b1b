package org.sitrep.analysis.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scores of one run over the development corpus, per split ("dev" tuned on, "test" held out,
 * "all"), as a text table, Markdown (for {@code docs/evaluation/README.md}) or JSON; and as flat
 * metric names ("test.events.f1") that the recorded floors refer to.
 */
public final class EvaluationReport {
    private final LocalDate date;
    private final String engineVersion;
    private final String corpus;
    private final Map<String, Scores> splits;
    private final List<String> failures;

    public EvaluationReport(
            LocalDate date, String engineVersion, String corpus, Map<String, Scores> splits, List<String> failures) {
        this.date = date;
        this.engineVersion = engineVersion;
        this.corpus = corpus;
        this.splits = new LinkedHashMap<>(splits);
        this.failures = List.copyOf(failures);
    }

    public Map<String, Scores> splits() {
        return splits;
    }

    public Scores split(String name) {
        return splits.get(name);
    }

    /** Texts on which the engine threw: scored as if it had found nothing. */
    public List<String> failures() {
        return failures;
    }

    /** Every figure under a stable name: {@code <split>.<component>.<precision|recall|f1>}, {@code <split>.geocoding.within161} … */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        splits.forEach((name, s) -> {
            for (Map.Entry<String, Score> e : detections(s).entrySet()) {
                m.put(name + "." + e.getKey() + ".precision", e.getValue().precision());
                m.put(name + "." + e.getKey() + ".recall", e.getValue().recall());
                m.put(name + "." + e.getKey() + ".f1", e.getValue().f1());
            }
            for (Map.Entry<String, Accuracy> e : accuracies(s).entrySet()) {
                m.put(name + "." + e.getKey(), e.getValue().value());
            }
            m.put(name + ".geocoding.within10", s.geocoding().within(CorpusScorer.EXACT_KM));
            m.put(name + ".geocoding.within161", s.geocoding().within(CorpusScorer.NEAR_KM));
            m.put(name + ".geocoding.meanKm", s.geocoding().mean());
            m.put(name + ".geocoding.medianKm", s.geocoding().median());
        });
        return m;
    }

    private static Map<String, Score> detections(Scores s) {
        Map<String, Score> m = new LinkedHashMap<>();
        m.put("placeMentions", s.placeMentions());
        m.put("places", s.places());
        m.put("placesResolved", s.placesResolved());
        m.put("actors", s.actors());
        m.put("dates", s.dates());
        m.put("events", s.events());
        return m;
    }

    private static Map<String, Accuracy> accuracies(Scores s) {
        Map<String, Accuracy> m = new LinkedHashMap<>();
        m.put("actors.side", s.actorSides());
        m.put("dates.range", s.dateRanges());
        m.put("events.subType", s.eventSubTypes());
        m.put("events.actor1", s.eventActor1());
        m.put("events.actor2", s.eventActor2());
        m.put("events.place", s.eventPlaces());
        m.put("events.date", s.eventDates());
        return m;
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("placeMentions", "place mentions"),
            Map.entry("places", "places (distinct per text)"),
            Map.entry("placesResolved", "places resolved (<=161 km)"),
            Map.entry("actors", "actors (canonical per text)"),
            Map.entry("dates", "dates (time expressions)"),
            Map.entry("events", "events (type + evidence)"),
            Map.entry("actors.side", "actor side"),
            Map.entry("dates.range", "date range exact"),
            Map.entry("events.subType", "event sub-type"),
            Map.entry("events.actor1", "event actor1"),
            Map.entry("events.actor2", "event actor2"),
            Map.entry("events.place", "event place (<=161 km)"),
            Map.entry("events.date", "event date (ranges overlap)"));

    /** A plain-text table for the terminal. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("Sitrep evaluation ")
                .append(date)
                .append(", engine ")
                .append(engineVersion)
                .append(", corpus ")
                .append(corpus)
                .append('\n');
        splits.forEach((name, s) -> {
            b.append('\n').append(name).append(" (").append(s.texts()).append(" texts)\n");
            b.append(String.format(
                    Locale.ROOT, "  %-30s %6s %6s %6s %6s %6s%n", "component", "P", "R", "F1", "gold", "found"));
            detections(s)
                    .forEach((k, v) -> b.append(String.format(
                            Locale.ROOT,
                            "  %-30s %6s %6s %6s %6d %6d%n",
                            LABELS.get(k),
                            pct(v.precision()),
                            pct(v.recall()),
                            pct(v.f1()),
                            v.gold(),
                            v.found())));
            b.append(String.format(Locale.ROOT, "  %-30s %6s %6s%n", "accuracy on matched items", "acc", "n"));
            accuracies(s)
                    .forEach((k, v) -> b.append(
                            String.format(Locale.ROOT, "  %-30s %6s %6d%n", LABELS.get(k), pct(v.value()), v.total())));
            GeoErrors g = s.geocoding();
            b.append(String.format(
                    Locale.ROOT,
                    "  geocoding of %d matched mentions: %s within 10 km, %s within 161 km, mean %s km, median %s km%n",
                    g.count(),
                    pct(g.within(CorpusScorer.EXACT_KM)),
                    pct(g.within(CorpusScorer.NEAR_KM)),
                    km(g.mean()),
                    km(g.median())));
        });
        if (!failures.isEmpty()) {
            b.append("\nengine failures (scored as empty):\n");
            failures.forEach(f -> b.append("  ").append(f).append('\n'));
        }
        return b.toString();
    }

    /**
     * What went wrong, text by text, for whoever tunes the engine: the dev split only, so that the
     * held-out test split stays an honest measure.
     */
    public String details() {
        Scores dev = splits.get(CorpusText.DEV);
        if (dev == null) return "";
        StringBuilder b = new StringBuilder("\ndev misses:\n");
        dev.misses().forEach(m -> b.append("  ").append(m).append('\n'));
        return b.toString();
    }

    /** Rows for the results table in {@code docs/evaluation/README.md}. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("Run ")
                .append(date)
                .append(", engine ")
                .append(engineVersion)
                .append(", corpus `")
                .append(corpus)
                .append("`\n\n");
        b.append("| split | texts | component | P | R | F1 | gold | found |\n|---|---|---|---|---|---|---|---|\n");
        splits.forEach((name, s) -> detections(s)
                .forEach((k, v) -> b.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %s | %s | %s | %s | %d | %d |%n",
                        name,
                        s.texts(),
                        LABELS.get(k),
                        pct(v.precision()),
                        pct(v.recall()),
                        pct(v.f1()),
                        v.gold(),
                        v.found()))));
        b.append("\n| split | accuracy on matched items | value | n |\n|---|---|---|---|\n");
        splits.forEach((name, s) -> accuracies(s)
                .forEach((k, v) -> b.append(String.format(
                        Locale.ROOT, "| %s | %s | %s | %d |%n", name, LABELS.get(k), pct(v.value()), v.total()))));
        b.append(
                "\n| split | matched mentions | within 10 km | within 161 km | mean error km | median error km |\n|---|---|---|---|---|---|\n");
        splits.forEach((name, s) -> {
            GeoErrors g = s.geocoding();
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s | %s |%n",
                    name,
                    g.count(),
                    pct(g.within(CorpusScorer.EXACT_KM)),
                    pct(g.within(CorpusScorer.NEAR_KM)),
                    km(g.mean()),
                    km(g.median())));
        });
        return b.toString();
    }

    /**
     * A floors file for {@code DevCorpusFloorsTest}, a little below this run's figures: 0.03 under
     * each detection score and 0.05 under each accuracy on the dev split, wider on the small test
     * split (0.05, 0.08); the median geocoding error gets a ceiling 2 km above.
     */
    public String floors() {
        StringBuilder b = new StringBuilder();
        b.append("# Floors for DevCorpusFloorsTest, a little below the figures measured on ")
                .append(date)
                .append(" (engine ")
                .append(engineVersion)
                .append(").\n")
                .append(
                        "# Names as in EvaluationReport.metrics(). Figures ending in Km are errors: there the value is a ceiling.\n")
                .append("# The test split is small, so its margins are wider. After a value, \"#\" starts a note.\n")
                .append(
                        "# Regenerate: ./sitrep evaluate --format floors analysis/corpus/dev; raise floors when the engine\n")
                .append("# improves, lower one only with a reason in the commit message.\n");
        for (String split : List.of(CorpusText.DEV, CorpusText.TEST)) {
            Scores s = splits.get(split);
            if (s == null) continue;
            double detection = split.equals(CorpusText.DEV) ? 0.03 : 0.05;
            double accuracy = split.equals(CorpusText.DEV) ? 0.05 : 0.08;
            b.append("\n# ").append(split).append(" (").append(s.texts()).append(" texts)\n");
            detections(s).forEach((k, v) -> {
                floor(b, split + "." + k + ".precision", v.precision(), detection, "");
                floor(b, split + "." + k + ".recall", v.recall(), detection, "");
                floor(b, split + "." + k + ".f1", v.f1(), detection, "");
            });
            accuracies(s).forEach((k, v) -> floor(b, split + "." + k, v.value(), accuracy, " of " + v.total()));
            floor(b, split + ".geocoding.within10", s.geocoding().within(CorpusScorer.EXACT_KM), detection, "");
            floor(b, split + ".geocoding.within161", s.geocoding().within(CorpusScorer.NEAR_KM), detection, "");
            double median = s.geocoding().median();
            if (Double.isFinite(median)) {
                b.append(String.format(
                        Locale.ROOT,
                        "%s.geocoding.medianKm = %.0f  # measured %.1f%n",
                        split,
                        Math.ceil(median + 2),
                        median));
            }
        }
        return b.toString();
    }

    private static void floor(StringBuilder b, String name, double value, double margin, String note) {
        if (!Double.isFinite(value)) return;
        double floor = Math.max(0, Math.floor((value - margin) * 100 + 1e-9) / 100);
        b.append(String.format(Locale.ROOT, "%s = %.2f  # measured %.3f%s%n", name, floor, value, note));
    }

    public String json() {
        return json(false);
    }

    /** The report as JSON; with {@code devMisses}, every miss of the dev split too. */
    public String json(boolean devMisses) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("date", date.toString());
        root.put("engineVersion", engineVersion);
        root.put("corpus", corpus);
        Map<String, Object> out = new LinkedHashMap<>();
        splits.forEach((name, s) -> {
            Map<String, Object> split = new LinkedHashMap<>();
            split.put("texts", s.texts());
            detections(s).forEach((k, v) -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("precision", round(v.precision()));
                c.put("recall", round(v.recall()));
                c.put("f1", round(v.f1()));
                c.put("tp", v.tp());
                c.put("fp", v.fp());
                c.put("fn", v.fn());
                split.put(k, c);
            });
            Map<String, Object> acc = new LinkedHashMap<>();
            accuracies(s).forEach((k, v) -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("value", round(v.value()));
                c.put("correct", v.correct());
                c.put("total", v.total());
                acc.put(k, c);
            });
            split.put("accuracy", acc);
            GeoErrors g = s.geocoding();
            Map<String, Object> geo = new LinkedHashMap<>();
            geo.put("mentions", g.count());
            geo.put("within10", round(g.within(CorpusScorer.EXACT_KM)));
            geo.put("within161", round(g.within(CorpusScorer.NEAR_KM)));
            geo.put("meanKm", round(g.mean()));
            geo.put("medianKm", round(g.median()));
            split.put("geocoding", geo);
            out.put(name, split);
        });
        root.put("splits", out);
        root.put("failures", failures);
        if (devMisses && splits.containsKey(CorpusText.DEV))
            root.put("devMisses", splits.get(CorpusText.DEV).misses());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Double round(double d) {
        return Double.isFinite(d) ? Math.round(d * 1000) / 1000.0 : null;
    }

    private static String pct(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.3f", d) : "-";
    }

    private static String km(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.1f", d) : "-";
    }

    /** Runs {@code engine} over the corpus and scores it per split. */
    public static EvaluationReport run(
            List<CorpusText> texts,
            java.util.function.Function<CorpusText, Prediction> engine,
            String engineVersion,
            String corpus,
            LocalDate date) {
        CorpusScorer scorer = new CorpusScorer();
        Map<String, Scores> splits = new LinkedHashMap<>();
        splits.put(CorpusText.DEV, new Scores());
        splits.put(CorpusText.TEST, new Scores());
        Scores all = new Scores();
        List<String> failures = new ArrayList<>();
        for (CorpusText t : texts) {
            Prediction p;
            try {
                p = engine.apply(t);
            } catch (RuntimeException e) {
                failures.add(t.id() + ": " + e);
                p = Prediction.of(new org.sitrep.analysis.Analysis(
                        org.sitrep.analysis.Analysis.SCHEMA,
                        engineVersion,
                        t.published(),
                        t.title(),
                        "",
                        List.of(),
                        List.of(),
                        List.of()));
            }
            Scores s = scorer.score(t, p);
            splits.get(t.split()).add(s);
            all.add(s);
        }
        splits.entrySet().removeIf(e -> e.getValue().texts() == 0);
        splits.put("all", all);
        return new EvaluationReport(date, engineVersion, corpus, splits, failures);
    }
}
