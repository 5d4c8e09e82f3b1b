package org.sitrep.analysis.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.events.EventClassifier;
import org.sitrep.analysis.events.LearnedEventClassifier;

/**
 * One retraining of the learned event classifier from the shipped corpus plus a publication's reviewed
 * examples, and the verdict on it: the new model and the model in use are measured on the same held-out
 * passages, and the new one is to be used only if it is not worse. {@code ./sitrep train} and the intel
 * admin's "Retrain from reviews" both come here, so they decide alike.
 *
 * <p>Reviewed examples count {@link #REVIEW_WEIGHT} times each: one sentence among four thousand barely
 * moves a maxent model, and an analyst's correction is about this publication's own wording.
 *
 * <p>"Not worse" allows {@link #TOLERANCE} on sub-type weighted F1 and on event F1: one held-out passage
 * of 375 coded differently moves weighted F1 by about 0.003, so a stricter rule would refuse models that
 * differ from the one in use only by such noise. So that retrains cannot drift down by that much each
 * time, the new model must also be within the tolerance of the model the build shipped.
 */
public final class Retraining {
    /** How many times each reviewed example counts in training. */
    public static final int REVIEW_WEIGHT = 8;
    /** How much lower a "not worse" model's weighted F1 and event F1 may be (about one held-out passage). */
    public static final double TOLERANCE = 0.005;

    private Retraining() {}

    /** The figures of one model on the held-out split; per-label F1 keyed by label ("None" for no event). */
    public record Figures(double weightedF1, double macroF1, double eventF1, double actor1, double actor2,
                          Map<String, Double> labelF1) {
        public static Figures of(PassageEvaluation e) {
            Map<String, Double> labels = new LinkedHashMap<>();
            for (PassageEvaluation.LabelScore s : e.labels()) if (s.gold() > 0) labels.put(s.label(), s.f1());
            return new Figures(e.weightedF1(), e.macroF1(), e.detection()[2], e.actor1(), e.actor2(), labels);
        }
    }

    /**
     * What a retraining made and measured.
     *
     * @param model           the new model's bytes (as {@link LearnedEventClassifier#of(byte[])} reads them)
     * @param version         the new model's version ("ev-…")
     * @param previousVersion the model in use ("" for the rules alone)
     * @param corpusSize      training passages from the corpus
     * @param reviewedCount   reviewed examples added (each counted {@link #REVIEW_WEIGHT} times)
     * @param heldOutSize     held-out passages measured on
     * @param notWorse        whether the new model may replace the one in use
     * @param reason          why, in a sentence with the figures
     */
    public record Result(byte[] model, String version, String previousVersion, int corpusSize, int reviewedCount,
                         int heldOutSize, Figures before, Figures after, boolean notWorse, String reason) {
        public boolean unchanged() { return version.equals(previousVersion); }
    }

    /**
     * Trains on {@code split.train()} plus {@code reviewed}, measures on {@code split.test()} beside
     * {@code current} (and {@code shipped}, when that is another model), and judges.
     */
    public static Result run(HeldOut split, List<Passage> reviewed, EventClassifier current, EventClassifier shipped) {
        List<Passage> trainOn = new ArrayList<>(split.train());
        for (Passage p : reviewed) for (int i = 0; i < REVIEW_WEIGHT; i++) trainOn.add(p);
        byte[] bytes = new EventModelTrainer().train(trainOn);
        LearnedEventClassifier model = LearnedEventClassifier.of(bytes);
        boolean same = model.version().equals(current.version());
        Figures before = measure(current, split);
        Figures after = same ? before : measure(model, split);
        Figures floor = same || shipped == null || shipped.version().equals(current.version()) ? null : measure(shipped, split);
        List<String> worse = new ArrayList<>();
        if (after.weightedF1() < before.weightedF1() - TOLERANCE) worse.add("weighted F1");
        if (after.eventF1() < before.eventF1() - TOLERANCE) worse.add("event F1");
        boolean belowShipped = floor != null && after.weightedF1() < floor.weightedF1() - TOLERANCE;
        String figures = String.format(Locale.ROOT, "weighted F1 %s → %s, event F1 %s → %s on %d held-out passages",
                PassageEvaluation.f(before.weightedF1()), PassageEvaluation.f(after.weightedF1()),
                PassageEvaluation.f(before.eventF1()), PassageEvaluation.f(after.eventF1()), split.size());
        String reason;
        if (same) {
            // nothing would change: never "worse", whatever the floor says of the model in use
            reason = "the same model as the one in use (the corpus and reviews have not changed)";
        } else if (!worse.isEmpty()) {
            reason = "worse than the model in use (" + String.join(" and ", worse) + " lower by more than "
                    + TOLERANCE + "): " + figures;
        } else if (belowShipped) {
            reason = String.format(Locale.ROOT, "worse than the model the build shipped (weighted F1 %s, new %s): %s",
                    PassageEvaluation.f(floor.weightedF1()), PassageEvaluation.f(after.weightedF1()), figures);
        } else {
            reason = "not worse than the model in use: " + figures;
        }
        return new Result(bytes, model.version(), current.version(), split.train().size(), reviewed.size(), split.size(),
                before, after, same || worse.isEmpty() && !belowShipped, reason);
    }

    private static Figures measure(EventClassifier classifier, HeldOut split) {
        return Figures.of(PassageEvaluation.run(Analyzer.builder().eventClassifier(classifier).build(), split.test()));
    }
}
