package org.sitrep.analysis.places;

import java.util.List;
import java.util.Set;
import org.sitrep.analysis.text.Word;

/**
 * A place inside an organisation's name: "the Paris Police Department", "the Kirkuk Provincial
 * Council said", "the University of Washington", "the Bank of England". The place is named (it
 * stays a place mention of the text, reported), but the organisation is no place and what it does
 * is not an event there, so the mention is marked as no event's place. The organisations' head
 * nouns are the data file {@code organisation-heads.txt}.
 */
final class NamesInsideNames {
    /** Capitalised words that may stand between the place and the head: "Paris Police Department". */
    private static final int MAX_WORDS_TO_HEAD = 3;

    private final Set<String> heads;

    NamesInsideNames() {
        this.heads = new java.util.HashSet<>();
        for (String[] row : Gazetteer.rows("organisation-heads.txt")) heads.add(NameKey.exact(row[0]));
    }

    void mark(List<Word> words, List<PlaceMention> mentions) {
        for (PlaceMention m : mentions) {
            if (m.fallbackPrecision != null) continue;
            if (headAfter(words, m) || headBefore(words, m)) m.notEventPlace = true;
        }
    }

    /** "Paris Police Department", "Kirkuk Provincial Council": capitalised words up to an organisation's head. */
    private boolean headAfter(List<Word> words, PlaceMention m) {
        for (int i = m.to; i < Math.min(words.size(), m.to + MAX_WORDS_TO_HEAD); i++) {
            Word w = words.get(i);
            if (w.joint() != ' ' || !w.capitalised()) return false;
            if (heads.contains(w.word())) return true;
        }
        return false;
    }

    /** "the University of Washington", "the Bank of England": a capitalised head, "of", the place. */
    private boolean headBefore(List<Word> words, PlaceMention m) {
        int of = m.from - 1;
        if (of < 1 || !words.get(of).word().equals("of") || words.get(m.from).joint() != ' ') return false;
        Word head = words.get(of - 1);
        return head.capitalised() && words.get(of).joint() == ' ' && heads.contains(head.word());
    }
}
