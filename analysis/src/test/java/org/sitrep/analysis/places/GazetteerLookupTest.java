package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.analysis.places.PlaceStages.GAZETTEER;
import static org.sitrep.analysis.places.PlaceStages.LOOKUP;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gazetteer look-up: exact keys everywhere, spelling variants only where names are transliterated. */
class GazetteerLookupTest {
    @Test
    void exactKeysFindEveryNamesake() {
        int[] tripoli = LOOKUP.exact("tripoli");
        assertThat(Arrays.stream(tripoli).mapToObj(i -> GAZETTEER.entry(i).country()))
                .contains("LB", "LY");
        assertThat(LOOKUP.exact("nowhereville")).isEmpty();
    }

    @Test
    void spellingVariantsMeetTheGazetteersSpellingInTheMiddleEast() {
        int[] kasab = LOOKUP.spellingVariants(List.of("kasab"), "kasab");
        assertThat(kasab).isNotEmpty();
        assertThat(GAZETTEER.entry(kasab[0]).country()).isEqualTo("SY");
        // a variant far from every spelling is no match
        assertThat(LOOKUP.spellingVariants(List.of("kasabulanka"), "kasabulanka"))
                .isEmpty();
    }

    @Test
    void spellingVariantsAreNotTriedOutsideTheTransliteratedRegion() {
        // "Bostun" shares Boston's skeleton but Boston is not in the transliterated region
        assertThat(LOOKUP.spellingVariants(List.of("bostun"), "bostun")).isEmpty();
    }

    @Test
    void vowelsCostHalfInTheEditDistance() {
        assertThat(GazetteerLookup.editDistance("hodeidah", "hudaydah")).isLessThan(2);
        assertThat(GazetteerLookup.editDistance("homs", "hama"))
                .isGreaterThan(1.0); // a consonant changed costs in full
        assertThat(GazetteerLookup.withoutArticle("al bab")).isEqualTo("bab");
    }
}
