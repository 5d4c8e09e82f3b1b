package org.sitrep.analysis.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.analysis.text.CleanText;
import org.sitrep.analysis.text.Sentence;
import org.sitrep.analysis.text.Token;

/**
 * Test-only CleanText builder: a naive sentence splitter and tokenizer with no tags or lemmas, so
 * the extractors are exercised on the degraded input they must also handle.
 */
public final class TestTexts {
    private static final Pattern SENTENCE =
            Pattern.compile("[^.!?\\n]+(?:(?:U\\.S\\.|U\\.N\\.|Mr\\.|Dr\\.)[^.!?\\n]*)*[.!?]*");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’.][\\p{L}\\p{N}]+)*\\.?|\\S");

    private TestTexts() {}

    public static CleanText clean(String text) {
        return clean(text, LocalDate.of(2018, 3, 20));
    }

    public static CleanText clean(String text, LocalDate published) {
        List<Sentence> sentences = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            while (start < end && Character.isWhitespace(text.charAt(start))) start++;
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
            if (start == end) continue;
            List<Token> tokens = new ArrayList<>();
            Matcher t = TOKEN.matcher(text.substring(start, end));
            while (t.find()) {
                String w = t.group();
                int s = start + t.start();
                if (w.length() > 1 && w.endsWith(".") && !w.matches("(?:\\p{Lu}\\.)+")) {
                    tokens.add(new Token(s, s + w.length() - 1, w.substring(0, w.length() - 1), null, null));
                    tokens.add(new Token(s + w.length() - 1, s + w.length(), ".", null, null));
                } else {
                    tokens.add(new Token(s, s + w.length(), w, null, null));
                }
            }
            sentences.add(new Sentence(sentences.size(), start, end, text.substring(start, end), tokens));
        }
        return new CleanText(null, text, published, sentences);
    }
}
