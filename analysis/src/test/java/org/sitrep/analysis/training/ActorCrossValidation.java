package org.sitrep.analysis.training;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.events.LearnedEventClassifier;

/**
 * A measurement, not a check: actor1/actor2 of the main event on the training split by five-fold
 * cross-validation (the event model retrained on four fifths, measured on the fifth), plus how many gold actor spans any actor covers. Slow (five trainings), so it runs
 * only when asked: {@code -Dsitrep.measure=actors} (add {@code -Dsitrep.measure.folds=0} to measure with
 * the bundled model instead, which has seen every passage, and {@code -Dsitrep.measure.patterns=true} to
 * put the pattern finder in the actor finder's second slot for that measure). Writes {@code target/actor-cv.txt}.
 */
class ActorCrossValidation {
    private static final LocalDate ANCHOR = LocalDate.of(2026, 1, 1);

    @Test
    void measure() throws Exception {
        assumeTrue("actors".equals(System.getProperty("sitrep.measure")), "a measurement: -Dsitrep.measure=actors");
        int folds = Integer.getInteger("sitrep.measure.folds", 5);
        List<Passage> all = TrainingCorpus.load(Path.of("corpus/train")).passages();
        StringBuilder report = new StringBuilder();
        {
            int[] totals = new int[6]; // a1 right, a1 n, a2 right, a2 n, spans covered, spans
            List<String> missed = new ArrayList<>();
            if (folds == 0) {
                score(
                        Boolean.getBoolean("sitrep.measure.patterns")
                                ? Analyzer.builder()
                                        .actorFinder(org.sitrep.analysis.actors.DictionaryActorFinder.withPatterns())
                                        .build()
                                : Analyzer.create(),
                        all,
                        totals,
                        missed);
            } else {
                for (int k = 0; k < folds; k++) {
                    List<Passage> train = new ArrayList<>();
                    List<Passage> test = new ArrayList<>();
                    for (Passage p : all) (fold(p.id(), folds) == k ? test : train).add(p);
                    byte[] model = new EventModelTrainer().train(train);
                    Analyzer engine = Analyzer.builder()
                            .eventClassifier(LearnedEventClassifier.of(model))
                            .build();
                    score(engine, test, totals, missed);
                }
            }
            report.append(String.format(
                    Locale.ROOT,
                    "folds=%d actor1 %.3f (%d) actor2 %.3f (%d) spans covered %.3f (%d)%n",
                    folds,
                    (double) totals[0] / totals[1],
                    totals[1],
                    (double) totals[2] / totals[3],
                    totals[3],
                    (double) totals[4] / totals[5],
                    totals[5]));
            missed.forEach(m -> report.append(m).append('\n'));
        }
        Files.writeString(Path.of("target/actor-cv.txt"), report.toString());
        System.out.println(report.substring(0, Math.min(report.length(), 600)));
    }

    private static int fold(String id, int folds) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % folds);
    }

    private static void score(Analyzer engine, List<Passage> passages, int[] t, List<String> missed) {
        PassageEvaluation ev = PassageEvaluation.run(engine, passages);
        for (PassageEvaluation.Outcome o : ev.outcomes()) {
            if (o.actor1Right() != null) {
                t[1]++;
                if (o.actor1Right()) t[0]++;
            }
            if (o.actor2Right() != null) {
                t[3]++;
                if (o.actor2Right()) t[2]++;
            }
        }
        for (Passage p : passages) {
            if (p.actor1() == null && p.actor2() == null) continue;
            Analysis a = engine.analyze(Document.text(p.text(), ANCHOR));
            for (String gold : new String[] {p.actor1(), p.actor2()}) {
                if (gold == null) continue;
                t[5]++;
                if (covered(a, gold)) t[4]++;
                else missed.add("MISSED\t" + p.id() + "\t" + gold);
            }
        }
    }

    private static boolean covered(Analysis a, String gold) {
        int at = a.text().indexOf(gold);
        if (at < 0) return false;
        for (Actor actor : a.actors()) {
            for (Span m : actor.mentions()) if (m.start() < at + gold.length() && at < m.end()) return true;
        }
        return false;
    }
}
