package org.sitrep.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Document;

/** The one tokenised document: sentences and tokens from the cleaner, the word view names are read from. */
class TokenisedTextTest {
    static final TextCleaner CLEANER = new TextCleaner();

    @Test
    void carriesTheCleanersSentencesAndTokensWithTheirTags() {
        TokenisedText doc = TokenisedText.of(CLEANER.clean(Document.text(
                "Artillery shelled Aleppo's old city on Monday. Residents fled north.", LocalDate.of(2020, 1, 15))));
        assertThat(doc.sentences()).hasSize(2);
        Token shelled = doc.sentences().get(0).tokens().get(1);
        assertThat(doc.text().substring(shelled.start(), shelled.end())).isEqualTo("shelled");
        assertThat(shelled.tag()).startsWith("VB");
        assertThat(shelled.lemma()).isEqualTo("shell");
        assertThat(doc.published()).isEqualTo(LocalDate.of(2020, 1, 15));
        assertThat(doc.clean().sentences()).isSameAs(doc.sentences());
    }

    @Test
    void theWordViewIsBuiltOnceAndPointsIntoTheText() {
        TokenisedText doc = TokenisedText.of("Shelling hit Aleppo's old city.");
        List<Word> words = doc.words();
        assertThat(doc.words()).isSameAs(words);
        Word aleppo = words.get(2);
        assertThat(aleppo.word()).isEqualTo("aleppo");
        assertThat(doc.text().substring(aleppo.start(), aleppo.end())).isEqualTo("Aleppo"); // possessive left out
        assertThat(aleppo.capitalised()).isTrue();
        assertThat(words.get(3).capitalised()).isFalse();
        assertThat(doc.sentences()).isEmpty();
    }

    @Test
    void wordsSayHowTheyJoinTheirNeighbours() {
        List<Word> words = TokenisedText.of("Clashes in Deir ez-Zor, Syria. Then U.S. jets and St. Louis.\nNext")
                .words();
        assertThat(words)
                .extracting(Word::word)
                .containsExactly(
                        "clashes", "in", "deir", "ez", "zor", "syria", "then", "u", "s", "jets", "and", "st", "louis",
                        "next");
        assertThat(words.get(0).joint()).isEqualTo('.');
        assertThat(words.get(3).joint()).isEqualTo(' ');
        assertThat(words.get(4).joint()).isEqualTo('-');
        assertThat(words.get(5).joint()).isEqualTo(',');
        assertThat(words.get(6).sentenceStart()).isTrue();
        // initials and "St." do not end a sentence
        assertThat(words.get(8).sentenceStart()).isFalse();
        assertThat(words.get(8).joint()).isEqualTo(' ');
        assertThat(words.get(12).sentenceStart()).isFalse();
        assertThat(words.get(13).joint()).isEqualTo('.');
    }

    @Test
    void foldingIgnoresCaseDiacriticsAndApostrophes() {
        assertThat(Folding.fold("Ma'arrat")).isEqualTo(Folding.fold("Ma‘arrat")).isEqualTo("maarrat");
        assertThat(Folding.fold("Şanlıurfa")).isEqualTo("sanliurfa");
        assertThat(Folding.fold("—")).isNull();
    }
}
