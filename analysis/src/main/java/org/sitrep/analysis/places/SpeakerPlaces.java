package org.sitrep.analysis.places;

import java.util.List;
import java.util.Set;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.text.Token;
import org.sitrep.analysis.text.TokenisedText;
import org.sitrep.analysis.text.Word;

/**
 * Metonymy: a city's name standing for the government or institution seated there. "Damascus said",
 * "Moscow has repeatedly warned", "Tehran and Ankara denied" (the name is the subject of a verb of
 * speaking; verbs of acting are left out, "Russia announced" happens in Russia) and "the Ankara
 * government", "Moscow's foreign ministry" (the name before an institution's noun) say who acted,
 * not where. Such a mention stays a place of the text and is
 * marked as no event's place.
 *
 * <p>"Activists in Aleppo said" is not marked: a name after a locative word ("in", "of", "from"…)
 * is where the speakers are. Only names resolved to a city are marked: a capital speaking puts
 * what it says hundreds of kilometres away, while a country or province speaking ("Ukraine said",
 * "Iraq's parliament passed a law") usually contains what it reports, and is the right place for
 * its own decisions when nothing finer is named.
 */
final class SpeakerPlaces {
    /** Words allowed between the name and its verb: auxiliaries and a few adverbs ("has repeatedly warned"). */
    private static final Set<String> BETWEEN = Set.of(
            "has",
            "have",
            "had",
            "is",
            "was",
            "were",
            "are",
            "will",
            "would",
            "also",
            "again",
            "then",
            "later",
            "already",
            "still",
            "swiftly",
            "quickly",
            "publicly",
            "officially",
            "repeatedly",
            "strongly",
            "firmly",
            "immediately",
            "previously",
            "recently",
            "formally",
            "reportedly",
            "itself",
            "did",
            "does",
            "not",
            "never");

    private final Gazetteer gazetteer;
    private final PlaceWords lists;

    SpeakerPlaces(Gazetteer gazetteer, PlaceWords lists) {
        this.gazetteer = gazetteer;
        this.lists = lists;
    }

    /** Marks the mentions that speak or stand for an institution; the latest first, so "X and Y said" marks both. */
    void mark(TokenisedText document, List<Word> words, List<PlaceMention> mentions) {
        for (int k = mentions.size() - 1; k >= 0; k--) {
            PlaceMention m = mentions.get(k);
            if (m.fallbackPrecision != null
                    || m.to >= words.size()
                    || m.resolved < 0
                    || gazetteer.entry(m.resolved).precision() != Precision.CITY) continue;
            Word after = words.get(m.to);
            if (after.joint() != ' ' || after.capitalised() && !after.sentenceStart()) continue;
            if (institution(document, words, m)
                    || subjectOfSpeaking(document, words, m)
                    || coordinatedWithSpeaker(words, mentions, k)) m.notEventPlace = true;
        }
    }

    /** "the Ankara government", "Moscow's foreign ministry": an institution's noun right after the name. */
    private static boolean institution(TokenisedText document, List<Word> words, PlaceMention m) {
        Word noun = words.get(m.to);
        if (!PlaceWords.INSTITUTIONS.contains(noun.word())) return false;
        if (m.to + 1 >= words.size()) return true;
        Word next = words.get(m.to + 1);
        // "government-held", "regime-controlled": an adjective about territory, not the institution
        if (next.joint() == '-') return false;
        // "the Brasília ministries esplanade": the noun names a part of town, not who acted
        Token t = document.tokenAt(next.start());
        return noun.word().equals("foreign")
                || next.joint() != ' '
                || t == null
                || t.tag() == null
                || !t.tag().startsWith("NN");
    }

    /** The name opens its clause and a verb of speaking follows, perhaps after "has" or an adverb. */
    private boolean subjectOfSpeaking(TokenisedText document, List<Word> words, PlaceMention m) {
        if (m.from > 0 && !words.get(m.from).sentenceStart()) {
            Word before = words.get(m.from - 1);
            if (PlaceWords.LOCATIVE.contains(before.word())
                    || PlaceWords.MODIFIERS.contains(before.word())
                            && !before.word().equals("and")
                            && !before.word().equals("the")) return false;
        }
        for (int i = m.to; i < Math.min(words.size(), m.to + 3); i++) {
            Word w = words.get(i);
            if (w.joint() != ' ' || w.capitalised()) return false;
            if (speakingVerb(document, w)) return true;
            if (!BETWEEN.contains(w.word())) return false;
        }
        return false;
    }

    /** "Tehran and Ankara denied": a name joined by "and" to a speaking name speaks too. */
    private static boolean coordinatedWithSpeaker(List<Word> words, List<PlaceMention> mentions, int k) {
        if (k + 1 >= mentions.size()) return false;
        PlaceMention m = mentions.get(k), next = mentions.get(k + 1);
        return next.notEventPlace
                && next.from == m.to + 1
                && words.get(m.to).word().equals("and")
                && words.get(m.to).joint() == ' '
                && words.get(next.from).joint() == ' ';
    }

    private boolean speakingVerb(TokenisedText document, Word w) {
        Token t = document.tokenAt(w.start());
        if (t != null && t.tag() != null) {
            // the tagger knows whether "claims" is a verb here; its lemma finds every form
            return t.tag().startsWith("VB")
                    && (lists.speakingVerbs.contains(w.word())
                            || t.lemma() != null && lists.speakingVerbs.contains(t.lemma()));
        }
        return knownForm(lists.speakingVerbs, w.word());
    }

    /** Without a tagger: the word, or it without an ending ("warns", "warned", "stated", "denies", "denied"). */
    static boolean knownForm(Set<String> lemmas, String w) {
        if (lemmas.contains(w)) return true;
        int n = w.length();
        if (n < 4) return false;
        if (w.endsWith("s") && lemmas.contains(w.substring(0, n - 1))) return true;
        if (w.endsWith("es") && lemmas.contains(w.substring(0, n - 2))) return true;
        if (w.endsWith("d") && lemmas.contains(w.substring(0, n - 1))) return true;
        if (w.endsWith("ed") && lemmas.contains(w.substring(0, n - 2))) return true;
        return (w.endsWith("ies") || w.endsWith("ied")) && lemmas.contains(w.substring(0, n - 3) + "y");
    }
}
