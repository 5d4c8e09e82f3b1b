package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.analysis.places.PlaceStages.names;

import org.junit.jupiter.api.Test;

/** Candidate finding: which runs of words are place names, before any is resolved. */
class PlaceNameFinderTest {
    @Test
    void findsTheLongestNameAndItsCandidates() {
        PlaceStages.Found f = names("Shells fell on Deir ez-Zor and Aleppo.");
        assertThat(f.mentions()).hasSize(2);
        PlaceMention deir = f.named("Deir ez-Zor");
        assertThat(deir.candidates).isNotEmpty();
        assertThat(deir.resolved).isEqualTo(-1); // finding resolves nothing
    }

    @Test
    void peopleOrganisationsAndCommonWordsAreNotCandidates() {
        assertThat(names("President Kelly met the Washington Post. Best of luck in March.")
                        .mentions())
                .isEmpty();
    }

    @Test
    void aSponsorIsNotAPlace() {
        assertThat(names("Iran-backed militias advanced.").mentions()).isEmpty();
    }
}
