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
 * thread at a time). Stages that still take a {@link CleanText} get it from {@link #clean()}.
 */
public final class TokenisedText {
    private final CleanText clean;
    private List<Word> words;

    private TokenisedText(CleanText clean) { this.clean = Objects.requireNonNull(clean, "clean"); }

    /** The document a {@link TextCleaner} made, with its sentences and tokens. */
    public static TokenisedText of(CleanText clean) { return new TokenisedText(clean); }

    /** A bare text with no sentence split (for a stage used on its own, as the geoparsing evaluation does). */
    public static TokenisedText of(String text) {
        return new TokenisedText(new CleanText(null, text == null ? "" : text, null, List.of()));
    }

    public String text() { return clean.text(); }

    /** The publication date relative dates resolve against; null for a bare text. */
    public LocalDate published() { return clean.published(); }

    public String title() { return clean.title(); }

    /** Sentences with their tokens; empty for a bare text. */
    public List<Sentence> sentences() { return clean.sentences() == null ? List.of() : clean.sentences(); }

    /** The words names are read from, in text order. */
    public List<Word> words() {
        if (words == null) words = List.copyOf(Words.of(clean.text()));
        return words;
    }

    /** The same document as a {@link CleanText}, for the stages that take one (actors, events). */
    public CleanText clean() { return clean; }
}
