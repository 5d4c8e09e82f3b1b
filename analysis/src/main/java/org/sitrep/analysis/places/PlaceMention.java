package org.sitrep.analysis.places;

import org.sitrep.analysis.Precision;

/**
 * A recognised place name: words [from, to) of the document's word view, the gazetteer features it
 * may mean ({@code candidates}), the context bonus each has earned, and, once ranked, the one it
 * was resolved to.
 */
final class PlaceMention {
    final int from, to;
    final String key;
    final int[] candidates;
    final boolean fuzzy;
    final double[] bonus;
    int resolved = -1;
    double confidence;
    Precision fallbackPrecision; // set when the name is unknown and stands for a containing place
    /** The name is a place, but here not where anything happened: a speaker, an institution, a road's name. */
    boolean notEventPlace;
    /** The text names its container right after it ("Paris, Texas", "Churchill, Man."): the name is pinned down here. */
    boolean contained;

    PlaceMention(int from, int to, String key, int[] candidates, boolean fuzzy) {
        this.from = from;
        this.to = to;
        this.key = key;
        this.candidates = candidates;
        this.fuzzy = fuzzy;
        this.bonus = new double[candidates.length];
    }
}
