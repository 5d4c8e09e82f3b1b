package org.sitrep.analysis.places;

import java.util.List;
import java.util.Set;
import org.sitrep.analysis.text.Word;

/**
 * A place lending its name to a road, airport, gate or bridge: "the Aleppo–Gaziantep highway",
 * "the Damascus Gate", "the Mosul Dam". The work may lie far from
 * the place (a highway runs hundreds of kilometres, the Damascus Gate is in Jerusalem), so the name
 * does not put an event in that place. Such a mention stays a place of the text and is marked as no
 * event's place; both ends of "the X–Y highway" are marked.
 */
final class FacilityNames {
    /** Words allowed between the name and the work's noun: "the X Ring Road", "the X Old Bridge". */
    private static final Set<String> BETWEEN =
            Set.of("ring", "main", "old", "new", "coastal", "regional", "national", "city", "suspension");

    void mark(String text, List<Word> words, List<PlaceMention> mentions) {
        for (int k = mentions.size() - 1; k >= 0; k--) {
            PlaceMention m = mentions.get(k);
            if (m.fallbackPrecision != null) continue;
            if (namesAWork(words, m) || firstEndOfARoute(text, words, mentions, k)) m.notEventPlace = true;
        }
    }

    private static boolean namesAWork(List<Word> words, PlaceMention m) {
        for (int i = m.to; i < Math.min(words.size(), m.to + 2); i++) {
            Word w = words.get(i);
            if (w.joint() != ' ') return false;
            if (PlaceWords.FACILITIES.contains(w.word())) return true;
            if (!BETWEEN.contains(w.word())) return false;
        }
        return false;
    }

    /** "the Aleppo–Gaziantep highway", "the Kabul to Jalalabad road": X is a route's end like Y. */
    private static boolean firstEndOfARoute(String text, List<Word> words, List<PlaceMention> mentions, int k) {
        if (k + 1 >= mentions.size()) return false;
        PlaceMention m = mentions.get(k), next = mentions.get(k + 1);
        if (!next.notEventPlace || !namesAWork(words, next)) return false;
        String gap = text.substring(
                        words.get(m.to - 1).end(), words.get(next.from).start())
                .strip();
        return gap.equals("-")
                || gap.equals("–")
                || gap.equals("—")
                || gap.equals("‐")
                || gap.equals("/")
                || gap.equals("to") && next.from == m.to + 1;
    }
}
