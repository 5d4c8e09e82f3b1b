package org.sitrep.analysis.places;

import java.util.List;
import org.sitrep.analysis.text.Word;

/**
 * Names that are a place's in the gazetteer but a person's in the text, decided by the sentence
 * and by the gazetteer's importance, not by a list of names:
 * <ul>
 *   <li>a small place's name as the subject of a verb of speaking ("Johnson said", "McGregor told
 *       reporters"): places that speak are capitals and states standing for their government
 *       ({@link SpeakerPlaces}), not villages, so this is a person, everywhere in the text;</li>
 *   <li>a given name that is only some place's other name ("Sam", "Julia", "Ben"), with no
 *       locative word before it or place cue after it.</li>
 * </ul>
 */
final class FalseFriends {
    /** Above this population a place may speak for its authorities ("Ankara said"). */
    static final long SPEAKING_PLACE_POPULATION = 100_000;

    private final PlaceWords lists;

    FalseFriends(PlaceWords lists) {
        this.lists = lists;
    }

    /**
     * True if the one-word name at {@code from} reads as a person: a place of at most
     * {@link #SPEAKING_PLACE_POPULATION} people, no country or province, followed by a verb of speaking,
     * and not after a locative word ("a man from Dewsbury said" names the town).
     */
    boolean speaksAsPerson(List<Word> tokens, int from, int to, long population, boolean strong) {
        if (strong || population > SPEAKING_PLACE_POPULATION || to >= tokens.size()) return false;
        if (from > 0 && PlaceWords.LOCATIVE.contains(tokens.get(from - 1).word())) return false;
        Word after = tokens.get(to);
        return after.joint() == ' '
                && !after.capitalised()
                && SpeakerPlaces.knownForm(lists.speakingVerbs, after.word());
    }

    /** True if {@code word} is a given name and the place it names is known by another name. */
    boolean givenNameForAnotherPlace(String word, boolean primaryName, boolean locative, boolean cueAfter) {
        return !primaryName && !locative && !cueAfter && lists.givenNames.contains(word);
    }
}
