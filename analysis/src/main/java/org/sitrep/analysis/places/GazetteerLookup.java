package org.sitrep.analysis.places;

import java.util.Arrays;
import java.util.List;

/**
 * Gazetteer look-up for a run of words: the features whose exact key it is, or (for the Middle
 * East, where one Arabic name has many English spellings) the features whose transliteration
 * skeleton it shares and whose name is within a few letters of what the text wrote.
 */
final class GazetteerLookup {
    private final Gazetteer gazetteer;

    GazetteerLookup(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    Gazetteer gazetteer() {
        return gazetteer;
    }

    /** Features whose exact key is {@code key}; empty if none. */
    int[] exact(String key) {
        return gazetteer.byExactKey(key);
    }

    /** Features of the transliterated region spelled close to {@code written} ({@code words} folded). */
    int[] spellingVariants(List<String> words, String written) {
        String sk = NameKey.skeletonOf(words);
        if (sk == null || sk.length() < 3) return new int[0];
        return closeSpellings(inFocusCountries(gazetteer.bySkeletonKey(sk)), written);
    }

    /** Of the skeleton's hits, those whose name is within a few letters of what the text wrote. */
    private int[] closeSpellings(int[] hits, String written) {
        String w = withoutArticle(written).replace(" ", "");
        int[] out = new int[hits.length];
        int n = 0;
        for (int h : hits) {
            String name = withoutArticle(gazetteer.nameKey(h)).replace(" ", "");
            if (editDistance(w, name) <= Math.max(1, Math.min(w.length(), name.length()) / 4)) out[n++] = h;
        }
        return Arrays.copyOf(out, n);
    }

    /** Edit distance in which a vowel for a vowel, or a vowel more or less, costs half: Hodeidah/Hudaydah. */
    static double editDistance(String a, String b) {
        double[] prev = new double[b.length() + 1], cur = new double[b.length() + 1];
        for (int j = 1; j <= b.length(); j++) prev[j] = prev[j - 1] + indel(b.charAt(j - 1));
        for (int i = 1; i <= a.length(); i++) {
            char x = a.charAt(i - 1);
            cur[0] = prev[0] + indel(x);
            for (int j = 1; j <= b.length(); j++) {
                char y = b.charAt(j - 1);
                double sub = x == y ? 0 : vowel(x) && vowel(y) ? 0.5 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + indel(y), prev[j] + indel(x)), prev[j - 1] + sub);
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static boolean vowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

    private static double indel(char c) {
        return vowel(c) ? 0.5 : 1;
    }

    boolean inRegion(PlaceMention m) {
        for (int c : m.candidates)
            if (BundledGazetteerBuild.FOCUS.contains(gazetteer.entry(c).country())) return true;
        return false;
    }

    /** Transliteration variants are only trusted for the region whose names are transliterated. */
    private int[] inFocusCountries(int[] hits) {
        if (hits.length == 0) return hits;
        int[] out = new int[hits.length];
        int n = 0;
        for (int h : hits)
            if (BundledGazetteerBuild.FOCUS.contains(gazetteer.entry(h).country())) out[n++] = h;
        return Arrays.copyOf(out, n);
    }

    static String withoutArticle(String key) {
        int sp = key.indexOf(' ');
        return sp > 0 && NameKey.ARTICLES.contains(key.substring(0, sp)) ? key.substring(sp + 1) : key;
    }
}
