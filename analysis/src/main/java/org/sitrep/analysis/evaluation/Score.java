package org.sitrep.analysis.evaluation;

/** Counts of a detection task: true positives, false positives, false negatives; and what follows from them. */
public record Score(int tp, int fp, int fn) {
    public static final Score ZERO = new Score(0, 0, 0);

    public Score plus(Score o) {
        return new Score(tp + o.tp, fp + o.fp, fn + o.fn);
    }

    /** Share of found items that are right; 1 when nothing was found (nothing wrong was said). */
    public double precision() {
        return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    /** Share of gold items found; 1 when there was nothing to find. */
    public double recall() {
        return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public int gold() {
        return tp + fn;
    }

    public int found() {
        return tp + fp;
    }
}
