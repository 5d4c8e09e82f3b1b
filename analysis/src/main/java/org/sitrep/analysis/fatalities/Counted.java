package org.sitrep.analysis.fatalities;

/**
 * Deaths read in one sentence: the figure and the character span of the words it came from
 * (offsets into the analysed text).
 */
record Counted(int best, int low, Integer high, int start, int end) {
    boolean none() {
        return best == 0;
    }
}
