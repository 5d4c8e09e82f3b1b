package org.sitrep.analysis.evaluation;

/** Share of matched items whose attribute (sub-type, side, date…) is right. */
public record Accuracy(int correct, int total) {
    public static final Accuracy ZERO = new Accuracy(0, 0);

    public Accuracy plus(Accuracy o) {
        return new Accuracy(correct + o.correct, total + o.total);
    }

    public Accuracy plus(boolean right) {
        return new Accuracy(correct + (right ? 1 : 0), total + 1);
    }

    /** NaN when nothing was matched: no evidence either way. */
    public double value() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
