package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Place;

/**
 * A district whose name two cities share resolves within the city the article is about. The
 * gazetteer is invented, so only the mechanism can decide: two cities far apart, each with a
 * district called Qasimabad; the other city's is the larger.
 */
class FocusCityTest {
    static final Gazetteer TWO_CITIES = Gazetteer.of(List.of(
            new GazetteerEntry(9_100_001, "Varnholt", 10.0, 10.0, "PPLA", "ZZ", "North", 900_000, List.of()),
            new GazetteerEntry(9_100_002, "Korsenburg", 14.0, 14.0, "PPLA", "ZZ", "South", 1_200_000, List.of()),
            new GazetteerEntry(9_100_003, "Qasimabad", 10.05, 10.05, "PPLX", "ZZ", "North", 20_000, List.of()),
            new GazetteerEntry(9_100_004, "Qasimabad", 14.05, 14.05, "PPLX", "ZZ", "South", 40_000, List.of())));
    static final Geoparser PARSER = new Geoparser(TWO_CITIES);

    static Place qasimabad(String text) {
        return PARSER.find(text).stream()
                .filter(p -> p.text().equals("Qasimabad"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theDistrictOfTheCityTheArticleIsAbout() {
        Place q = qasimabad("Shelling hit Varnholt overnight. In Varnholt, families fled Qasimabad as the fighting "
                + "spread. Officials in Korsenburg said talks would resume.");
        assertThat(q.gazetteerId()).isEqualTo(9_100_003);
        assertThat(q.admin1()).isEqualTo("North");
    }

    @Test
    void andTheOtherCitysWhenTheArticleIsAboutThatOne() {
        Place q = qasimabad("Shelling hit Korsenburg overnight. In Korsenburg, families fled Qasimabad as the fighting "
                + "spread. Officials in Varnholt said talks would resume.");
        assertThat(q.gazetteerId()).isEqualTo(9_100_004);
    }

    @Test
    void withNoCityNamedTwiceTheLargerNamesakeWins() {
        // each city named once: no focus city, and the closeness to either is a tie
        Place q = qasimabad("Families fled Qasimabad as fighting spread from Varnholt. Officials in Korsenburg said "
                + "talks would resume.");
        assertThat(q.gazetteerId()).isEqualTo(9_100_004);
    }

    @Test
    void theFocusCityIsTheCityNamedMostOften() {
        PlaceStages.Found f = PlaceStages.names("Varnholt");
        assertThat(f.mentions()).isEmpty(); // the shared stages read the bundled gazetteer, not this one
        PlaceRanking ranking = new PlaceRanking(TWO_CITIES);
        GazetteerLookup lookup = new GazetteerLookup(TWO_CITIES);
        PlaceNameFinder names = new PlaceNameFinder(lookup, PlaceStages.LISTS);
        String text = "Korsenburg and Varnholt traded fire; Varnholt was hit again.";
        List<PlaceMention> ms =
                names.find(text, org.sitrep.analysis.text.TokenisedText.of(text).words());
        ranking.resolveAll(ms);
        assertThat(ranking.focusCity(ms).name()).isEqualTo("Varnholt");
        String once = "Korsenburg and Varnholt traded fire.";
        List<PlaceMention> ms1 =
                names.find(once, org.sitrep.analysis.text.TokenisedText.of(once).words());
        ranking.resolveAll(ms1);
        assertThat(ranking.focusCity(ms1)).isNull();
    }
}
