package org.sitrep.analysis.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.SubEventType;

/**
 * How well an engine codes labelled passages: each passage's main event (the most confident one the
 * engine found, none when it found none) against its label. Sub-types are scored per label with
 * precision, recall and F1, all non-event categories counting as one label "None"; weighted F1 weighs
 * each label by its gold count (as the figures for real news are quoted). Event detection is event vs.
 * none. Actor1 and actor2 are right when the engine's actor has a mention overlapping the words the
 * label names.
 */
public final class PassageEvaluation {
    public static final String NONE = "None";
    private static final LocalDate ANCHOR = LocalDate.of(2026, 1, 1);

    /** One passage: the gold label and what the engine said. */
    public record Outcome(Passage passage, String gold, String found, Boolean actor1Right, Boolean actor2Right) {}

    /** Precision, recall, F1 and gold count of one label. */
    public record LabelScore(String label, double precision, double recall, double f1, int gold, int found) {}

    private final List<Outcome> outcomes;

    private PassageEvaluation(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    public static PassageEvaluation run(Analyzer engine, List<Passage> passages) {
        List<Outcome> out = new ArrayList<>(passages.size());
        for (Passage p : passages) out.add(outcome(engine, p));
        return new PassageEvaluation(out);
    }

    static String gold(SubEventType label) {
        return label.isEvent() ? label.label() : NONE;
    }

    private static Outcome outcome(Analyzer engine, Passage p) {
        Analysis a = engine.analyze(Document.text(p.text(), ANCHOR));
        Event main = null;
        for (Event e : a.events()) if (main == null || e.confidence() > main.confidence()) main = e;
        String found = main == null ? NONE : main.subType();
        Boolean r1 = null;
        Boolean r2 = null;
        if (p.label().isEvent()) {
            if (p.actor1() != null) r1 = main != null && names(a, main.actor1(), p.actor1());
            if (p.actor2() != null) r2 = main != null && names(a, main.actor2(), p.actor2());
        }
        return new Outcome(p, gold(p.label()), found, r1, r2);
    }

    /** Whether the actor with this canonical name is mentioned on the words {@code gold}. */
    private static boolean names(Analysis a, String canonical, String gold) {
        if (canonical == null) return false;
        int at = a.text().indexOf(gold);
        if (at < 0) return false;
        int end = at + gold.length();
        for (Actor actor : a.actors()) {
            if (!actor.canonical().equals(canonical) || actor.mentions() == null) continue;
            for (Span m : actor.mentions()) if (m.start() < end && at < m.end()) return true;
        }
        return false;
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    public int size() {
        return outcomes.size();
    }

    /** Every label with gold or found passages, in ACLED's order, "None" last. */
    public List<LabelScore> labels() {
        Map<String, int[]> counts = new LinkedHashMap<>(); // gold, found, right
        for (SubEventType s : SubEventType.values()) if (s.isEvent()) counts.put(s.label(), new int[3]);
        counts.put(NONE, new int[3]);
        for (Outcome o : outcomes) {
            counts.get(o.gold())[0]++;
            counts.computeIfAbsent(o.found(), k -> new int[3])[1]++;
            if (o.gold().equals(o.found())) counts.get(o.gold())[2]++;
        }
        List<LabelScore> out = new ArrayList<>();
        counts.forEach((label, c) -> {
            if (c[0] == 0 && c[1] == 0) return;
            double p = c[1] == 0 ? 0 : (double) c[2] / c[1];
            double r = c[0] == 0 ? 0 : (double) c[2] / c[0];
            out.add(new LabelScore(label, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), c[0], c[1]));
        });
        return out;
    }

    public double weightedF1() {
        double sum = 0;
        int n = 0;
        for (LabelScore s : labels()) {
            sum += s.f1() * s.gold();
            n += s.gold();
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (LabelScore s : labels()) {
            if (s.gold() == 0) continue;
            sum += s.f1();
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Event vs. no event: [precision, recall, F1]. */
    public double[] detection() {
        int tp = 0, fp = 0, fn = 0;
        for (Outcome o : outcomes) {
            boolean gold = !o.gold().equals(NONE);
            boolean found = !o.found().equals(NONE);
            if (gold && found) tp++;
            else if (found) fp++;
            else if (gold) fn++;
        }
        double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
    }

    /** Share of event passages the engine left without any event. */
    public double missed() {
        int events = 0, missed = 0;
        for (Outcome o : outcomes) {
            if (o.gold().equals(NONE)) continue;
            events++;
            if (o.found().equals(NONE)) missed++;
        }
        return events == 0 ? Double.NaN : (double) missed / events;
    }

    public double actor1() {
        return share(true);
    }

    public double actor2() {
        return share(false);
    }

    public int actor1Count() {
        return (int) outcomes.stream().filter(o -> o.actor1Right() != null).count();
    }

    public int actor2Count() {
        return (int) outcomes.stream().filter(o -> o.actor2Right() != null).count();
    }

    private double share(boolean first) {
        int n = 0, right = 0;
        for (Outcome o : outcomes) {
            Boolean r = first ? o.actor1Right() : o.actor2Right();
            if (r == null) continue;
            n++;
            if (r) right++;
        }
        return n == 0 ? Double.NaN : (double) right / n;
    }

    /** The figures the floor test checks, by name. */
    public Map<String, Double> metrics(String prefix) {
        Map<String, Double> m = new LinkedHashMap<>();
        double[] d = detection();
        m.put(prefix + ".subtype.weightedF1", weightedF1());
        m.put(prefix + ".subtype.macroF1", macroF1());
        m.put(prefix + ".events.precision", d[0]);
        m.put(prefix + ".events.recall", d[1]);
        m.put(prefix + ".events.f1", d[2]);
        m.put(prefix + ".actor1", actor1());
        m.put(prefix + ".actor2", actor2());
        return m;
    }

    static String f(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }
}
