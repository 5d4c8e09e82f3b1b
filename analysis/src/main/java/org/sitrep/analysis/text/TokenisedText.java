package org.sitrep.analysis.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One document as every stage reads it, tokenised once: the cleaned text every offset refers to,
 * its publication date, its sentences with their tokens (offsets, Penn tags and lemmas when the
 * cleaner tagged them) and the {@link Word} view that names are read from.
 *
 * <p>The {@code Analyzer} builds one per text and hands the same object to each stage, so no stage
 * splits the text again. The word view is built on first use and kept (a document is read by one
 * thread at a time). Every stage of the pipeline takes it (places, actors, dates, events, fatalities);
 * code that wants the plain {@link CleanText} gets it from {@link #clean()}.
 */
public final class TokenisedText {
    private final CleanText clean;
    private List<Word> words;

    private TokenisedText(CleanText clean) {
        this.clean = Objects.requireNonNull(clean, "clean");
    }

    /** The document a {@link TextCleaner} made, with its sentences and tokens. */
    public static TokenisedText of(CleanText clean) {
        return new TokenisedText(clean);
    }

    /** A bare text with no sentence split (for a stage used on its own, as the geoparsing evaluation does). */
    public static TokenisedText of(String text) {
        return new TokenisedText(new CleanText(null, text == null ? "" : text, null, List.of()));
    }

    public String text() {
        return clean.text();
    }

    /** The publication date relative dates resolve against; null for a bare text. */
    public LocalDate published() {
        return clean.published();
    }

    public String title() {
        return clean.title();
    }

    /** Sentences with their tokens; empty for a bare text. */
    public List<Sentence> sentences() {
        return clean.sentences() == null ? List.of() : clean.sentences();
    }

    /** The words names are read from, in text order. */
    public List<Word> words() {
        if (words == null) words = List.copyOf(Words.of(clean.text()));
        return words;
    }

    /**
     * The tagged token starting at {@code offset}, or null when there is none (a bare text, an
     * untagged document, or no token starts there). Found by binary search: sentences, then tokens.
     */
    public Token tokenAt(int offset) {
        List<Sentence> ss = sentences();
        int lo = 0, hi = ss.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Sentence s = ss.get(mid);
            if (offset < s.start()) hi = mid - 1;
            else if (offset >= s.end()) lo = mid + 1;
            else return tokenIn(s.tokens(), offset);
        }
        return null;
    }

    private static Token tokenIn(List<Token> tokens, int offset) {
        if (tokens == null) return null;
        int lo = 0, hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Token t = tokens.get(mid);
            if (offset < t.start()) hi = mid - 1;
            else if (offset > t.start()) lo = mid + 1;
            else return t;
        }
        return null;
    }

    /** The same document as a {@link CleanText} (what {@code Analyzer.clean} returns). */
    public CleanText clean() {
        return clean;
    }
}
