package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.analysis.places.PlaceStages.GAZETTEER;
import static org.sitrep.analysis.places.PlaceStages.LISTS;
import static org.sitrep.analysis.places.PlaceStages.resolved;

import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Precision;

/** A district the gazetteer lacks, named as part of a city, stands for that city. */
class NeighbourhoodFallbackTest {
    static final NeighbourhoodFallback FALLBACK = new NeighbourhoodFallback(GAZETTEER, LISTS);

    @Test
    void anUnknownDistrictOfACityIsAddedAtCityPrecision() {
        PlaceStages.Found f = resolved("Shells landed in the Qarawiyeen district of Aleppo on Tuesday.");
        int before = f.mentions().size();
        FALLBACK.apply(f.text(), f.words(), f.mentions());
        assertThat(f.mentions()).hasSize(before + 1);
        PlaceMention district = f.named("Qarawiyeen");
        assertThat(district.fallbackPrecision).isEqualTo(Precision.CITY);
        assertThat(district.resolved).isEqualTo(f.named("Aleppo").resolved);
    }

    @Test
    void withoutADistrictWordNothingIsAdded() {
        PlaceStages.Found f = resolved("Shells landed near Qarawiyeen and Aleppo on Tuesday.");
        int before = f.mentions().size();
        FALLBACK.apply(f.text(), f.words(), f.mentions());
        assertThat(f.mentions()).hasSize(before);
    }
}
