package org.sitrep.analysis.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits a text into its {@link Word}s: one linear pass, one folded string per word. */
final class Words {
    private Words() {}

    /** Abbreviated name words whose full stop does not end a sentence: "St. Louis", "Mt. Hermon". */
    private static final Set<String> NAME_ABBREVIATIONS = Set.of("st", "ste", "mt", "ft", "pt");

    static List<Word> of(String text) {
        List<Word> out = new ArrayList<>();
        int i = 0, n = text.length();
        int prevEnd = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Folding.isWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n
                    && (Folding.isWordChar(text.charAt(i))
                            || Folding.isApostrophe(text.charAt(i))
                                    && i + 1 < n
                                    && Character.isLetter(text.charAt(i + 1)))) i++;
            int end = i;
            // Possessive: "Syria's" is Syria.
            if (end - start > 2
                    && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')
                    && Folding.isApostrophe(text.charAt(end - 2))) end -= 2;
            String word = Folding.fold(text.substring(start, end));
            if (word == null) continue;
            String gap = text.substring(prevEnd, start);
            char joint =
                    gap.isBlank() ? ' ' : gap.strip().equals("-") || gap.strip().equals("‐") ? '-' : ',';
            if (out.isEmpty()) joint = '.';
            boolean sentenceStart = out.isEmpty() || sentenceBreak(gap);
            // Initials and abbreviated name words: "U.S.", "U.K.", "St. Louis", "Mt. Hermon".
            if (!out.isEmpty()
                    && (gap.equals(".")
                                    && end - start == 1
                                    && out.get(out.size() - 1).end()
                                                    - out.get(out.size() - 1).start()
                                            == 1
                            || gap.equals(". ")
                                    && NAME_ABBREVIATIONS.contains(
                                            out.get(out.size() - 1).word())
                                    && Character.isUpperCase(text.charAt(start)))) {
                joint = ' ';
                sentenceStart = false;
            }
            out.add(new Word(
                    start,
                    end,
                    word,
                    Character.isUpperCase(text.codePointAt(start)),
                    sentenceStart,
                    gap.contains("\n") ? '.' : joint));
            prevEnd = i;
        }
        return out;
    }

    private static boolean sentenceBreak(String gap) {
        for (int k = 0; k < gap.length(); k++) {
            char c = gap.charAt(k);
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == '“' || c == '('
                    || c == '—') return true;
        }
        return false;
    }
}
