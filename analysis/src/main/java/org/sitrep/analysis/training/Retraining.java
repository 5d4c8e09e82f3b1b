package org.sitrep.analysis.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.events.LearnedActorRolePicker;
import org.sitrep.analysis.events.LearnedEventClassifier;

/**
 * One retraining of both learned slots from the shipped corpus plus a publication's reviewed examples, and
 * the verdict on it: the event classifier is trained first, then the actor-role picker reading the same
 * passages with that new classifier in the engine (as the build trains the pair); the new pair and the pair
 * in use are measured on the same held-out passages, and the new pair is to be used only if it is not worse.
 * {@code ./sitrep train} and the intel admin's "Retrain from reviews" both come here, so they decide alike.
 *
 * <p>Reviewed examples count {@link #REVIEW_WEIGHT} times each, in both models: one sentence among four
 * thousand barely moves a maxent model, and an analyst's correction is about this publication's own wording
 * (a corrected sub-type teaches the event model, corrected actors the role model).
 *
 * <p>"Not worse" allows {@link #TOLERANCE} on sub-type weighted F1 and event F1, and one passage's worth on
 * actor1 and actor2 accuracy (read over the passages naming that actor): one held-out passage of 375 coded
 * differently moves weighted F1 by about 0.003, so a stricter rule would refuse models that differ from the
 * ones in use only by such noise. So that retrains cannot drift down by
 * that much each time, the new pair's weighted F1 must also be within the tolerance of the pair the build
 * shipped.
 */
public final class Retraining {
    /** How many times each reviewed example counts in training. */
    public static final int REVIEW_WEIGHT = 8;
    /** How much lower a "not worse" pair's weighted F1 and event F1 may be (about one held-out passage). */
    public static final double TOLERANCE = 0.005;

    private Retraining() {}

    /** The figures of one model on the held-out split; per-label F1 keyed by label ("None" for no event). */
    public record Figures(
            double weightedF1,
            double macroF1,
            double eventF1,
            double actor1,
            double actor2,
            Map<String, Double> labelF1,
            int actor1Count,
            int actor2Count) {
        public static Figures of(PassageEvaluation e) {
            Map<String, Double> labels = new LinkedHashMap<>();
            for (PassageEvaluation.LabelScore s : e.labels()) if (s.gold() > 0) labels.put(s.label(), s.f1());
            return new Figures(
                    e.weightedF1(),
                    e.macroF1(),
                    e.detection()[2],
                    e.actor1(),
                    e.actor2(),
                    labels,
                    e.actor1Count(),
                    e.actor2Count());
        }
    }

    /**
     * What a retraining made and measured.
     *
     * @param model               the new event model's bytes (as {@link LearnedEventClassifier#of(byte[])} reads them)
     * @param version             the new event model's version ("ev-…")
     * @param roleModel           the new actor-role model's bytes (as {@link LearnedActorRolePicker#of(byte[])} reads them)
     * @param roleVersion         the new actor-role model's version ("ar-…")
     * @param previousVersion     the event model in use ("" for the rules alone)
     * @param previousRoleVersion the actor-role model in use ("" for the rules' roles)
     * @param corpusSize          training passages from the corpus
     * @param reviewedCount       reviewed examples added (each counted {@link #REVIEW_WEIGHT} times)
     * @param heldOutSize         held-out passages measured on
     * @param notWorse            whether the new pair may replace the one in use
     * @param reason              why, in a sentence with the figures
     */
    public record Result(
            byte[] model,
            String version,
            byte[] roleModel,
            String roleVersion,
            String previousVersion,
            String previousRoleVersion,
            int corpusSize,
            int reviewedCount,
            int heldOutSize,
            Figures before,
            Figures after,
            boolean notWorse,
            String reason) {
        /** Both new models are the ones in use (the corpus and reviews have not changed). */
        public boolean unchanged() {
            return version.equals(previousVersion) && roleVersion.equals(previousRoleVersion);
        }

        /** The new pair, as the engine takes it. */
        public LearnedModels models() {
            return new LearnedModels(LearnedEventClassifier.of(model), LearnedActorRolePicker.of(roleModel));
        }
    }

    /**
     * Trains on {@code split.train()} plus {@code reviewed}, measures on {@code split.test()} beside
     * {@code current} (and {@code shipped}, when that is another pair), and judges.
     */
    public static Result run(HeldOut split, List<Passage> reviewed, LearnedModels current, LearnedModels shipped) {
        List<Passage> trainOn = new ArrayList<>(split.train());
        for (Passage p : reviewed) for (int i = 0; i < REVIEW_WEIGHT; i++) trainOn.add(p);
        byte[] bytes = new EventModelTrainer().train(trainOn);
        LearnedEventClassifier model = LearnedEventClassifier.of(bytes);
        // the role model reads the passages with the new event model in the engine, as it will run beside it
        byte[] roleBytes = new RoleModelTrainer(model).train(trainOn);
        LearnedModels pair = new LearnedModels(model, LearnedActorRolePicker.of(roleBytes));
        boolean same = pair.version().equals(current.version());
        Figures before = measure(current, split);
        Figures after = same ? before : measure(pair, split);
        Figures floor =
                same || shipped == null || shipped.version().equals(current.version()) ? null : measure(shipped, split);
        List<String> worse = new ArrayList<>();
        if (after.weightedF1() < before.weightedF1() - TOLERANCE)
            worse.add("weighted F1 lower by more than " + TOLERANCE);
        if (after.eventF1() < before.eventF1() - TOLERANCE) worse.add("event F1 lower by more than " + TOLERANCE);
        if (lowerByMoreThanOnePassage(after.actor1(), before.actor1(), after.actor1Count())) {
            worse.add("actor1 accuracy lower by more than one passage");
        }
        if (lowerByMoreThanOnePassage(after.actor2(), before.actor2(), after.actor2Count())) {
            worse.add("actor2 accuracy lower by more than one passage");
        }
        boolean belowShipped = floor != null && after.weightedF1() < floor.weightedF1() - TOLERANCE;
        String figures = String.format(
                Locale.ROOT,
                "weighted F1 %s → %s, event F1 %s → %s, actor1 %s → %s, actor2 %s → %s " + "on %d held-out passages",
                PassageEvaluation.f(before.weightedF1()),
                PassageEvaluation.f(after.weightedF1()),
                PassageEvaluation.f(before.eventF1()),
                PassageEvaluation.f(after.eventF1()),
                PassageEvaluation.f(before.actor1()),
                PassageEvaluation.f(after.actor1()),
                PassageEvaluation.f(before.actor2()),
                PassageEvaluation.f(after.actor2()),
                split.size());
        String reason;
        if (same) {
            // nothing would change: never "worse", whatever the floor says of the pair in use
            reason = "the same models as the ones in use (the corpus and reviews have not changed)";
        } else if (!worse.isEmpty()) {
            reason = "worse than the models in use (" + String.join("; ", worse) + "): " + figures;
        } else if (belowShipped) {
            reason = String.format(
                    Locale.ROOT,
                    "worse than the models the build shipped (weighted F1 %s, new %s): %s",
                    PassageEvaluation.f(floor.weightedF1()),
                    PassageEvaluation.f(after.weightedF1()),
                    figures);
        } else {
            reason = "not worse than the models in use: " + figures;
        }
        return new Result(
                bytes,
                model.version(),
                roleBytes,
                pair.roles().version(),
                current.events().version(),
                current.roles().version(),
                split.train().size(),
                reviewed.size(),
                split.size(),
                before,
                after,
                same || worse.isEmpty() && !belowShipped,
                reason);
    }

    /**
     * An actor accuracy is read over the passages that name that actor (some 80 for actor2): one passage read
     * differently moves it by more than {@link #TOLERANCE}, so it may drop by one passage's worth, as weighted
     * F1 may by about one passage.
     */
    private static boolean lowerByMoreThanOnePassage(double after, double before, int passages) {
        double slack = Math.max(TOLERANCE, passages == 0 ? 0 : 1.0 / passages);
        return after < before - slack - 1e-9;
    }

    private static Figures measure(LearnedModels models, HeldOut split) {
        return Figures.of(PassageEvaluation.run(models.into(Analyzer.builder()).build(), split.test()));
    }
}
