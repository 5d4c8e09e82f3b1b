package org.sitrep.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import org.junit.jupiter.api.Test;

/** The speed-ups in {@link EnglishSentences} must not change what OpenNLP would say. */
class EnglishSentencesTest {
    static final String TEXT = """
            BEIRUT (AP) — Syrian government forces shelled the rebel-held town of Kessab on Tuesday, killing at \
            least 12 civilians, according to the Syrian Observatory for Human Rights. "We were sleeping when the \
            shells started falling," said a resident, who asked not to be named. Islamic State fighters (ISIS) \
            ambushed a convoy near Deir ez-Zor; three soldiers died. The army's 4th Division retook the hill, \
            state media reported. Rebels said they had withdrawn from the old city's eastern districts. \
            Hezbollah's fighters crossed into Qusayr at dawn, and Israeli jets struck a site near Damascus airport \
            overnight. Residents fled to Aleppo, Homs and Hama as the offensive widened.""";

    static InputStream model(String name) {
        return EnglishSentences.class.getResourceAsStream(name);
    }

    @Test
    void tokensMatchTheTokenizerModel() throws IOException {
        TokenizerME reference = new TokenizerME(new TokenizerModel(model("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin")));
        List<Sentence> sentences = new EnglishSentences().split(TEXT);
        int same = 0;
        int total = 0;
        for (Sentence s : sentences) {
            List<String> ours = s.tokens().stream().map(Token::text).toList();
            List<String> theirs = Arrays.asList(reference.tokenize(s.text()));
            total += theirs.size();
            for (String t : theirs) if (ours.contains(t)) same++;
        }
        assertThat(sentences).hasSize(7);
        assertThat((double) same / total)
                .as("share of the model's tokens we also produce")
                .isGreaterThan(0.97);
    }

    @Test
    void fastTaggingEqualsTheModelsOwnEvaluation() throws IOException {
        EnglishSentences.GreedyTagger tagger = EnglishSentences.tagger();
        assertThat(tagger.decomposable())
                .as("the model's features split into word, neighbour and tag features")
                .isTrue();
        StringBuilder texts = new StringBuilder(TEXT);
        // every text of the development corpus: names, numbers, quotes and dashes of real copy
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("corpus/dev"))) {
            for (var f :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                texts.append("\n\n").append(java.nio.file.Files.readString(f).replaceAll("[{}\\[\\]\"]", " "));
            }
        }
        int sentences = 0;
        for (Sentence s : new EnglishSentences().split(texts.toString())) {
            String[] words = s.tokens().stream().map(Token::text).toArray(String[]::new);
            assertThat(tagger.tag(words)).as(s.text()).containsExactly(tagger.tagWithModelEval(words));
            sentences++;
        }
        assertThat(sentences).isGreaterThan(400);
    }

    @Test
    void greedyTagsAgreeWithBeamSearch() throws IOException {
        POSTaggerME beam =
                new POSTaggerME(new POSModel(model("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin")), POSTagFormat.UD);
        EnglishSentences.GreedyTagger greedy = EnglishSentences.tagger();
        int agree = 0;
        int total = 0;
        for (Sentence s : new EnglishSentences().split(TEXT)) {
            String[] words = s.tokens().stream().map(Token::text).toArray(String[]::new);
            String[] reference = beam.tag(words);
            String[] ours = greedy.tag(words);
            for (int i = 0; i < words.length; i++) {
                total++;
                if (reference[i].equals(ours[i])) agree++;
            }
        }
        assertThat((double) agree / total).isGreaterThan(0.97);
    }

    @Test
    void pennTagsTellPastFromParticiple() {
        assertThat(tags("Rebels shelled the besieged town of Kessab on Tuesday."))
                .containsExactly("NNS", "VBD", "DT", "JJ", "NN", "IN", "NNP", "IN", "NNP", ".");
        assertThat(tags("The convoy was ambushed by gunmen near Mosul."))
                .containsExactly("DT", "NN", "VBD", "VBN", "IN", "NNS", "IN", "NNP", ".");
        assertThat(tags("Five soldiers have been killed and troops are withdrawing."))
                .containsExactly("CD", "NNS", "VBP", "VBN", "VBN", "CC", "NNS", "VBP", "VBG", ".");
        assertThat(tags("Government forces took the hill, activists said."))
                .contains("VBD")
                .doesNotContain("VBN");
        assertThat(tags("The army will attack the town.")).containsSubsequence("MD", "VB");
    }

    static List<String> tags(String sentence) {
        return new EnglishSentences()
                .split(sentence).get(0).tokens().stream().map(Token::tag).toList();
    }

    @Test
    void lemmasOfConflictVerbsAndNouns() {
        assertThat(EnglishLemmas.lemma("shelled", "VERB")).isEqualTo("shell");
        assertThat(EnglishLemmas.lemma("killing", "VERB")).isEqualTo("kill");
        assertThat(EnglishLemmas.lemma("captured", "VERB")).isEqualTo("capture");
        assertThat(EnglishLemmas.lemma("detonated", "VERB")).isEqualTo("detonate");
        assertThat(EnglishLemmas.lemma("stormed", "VERB")).isEqualTo("storm");
        assertThat(EnglishLemmas.lemma("fired", "VERB")).isEqualTo("fire");
        assertThat(EnglishLemmas.lemma("stopped", "VERB")).isEqualTo("stop");
        assertThat(EnglishLemmas.lemma("released", "VERB")).isEqualTo("release");
        assertThat(EnglishLemmas.lemma("fled", "VERB")).isEqualTo("flee");
        assertThat(EnglishLemmas.lemma("fought", "VERB")).isEqualTo("fight");
        assertThat(EnglishLemmas.lemma("clashes", "NOUN")).isEqualTo("clash");
        assertThat(EnglishLemmas.lemma("militias", "NOUN")).isEqualTo("militia");
        assertThat(EnglishLemmas.lemma("casualties", "NOUN")).isEqualTo("casualty");
        assertThat(EnglishLemmas.lemma("Homs", "PROPN")).isEqualTo("homs");
        assertThat(EnglishLemmas.lemma("was", "AUX")).isEqualTo("be");
    }
}
