package org.sitrep.analysis.places;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.text.Word;

/**
 * What the words around a name say about which place it is: a cue word after it ("Idlib
 * province", "the town of"), a container after a comma ("Tripoli, Lebanon"), a nearby place ("X, a
 * town near Y", "X in Y") and a demonym a few words off ("the Syrian city of Homs"). Each cue adds
 * to the bonus of the candidates it fits.
 */
final class ContextCues {
    private final Gazetteer gazetteer;
    private final PlaceWords lists;

    ContextCues(Gazetteer gazetteer, PlaceWords lists) {
        this.gazetteer = gazetteer;
        this.lists = lists;
    }

    /** Explicit context: "Tripoli, Lebanon", "Idlib province", "the X district of Aleppo", "X, near Y". */
    void apply(String text, List<Word> tokens, List<PlaceMention> mentions) {
        for (int k = 0; k < mentions.size(); k++) {
            PlaceMention m = mentions.get(k);
            demonymBonus(tokens, m);
            Word after = m.to < tokens.size() ? tokens.get(m.to) : null;
            if (after != null && after.joint() != '.' && after.joint() != ',') {
                String w = after.word();
                for (int c = 0; c < m.candidates.length; c++) {
                    Precision p = gazetteer.entry(m.candidates[c]).precision();
                    if (PlaceWords.ADMIN1_CUES.contains(w) && p == Precision.ADMIN1) m.bonus[c] += 12;
                    if (PlaceWords.ADMIN2_CUES.contains(w) && (p == Precision.ADMIN2 || p == Precision.NEIGHBOURHOOD))
                        m.bonus[c] += 6;
                    if (PlaceWords.CITY_CUES.contains(w) && p == Precision.CITY) m.bonus[c] += 4;
                }
            }
            // "Tripoli, Lebanon" / "Springfield, Illinois": the next mention after a comma names the container.
            if (k + 1 < mentions.size()) {
                PlaceMention next = mentions.get(k + 1);
                if (next.from == m.to && tokens.get(next.from).joint() == ',')
                    m.contained = containerBonus(m, next, 15) && namesAnArea(next);
            }
            // "X, a town near Y" / "X, north of Y" / "X in Y": Y a few words later.
            if (k + 1 < mentions.size()) {
                PlaceMention next = mentions.get(k + 1);
                if (next.from > m.to && next.from - m.to <= 5) {
                    String between = text.substring(
                                    tokens.get(m.to - 1).end(),
                                    tokens.get(next.from).start())
                            .toLowerCase(Locale.ROOT);
                    if (NEAR.matcher(between).find()) proximityBonus(m, next, 8);
                    else if (IN.matcher(between).matches()) containerBonus(m, next, 6);
                }
            }
        }
    }

    /** "the Syrian city of Homs", "Tripoli, the Libyan capital": a demonym a few words off names the country. */
    private void demonymBonus(List<Word> tokens, PlaceMention m) {
        String country = null;
        for (int t = m.from - 1; t >= Math.max(0, m.from - 4) && country == null; t--) {
            country = lists.demonyms.get(tokens.get(t).word());
            if (tokens.get(t).sentenceStart()) break;
        }
        for (int t = m.to; t < Math.min(tokens.size(), m.to + 4) && country == null; t++) {
            if (tokens.get(t).joint() == '.') break;
            country = lists.demonyms.get(tokens.get(t).word());
        }
        if (country == null) return;
        for (int c = 0; c < m.candidates.length; c++)
            if (gazetteer.entry(m.candidates[c]).country().equals(country)) m.bonus[c] += 5;
    }

    private static final Pattern NEAR = Pattern.compile(
            "^,?\\s*(a|an|the)?\\s*(\\w+\\s+)?(town|village|city|suburb|district|neighbou?rhood|area|camp|base|"
                    + "north|south|east|west|northeast|northwest|southeast|southwest|outskirts|near|close|outside)\\b.*"
                    + "(of|near|to|outside|from)\\s*$");
    private static final Pattern IN = Pattern.compile(
            "^,?\\s*in\\s+(the\\s+)?((northern|southern|eastern|western|central|(north|south)(east|west)(ern)?|north|south|east|west)\\s+)?$");

    /** Candidates of {@code m} inside what {@code container} may mean get {@code weight}; true if any did. */
    private boolean containerBonus(PlaceMention m, PlaceMention container, double weight) {
        boolean any = false;
        for (int c = 0; c < m.candidates.length; c++) {
            GazetteerEntry e = gazetteer.entry(m.candidates[c]);
            for (int d : container.candidates) {
                GazetteerEntry y = gazetteer.entry(d);
                boolean inside =
                        switch (y.precision()) {
                            case COUNTRY -> y.country().equals(e.country()) && e.precision() != Precision.COUNTRY;
                            case ADMIN1 ->
                                y.country().equals(e.country())
                                        && y.admin1().equals(e.admin1())
                                        && e.precision() != Precision.ADMIN1
                                        && e.precision() != Precision.COUNTRY;
                            default -> y.country().equals(e.country()) && Geoparser.km(e, y) < 60;
                        };
                if (inside) {
                    m.bonus[c] += weight;
                    any = true;
                    break;
                }
            }
        }
        return any;
    }

    /** True when a container may be a country or a first-level division: "Paris, Texas", not "Portland. OAKLAND". */
    private boolean namesAnArea(PlaceMention container) {
        for (int d : container.candidates) {
            Precision p = gazetteer.entry(d).precision();
            if (p == Precision.COUNTRY || p == Precision.ADMIN1) return true;
        }
        return false;
    }

    private void proximityBonus(PlaceMention m, PlaceMention other, double weight) {
        for (int c = 0; c < m.candidates.length; c++) {
            GazetteerEntry e = gazetteer.entry(m.candidates[c]);
            for (int d : other.candidates) {
                if (Geoparser.km(e, gazetteer.entry(d)) < 80) {
                    m.bonus[c] += weight;
                    break;
                }
            }
        }
    }
}
