package org.sitrep.analysis.training;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page {@code docs/evaluation/acled-subtypes.md}: the rules alone and the rules with the learned
 * classifier on the same held-out passages, side by side, then per-label figures for each.
 */
public final class AcledSubtypeReport {
    private AcledSubtypeReport() {}

    public static String markdown(
            PassageEvaluation rules,
            PassageEvaluation learned,
            HeldOut split,
            int trainSize,
            String rulesVersion,
            String learnedVersion,
            LocalDate day) {
        StringBuilder b = new StringBuilder();
        b.append("# ACLED sub-types on held-out passages\n\n");
        b.append("Measured ")
                .append(day)
                .append(" by `./sitrep train --report` (`AcledSubtypeFloorsTest` keeps the floors).\n");
        b.append("Held-out passages: ")
                .append(split.size())
                .append(", ")
                .append(split.description())
                .append(".\n");
        if (split.byHash()) {
            b.append("These stand-in passages were written by the same writer as the training ones, who knew the ")
                    .append("rules: the figures are optimistic, a check of the machinery ")
                    .append(
                            "rather than a measure of real news. Passages in `analysis/corpus/heldout/` replace them.\n");
        }
        b.append("Training passages: ")
                .append(trainSize)
                .append(". Engines: rules alone `")
                .append(rulesVersion)
                .append("`, rules with the learned classifier `")
                .append(learnedVersion)
                .append("`.\n\n");
        b.append(
                        "Each passage's main event (the most confident one; none if the engine found none) against its label; ")
                .append("all non-event categories count as one label, None. Actors are right when the engine's actor ")
                .append("is mentioned on the words the label names.\n\n");
        b.append("| figure | rules alone | rules + learned |\n|---|---|---|\n");
        Map<String, Double> r = rules.metrics("x");
        Map<String, Double> l = learned.metrics("x");
        Map<String, String> names = new LinkedHashMap<>();
        names.put("x.subtype.weightedF1", "sub-type weighted F1");
        names.put("x.subtype.macroF1", "sub-type macro F1");
        names.put("x.events.precision", "event precision (event vs. none)");
        names.put("x.events.recall", "event recall");
        names.put("x.events.f1", "event F1");
        names.put("x.actor1", "actor1 accuracy (n=" + learned.actor1Count() + ")");
        names.put("x.actor2", "actor2 accuracy (n=" + learned.actor2Count() + ")");
        names.forEach((k, name) -> b.append("| ")
                .append(name)
                .append(" | ")
                .append(PassageEvaluation.f(r.get(k)))
                .append(" | ")
                .append(PassageEvaluation.f(l.get(k)))
                .append(" |\n"));
        b.append("| event passages with no event found | ")
                .append(PassageEvaluation.f(rules.missed()))
                .append(" | ")
                .append(PassageEvaluation.f(learned.missed()))
                .append(" |\n\n");
        b.append(
                        "## Per label\n\n| label | gold | rules P | rules R | rules F1 | learned P | learned R | learned F1 |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        Map<String, PassageEvaluation.LabelScore> ruleScores = new LinkedHashMap<>();
        for (PassageEvaluation.LabelScore s : rules.labels()) ruleScores.put(s.label(), s);
        Map<String, PassageEvaluation.LabelScore> all = new LinkedHashMap<>(ruleScores);
        for (PassageEvaluation.LabelScore s : learned.labels()) all.putIfAbsent(s.label(), s);
        for (String label : all.keySet()) {
            PassageEvaluation.LabelScore a = ruleScores.get(label);
            PassageEvaluation.LabelScore c = find(learned.labels(), label);
            int gold = a != null ? a.gold() : c.gold();
            b.append("| ")
                    .append(label)
                    .append(" | ")
                    .append(gold)
                    .append(" | ")
                    .append(
                            a == null
                                    ? "– | – | –"
                                    : PassageEvaluation.f(a.precision()) + " | " + PassageEvaluation.f(a.recall())
                                            + " | " + PassageEvaluation.f(a.f1()))
                    .append(" | ")
                    .append(
                            c == null
                                    ? "– | – | –"
                                    : PassageEvaluation.f(c.precision()) + " | " + PassageEvaluation.f(c.recall())
                                            + " | " + PassageEvaluation.f(c.f1()))
                    .append(" |\n");
        }
        return b.toString();
    }

    private static PassageEvaluation.LabelScore find(List<PassageEvaluation.LabelScore> scores, String label) {
        for (PassageEvaluation.LabelScore s : scores) if (s.label().equals(label)) return s;
        return null;
    }
}
