package org.sitrep.analysis.fatalities;

/**
 * A number of people as the words give it, before it is known to be deaths: {@code best} is the
 * lowest credible figure (ACLED's rule), {@code low}..{@code high} the range the words allow
 * ({@code high} null: no upper bound). {@code first}..{@code last} are the token indexes it spans.
 */
record Quantity(int best, int low, Integer high, int first, int last) {
    Quantity plus(Quantity other) {
        Integer h = high == null || other.high == null ? null : high + other.high;
        return new Quantity(
                best + other.best, low + other.low, h, Math.min(first, other.first), Math.max(last, other.last));
    }
}
