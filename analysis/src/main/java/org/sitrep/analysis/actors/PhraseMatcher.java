package org.sitrep.analysis.actors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds dictionary phrases in text in one pass: a character trie over a folded copy of the text
 * (lower case, hyphens and runs of spaces as one space, curly apostrophes straight), so "al-Nusra",
 * "al Nusra" and "Al-Nusra" match the same entry. Entries flagged case-sensitive (acronyms) must
 * also match the original capitals. At each word start the longest match wins.
 *
 * @param <T> what an entry stands for
 */
public final class PhraseMatcher<T> {

    /** A phrase found in the text: offsets into the original text and the entries it stands for. */
    public record Match<T>(int start, int end, List<T> values) {}

    private static final class Node<T> {
        final Map<Character, Node<T>> next = new HashMap<>();
        final List<Entry<T>> entries = new ArrayList<>(1);
    }

    private record Entry<T>(String cased, boolean caseSensitive, T value) {}

    private final Node<T> root = new Node<>();

    /** Adds a phrase; {@code caseSensitive} phrases must match their capitals exactly. */
    public void add(String phrase, boolean caseSensitive, T value) {
        String cased = fold(phrase.strip(), false).text.strip();
        String folded = cased.toLowerCase(Locale.ROOT);
        if (folded.isBlank()) return;
        Node<T> node = root;
        for (int i = 0; i < folded.length(); i++) node = node.next.computeIfAbsent(folded.charAt(i), c -> new Node<>());
        for (Entry<T> e : node.entries) {
            if (e.value.equals(value) && e.caseSensitive == caseSensitive) return;
        }
        node.entries.add(new Entry<>(cased, caseSensitive, value));
    }

    /** All longest, non-overlapping matches, left to right. */
    public List<Match<T>> find(String text) {
        Folded cased = fold(text, true);
        String folded = cased.text.toLowerCase(Locale.ROOT);
        List<Match<T>> out = new ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            if (!wordStart(folded, i)) {
                i++;
                continue;
            }
            Node<T> node = root;
            int bestEnd = -1;
            List<T> best = null;
            for (int j = i; j < folded.length(); j++) {
                node = node.next.get(folded.charAt(j));
                if (node == null) break;
                if (!node.entries.isEmpty() && wordEnd(folded, j + 1)) {
                    List<T> ok = new ArrayList<>();
                    for (Entry<T> e : node.entries) {
                        if (!e.caseSensitive || cased.text.regionMatches(i, e.cased, 0, e.cased.length()))
                            ok.add(e.value);
                    }
                    if (!ok.isEmpty()) {
                        bestEnd = j + 1;
                        best = ok;
                    }
                }
            }
            if (best != null) {
                out.add(new Match<>(cased.offsets[i], cased.offsets[bestEnd - 1] + 1, best));
                i = bestEnd;
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean wordStart(String s, int i) {
        return Character.isLetterOrDigit(s.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)));
    }

    private static boolean wordEnd(String s, int end) {
        if (end >= s.length()) return true;
        char c = s.charAt(end);
        // "U.S." ends in a dot; any other ending needs a non-letter after it
        return !Character.isLetterOrDigit(c) || !Character.isLetterOrDigit(s.charAt(end - 1));
    }

    private record Folded(String text, int[] offsets) {}

    /** Hyphens/dashes and whitespace runs become one space; curly quotes straight; offsets kept. */
    private static Folded fold(String s, boolean keepOffsets) {
        StringBuilder b = new StringBuilder(s.length());
        int[] offsets = new int[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-'
                    || c == '\u2010'
                    || c == '\u2011'
                    || c == '\u2013'
                    || c == '\u2014'
                    || Character.isWhitespace(c)
                    || c == '\u00a0') {
                c = ' ';
            } else if (c == '\u2019' || c == '\u2018' || c == '`' || c == '\u02bc') {
                c = '\'';
            }
            if (c == ' ' && (b.length() == 0 || b.charAt(b.length() - 1) == ' ')) continue;
            offsets[b.length()] = i;
            b.append(c);
        }
        return new Folded(b.toString(), keepOffsets ? offsets : null);
    }
}
