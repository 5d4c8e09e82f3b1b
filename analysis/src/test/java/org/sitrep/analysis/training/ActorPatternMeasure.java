package org.sitrep.analysis.training;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.actors.ActorPattern;
import org.sitrep.analysis.actors.DictionaryActorFinder;
import org.sitrep.analysis.evaluation.AnalyzerEngine;
import org.sitrep.analysis.evaluation.CorpusText;
import org.sitrep.analysis.evaluation.DevCorpus;
import org.sitrep.analysis.evaluation.EvaluationReport;

/**
 * A measurement, not a check: each {@link ActorPattern} on its own (beside none, the defaults and all), on the
 * development corpus's dev split (actor precision, recall, event actor1/actor2) and on the training split
 * (actor1/actor2 of the main event, bundled models). The dev corpus's test split is printed because the floors
 * hold it too, but patterns are chosen on the dev split. Runs only when asked: {@code -Dsitrep.measure=patterns};
 * writes {@code target/actor-patterns.txt}.
 */
class ActorPatternMeasure {

    @Test
    void measure() throws Exception {
        assumeTrue("patterns".equals(System.getProperty("sitrep.measure")), "a measurement: -Dsitrep.measure=patterns");
        List<CorpusText> dev = DevCorpus.load(Path.of("corpus/dev"));
        List<Passage> train = TrainingCorpus.load(Path.of("corpus/train")).passages();
        Map<String, Set<ActorPattern>> settings = new LinkedHashMap<>();
        settings.put("none", EnumSet.noneOf(ActorPattern.class));
        for (ActorPattern p : ActorPattern.values()) settings.put(p.name(), EnumSet.of(p));
        settings.put("default", ActorPattern.byDefault());
        settings.put("all", ActorPattern.all());
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "%-17s %9s %9s %9s %9s %9s | %9s %9s | %8s %8s",
                "patterns",
                "dev.P",
                "dev.R",
                "dev.F1",
                "dev.act1",
                "dev.act2",
                "test.P",
                "test.R",
                "tr.act1",
                "tr.act2"));
        for (Map.Entry<String, Set<ActorPattern>> s : settings.entrySet()) {
            Analyzer engine = Analyzer.builder()
                    .actorFinder(DictionaryActorFinder.withPatterns(s.getValue()))
                    .build();
            AnalyzerEngine e = new AnalyzerEngine(engine);
            Map<String, Double> m = EvaluationReport.run(dev, e::analyze, e.version(), "corpus/dev", LocalDate.now())
                    .metrics();
            int[] t = new int[4];
            for (PassageEvaluation.Outcome o :
                    PassageEvaluation.run(engine, train).outcomes()) {
                if (o.actor1Right() != null) {
                    t[1]++;
                    if (o.actor1Right()) t[0]++;
                }
                if (o.actor2Right() != null) {
                    t[3]++;
                    if (o.actor2Right()) t[2]++;
                }
            }
            lines.add(String.format(
                    Locale.ROOT,
                    "%-17s %9.3f %9.3f %9.3f %9.3f %9.3f | %9.3f %9.3f | %8.3f %8.3f",
                    s.getKey(),
                    m.get("dev.actors.precision"),
                    m.get("dev.actors.recall"),
                    m.get("dev.actors.f1"),
                    m.get("dev.events.actor1"),
                    m.get("dev.events.actor2"),
                    m.get("test.actors.precision"),
                    m.get("test.actors.recall"),
                    (double) t[0] / t[1],
                    (double) t[2] / t[3]));
            System.out.println(lines.get(lines.size() - 1));
        }
        Files.writeString(Path.of("target/actor-patterns.txt"), String.join("\n", lines) + "\n");
    }
}
