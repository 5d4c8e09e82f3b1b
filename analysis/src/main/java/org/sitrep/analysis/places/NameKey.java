package org.sitrep.analysis.places;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sitrep.analysis.text.Folding;

/**
 * The two keys a place name is looked up by.
 *
 * <p>The <em>exact</em> key folds case, diacritics and apostrophes and treats hyphens as spaces
 * ("Ma'arrat al-Nu'man" and "Ma‘arrat an Nu‘man" differ only in the article). The <em>skeleton</em>
 * key also drops Arabic articles and reduces a word to its consonant frame, so that the common
 * English transliterations of one Arabic name meet: Kassab/Kessab/Kasab, Khanaser/Khanasir,
 * Douma/Duma, Raqqa/Raqqah, Homs/Hims, Deir ez-Zor/Dayr az Zawr.
 */
public final class NameKey {
    private NameKey() {}

    /** Arabic definite-article forms as they appear transliterated before a word. */
    static final Set<String> ARTICLES = Set.of(
            "al", "el", "ar", "az", "ash", "as", "ad", "an", "at", "ath", "adh", "ed", "es", "et", "en", "ez", "er",
            "ul", "ud", "ut", "us", "il", "l");

    /** Folds one word: lower case, no diacritics, no apostrophes or marks; null if nothing is left. */
    public static String fold(String word) {
        return Folding.fold(word);
    }

    /** Splits a name into folded words (hyphens, spaces, punctuation separate; apostrophes don't). */
    public static List<String> words(String name) {
        List<String> out = new ArrayList<>(4);
        int i = 0, n = name.length();
        while (i < n) {
            while (i < n && !isWordChar(name.charAt(i))) i++;
            int start = i;
            while (i < n
                    && (isWordChar(name.charAt(i))
                            || isApostrophe(name.charAt(i))
                                    && i + 1 < n
                                    && Character.isLetter(name.charAt(i + 1))
                                    && i > start)) i++;
            if (i > start) {
                String f = fold(name.substring(start, i));
                if (f != null) out.add(f);
            }
        }
        return out;
    }

    static boolean isWordChar(char c) {
        return Folding.isWordChar(c);
    }

    static boolean isApostrophe(char c) {
        return Folding.isApostrophe(c);
    }

    /** The exact key of a whole name. */
    public static String exact(String name) {
        return String.join(" ", words(name));
    }

    /** The skeleton key of a whole name (articles dropped); null when nothing is left. */
    public static String skeleton(String name) {
        return skeletonOf(words(name));
    }

    static String skeletonOf(List<String> folded) {
        StringBuilder b = new StringBuilder();
        for (String w : folded) {
            if (ARTICLES.contains(w)) continue;
            String s = skeletonWord(w);
            if (s.isEmpty()) continue;
            if (b.length() > 0) b.append(' ');
            b.append(s);
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** One folded word's consonant frame: vowels collapse to '*', doubled consonants to one. */
    public static String skeletonWord(String w) {
        String s = w.replace("kh", "h")
                .replace("gh", "g")
                .replace("dj", "j")
                .replace("dh", "d")
                .replace("th", "t")
                .replace("ph", "f")
                .replace("ck", "k")
                .replace('q', 'k')
                .replace('g', 'k')
                .replace('c', 'k');
        StringBuilder b = new StringBuilder(s.length());
        char prev = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean vowel = "aeiouy".indexOf(c) >= 0 || c == 'w' && prev == '*';
            char out = vowel ? '*' : c;
            if (out == prev) continue;
            b.append(out);
            prev = out;
        }
        // Final -ah/-eh and -a are the same ending (Raqqa, Raqqah).
        int len = b.length();
        if (len > 2 && b.charAt(len - 1) == 'h' && b.charAt(len - 2) == '*') b.setLength(len - 1);
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
