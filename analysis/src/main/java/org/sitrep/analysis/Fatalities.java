package org.sitrep.analysis;

/**
 * The deaths a text reports for one event, read as ACLED codes them (see
 * {@code docs/analysis/README.md#fatalities}): {@code best} is the figure to count, the lowest credible
 * one ("at least six" is 6, "dozens" 12); {@code low}..{@code high} is the range the words allow
 * ({@code high} null when they set no upper bound: "at least six", "dozens"). Zero is a report of no
 * deaths ("no casualties were reported"); an event whose text says nothing of deaths has no
 * Fatalities at all.
 *
 * @param text  the words the figure was read from ("killing at least six people")
 * @param start offset of those words in {@link Analysis#text()}
 * @param end   end offset (exclusive)
 */
public record Fatalities(int best, int low, Integer high, String text, int start, int end) {
    public Fatalities {
        if (low < 0 || best < low || (high != null && high < best)) {
            throw new IllegalArgumentException("bad fatalities " + low + " <= " + best + " <= " + high);
        }
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    /** Whether the words report that nobody died. */
    public boolean none() {
        return best == 0 && (high == null || high == 0);
    }
}
