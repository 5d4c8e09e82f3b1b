package org.sitrep.analysis.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.analysis.Span;

/**
 * Finds gold surfaces in a text. Gold names words, not offsets, so that the same annotation fits the
 * raw content (checked on load) and whatever cleaned text the engine produced (scored): any run of
 * white space matches any other, and a surface only matches whole words.
 */
final class Mentions {
    private Mentions() {}

    /** Every whole-word occurrence of {@code surface} in {@code text}. */
    static List<Span> all(String text, String surface) {
        return find(text, wordPattern(surface));
    }

    /**
     * The occurrences a gold annotation points at: the {@code occurrence}-th (1-based) if given, the
     * one inside the unique phrase {@code context} if given, else all of them. Empty when the text
     * does not have them.
     */
    static List<Span> locate(String text, String surface, Integer occurrence, String context) {
        if (context != null) {
            List<Span> phrases = find(text, loosePattern(context));
            if (phrases.size() != 1) return List.of();
            Span phrase = phrases.get(0);
            for (Span s : all(text, surface)) {
                if (s.start() >= phrase.start() && s.end() <= phrase.end()) return List.of(s);
            }
            return List.of();
        }
        List<Span> spans = all(text, surface);
        if (occurrence != null) {
            return occurrence >= 1 && occurrence <= spans.size() ? List.of(spans.get(occurrence - 1)) : List.of();
        }
        return spans;
    }

    /** Occurrences of a phrase anywhere (not only on word boundaries), e.g. an evidence substring. */
    static List<Span> phrase(String text, String phrase) {
        return find(text, loosePattern(phrase));
    }

    private static List<Span> find(String text, Pattern p) {
        List<Span> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(new Span(m.start(), m.end()));
        return out;
    }

    private static Pattern wordPattern(String surface) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + loose(surface) + "(?![\\p{L}\\p{N}])");
    }

    private static Pattern loosePattern(String phrase) {
        return Pattern.compile(loose(phrase));
    }

    private static String loose(String s) {
        String[] words = s.trim().split("\\s+");
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) b.append("\\s+");
            b.append(Pattern.quote(w));
        }
        return b.toString();
    }
}
