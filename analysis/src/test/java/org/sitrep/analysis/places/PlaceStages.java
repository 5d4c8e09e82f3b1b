package org.sitrep.analysis.places;

import java.util.List;
import org.sitrep.analysis.text.TokenisedText;
import org.sitrep.analysis.text.Word;

/** The place stages over the bundled gazetteer, run one by one on a test text. */
final class PlaceStages {
    static final Gazetteer GAZETTEER = Gazetteer.worldwide();
    static final PlaceWords LISTS = new PlaceWords();
    static final GazetteerLookup LOOKUP = new GazetteerLookup(GAZETTEER);
    static final PlaceNameFinder NAMES = new PlaceNameFinder(LOOKUP, LISTS);
    static final ContextCues CUES = new ContextCues(GAZETTEER, LISTS);
    static final PlaceRanking RANKING = new PlaceRanking(GAZETTEER);

    /** A text with its words and the names found in it. */
    record Found(String text, List<Word> words, List<PlaceMention> mentions) {
        PlaceMention named(String surface) {
            for (PlaceMention m : mentions) {
                if (text.substring(
                                words.get(m.from).start(), words.get(m.to - 1).end())
                        .equals(surface)) return m;
            }
            throw new AssertionError(surface + " not found as a name in: " + text);
        }

        String country(PlaceMention m) {
            return GAZETTEER.entry(m.resolved).country();
        }
    }

    static Found names(String text) {
        List<Word> words = TokenisedText.of(text).words();
        return new Found(text, words, NAMES.find(text, words));
    }

    /** Names, cues and ranking: what the geoparser does before its neighbourhood fallback. */
    static Found resolved(String text) {
        Found f = names(text);
        CUES.apply(text, f.words(), f.mentions());
        RANKING.resolveAll(f.mentions());
        return f;
    }

    private PlaceStages() {}
}
