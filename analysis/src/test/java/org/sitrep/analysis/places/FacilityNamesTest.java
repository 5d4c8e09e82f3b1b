package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.analysis.places.SpeakerPlacesTest.marked;

import org.junit.jupiter.api.Test;

/** A city lending its name to a road, gate, bridge or dam is not where the event on it happened. */
class FacilityNamesTest {
    @Test
    void bothEndsOfARouteAreMarked() {
        assertThat(marked("Gunmen ambushed a convoy on the Damascus–Homs highway on Sunday."))
                .containsExactly("Damascus", "Homs");
        assertThat(marked("Insurgents planted mines on the Kabul to Jalalabad road."))
                .containsExactly("Kabul", "Jalalabad");
        assertThat(marked("Traffic on the Aleppo-Gaziantep road was halted.")).containsExactly("Aleppo", "Gaziantep");
    }

    @Test
    void gatesBridgesAndDamsNamedAfterACity() {
        assertThat(marked("Police dispersed worshippers at the Damascus Gate.")).containsExactly("Damascus");
        assertThat(marked("The militants reached the Mosul Dam on Thursday.")).containsExactly("Mosul");
    }

    @Test
    void aRoadToACityOrAnAirportOfACityKeepsTheCity() {
        assertThat(marked("Troops shelled Homs and the road to Hama.")).isEmpty();
        // an airport lies in or beside its city: an event there is in that city
        assertThat(marked("Militants fired mortars at Mogadishu's airport.")).isEmpty();
        assertThat(marked("Clashes broke out in Aleppo and spread south.")).isEmpty();
    }
}
