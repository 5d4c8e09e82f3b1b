package org.sitrep.analysis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.actors.DictionaryActorFinder;
import org.sitrep.analysis.text.CleanText;
import org.sitrep.analysis.text.Sentence;
import org.sitrep.analysis.text.Token;

/** Bad and unusual input: tagged tokens, no sentences, huge and binary text. */
class EventPipelineRobustnessTest {

    static final DictionaryActorFinder ACTORS = RuleBasedEventExtractorTest.ACTORS;
    static final RuleBasedEventExtractor EXTRACTOR = RuleBasedEventExtractorTest.EXTRACTOR;

    static List<Event> run(CleanText clean) {
        List<Place> places = RuleBasedEventExtractorTest.places(clean.text());
        List<Actor> actors = ACTORS.find(clean, places);
        return EXTRACTOR.extract(clean, places, actors, List.of());
    }

    /** Tokens as OpenNLP gives them: Penn tags and lemmas, "'s" split off. */
    @Test
    void taggedAndLemmatisedTokensGiveTheSameEvents() {
        String text = "Douma was shelled by regime forces. Hezbollah's assault on the Islamic State began.";
        String[][] words = {
            {"Douma", "NNP", "Douma"},
            {"was", "VBD", "be"},
            {"shelled", "VBN", "shell"},
            {"by", "IN", "by"},
            {"regime", "NN", "regime"},
            {"forces", "NNS", "force"},
            {".", ".", "."},
            {"Hezbollah", "NNP", "Hezbollah"},
            {"'s", "POS", "'s"},
            {"assault", "NN", "assault"},
            {"on", "IN", "on"},
            {"the", "DT", "the"},
            {"Islamic", "NNP", "Islamic"},
            {"State", "NNP", "State"},
            {"began", "VBD", "begin"},
            {".", ".", "."}
        };
        List<Token> tokens = new java.util.ArrayList<>();
        int at = 0;
        for (String[] w : words) {
            int start = text.indexOf(w[0], at);
            tokens.add(new Token(start, start + w[0].length(), w[0], w[1], w[2]));
            at = start + w[0].length();
        }
        int split = text.indexOf("Hezbollah");
        CleanText clean = new CleanText(
                null,
                text,
                LocalDate.of(2018, 3, 20),
                List.of(
                        new Sentence(0, 0, split - 1, text.substring(0, split - 1), tokens.subList(0, 7)),
                        new Sentence(
                                1, split, text.length(), text.substring(split), tokens.subList(7, tokens.size()))));
        List<Event> es = run(clean);
        assertThat(es).hasSize(2);
        assertThat(es.get(0).subType()).isEqualTo("Shelling/artillery/missile attack");
        assertThat(es.get(0).actor1()).isEqualTo("Syrian Arab Army");
        assertThat(es.get(1).actor1()).isEqualTo("Hezbollah");
        assertThat(es.get(1).actor2()).isEqualTo("Islamic State");
    }

    @Test
    void textWithoutSentencesIsSplitByTheExtractor() {
        String text = "Regime forces shelled Douma. Rebels ambushed a convoy near Idlib.";
        List<Event> es = run(new CleanText(null, text, null, List.of()));
        assertThat(es).extracting(Event::type).containsExactly("Explosions/Remote violence", "Battles");
        assertThat(es.get(0).date()).isNull(); // no publication date, no date in the text
    }

    /** Work grows linearly with the text (about a second of CPU per MB here); no look-around is unbounded. */
    @Test
    void hugeBinaryAndUnpunctuatedInputFinishes() {
        StringBuilder junk = new StringBuilder();
        Random r = new Random(42);
        while (junk.length() < 1_000_000) junk.append((char) r.nextInt(0xD7FF));
        StringBuilder words = new StringBuilder();
        while (words.length() < 3_000_000) words.append("rebels attack regime forces shelling Douma residents ");
        assertTimeoutPreemptively(Duration.ofSeconds(300), () -> {
            run(TestTexts.clean(junk.toString()));
            List<Event> es = run(new CleanText(null, words.toString(), null, List.of()));
            assertThat(es).isNotEmpty();
        });
    }
}
