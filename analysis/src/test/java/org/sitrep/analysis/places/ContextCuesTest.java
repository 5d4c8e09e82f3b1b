package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.analysis.places.PlaceStages.CUES;
import static org.sitrep.analysis.places.PlaceStages.GAZETTEER;
import static org.sitrep.analysis.places.PlaceStages.names;

import org.junit.jupiter.api.Test;

/** Context cues add to the bonus of exactly the candidates they fit. */
class ContextCuesTest {
    static double bonusIn(PlaceMention m, String country) {
        double best = 0;
        for (int c = 0; c < m.candidates.length; c++)
            if (GAZETTEER.entry(m.candidates[c]).country().equals(country)) best = Math.max(best, m.bonus[c]);
        return best;
    }

    @Test
    void aContainerAfterACommaFavoursTheCandidatesInsideIt() {
        PlaceStages.Found f = names("Clashes broke out in Tripoli, Lebanon, on Friday.");
        CUES.apply(f.text(), f.words(), f.mentions());
        PlaceMention tripoli = f.named("Tripoli");
        assertThat(bonusIn(tripoli, "LB")).isGreaterThan(0);
        assertThat(bonusIn(tripoli, "LY")).isZero();
    }

    @Test
    void aDemonymNamesTheCountry() {
        PlaceStages.Found f = names("Militias clashed in Tripoli, the Libyan capital.");
        CUES.apply(f.text(), f.words(), f.mentions());
        PlaceMention tripoli = f.named("Tripoli");
        assertThat(bonusIn(tripoli, "LY")).isGreaterThan(bonusIn(tripoli, "LB"));
    }

    @Test
    void noCueNoBonus() {
        PlaceStages.Found f = names("Tripoli was quiet.");
        CUES.apply(f.text(), f.words(), f.mentions());
        for (double b : f.named("Tripoli").bonus) assertThat(b).isZero();
    }
}
