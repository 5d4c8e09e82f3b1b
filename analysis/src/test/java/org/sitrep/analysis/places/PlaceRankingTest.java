package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.analysis.places.PlaceStages.GAZETTEER;
import static org.sitrep.analysis.places.PlaceStages.RANKING;
import static org.sitrep.analysis.places.PlaceStages.names;
import static org.sitrep.analysis.places.PlaceStages.resolved;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Precision;

/** Ranking: importance, cues, the document's country focus and neighbours decide a name's place. */
class PlaceRankingTest {
    @Test
    void aBareNameSharedByAProvinceAndItsSeatMeansTheCity() {
        PlaceStages.Found f = resolved("Shelling resumed in Aleppo.");
        assertThat(GAZETTEER.entry(f.named("Aleppo").resolved).precision()).isEqualTo(Precision.CITY);
    }

    @Test
    void theDocumentsCountryFocusDecidesANamesake() {
        // alone, Tripoli is Libya's capital
        assertThat(resolved("Fighting spread to Tripoli.")
                        .country(resolved("Fighting spread to Tripoli.").named("Tripoli")))
                .isEqualTo("LY");
        PlaceStages.Found f = names("Fighting in Beirut, Sidon and Tyre spread to Tripoli.");
        Map<String, Double> focus = RANKING.countryFocus(f.mentions());
        assertThat(focus.get("LB")).isGreaterThan(0.5);
        RANKING.resolveAll(f.mentions());
        assertThat(f.country(f.named("Tripoli"))).isEqualTo("LB");
    }

    @Test
    void confidenceIsFullOnlyForAnUnambiguousName() {
        PlaceStages.Found f = resolved("Clashes broke out in Tripoli, Lebanon, and Deir ez-Zor.");
        PlaceMention tripoli = f.named("Tripoli");
        assertThat(f.country(tripoli)).isEqualTo("LB");
        assertThat(tripoli.confidence).isBetween(0.3, 1.0);
    }
}
