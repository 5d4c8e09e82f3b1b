package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Place;

/**
 * Features conflict news names that GeoNames' populated places lack, carried by the curated
 * supplement (regions, disputed territories, seas, air bases, crossings, camps), and abbreviations
 * of initials that name a province anywhere in a sentence. Sentences written for the project.
 */
class GazetteerSupplementTest {
    static final Geoparser PARSER = Geoparser.worldwide();

    static Place only(String text, String name) {
        List<Place> found =
                PARSER.find(text).stream().filter(p -> p.text().equals(name)).toList();
        assertThat(found).as(name + " in: " + text).hasSize(1);
        return found.get(0);
    }

    @Test
    void regionsAndDisputedTerritoriesArePlaces() {
        String text = "Aid convoys to Darfur were halted while shelling went on in the Donbas and in Nagorno-Karabakh.";
        assertThat(only(text, "Darfur").country()).isEqualTo("SD");
        assertThat(only(text, "Donbas").country()).isEqualTo("UA");
        assertThat(only(text, "Nagorno-Karabakh").country()).isEqualTo("AZ");
    }

    @Test
    void airBasesCrossingsAndCampsArePlaces() {
        String text = "Jets took off from Hmeimim while trucks queued at Kerem Shalom and families left Zaatari.";
        assertThat(only(text, "Hmeimim").country()).isEqualTo("SY");
        assertThat(only(text, "Kerem Shalom").country()).isEqualTo("IL");
        assertThat(only(text, "Zaatari").country()).isEqualTo("JO");
    }

    @Test
    void theEuropeanUnionSitsAtEuropesPointAndItsAbbreviationIsAPlace() {
        Place eu = only("Ministers met in Brussels as the EU weighed new sanctions.", "EU");
        Place europe = only("Refugees crossed into Europe by sea.", "Europe");
        assertThat(Geoparser.km(eu.lat(), eu.lon(), europe.lat(), europe.lon())).isLessThan(1);
        // Other short capitals stay abbreviations: no curated region is called "UN" or "BA".
        assertThat(PARSER.find("The UN said BA flights resumed.")).isEmpty();
    }

    @Test
    void initialsNameAProvinceAnywhereButAfterANumber() {
        Place bc = only("Snow fell across northern B.C. on Monday.", "B.C");
        assertThat(bc.name()).isEqualTo("British Columbia");
        assertThat(only("The B.C. government closed the highway.", "B.C").name())
                .isEqualTo("British Columbia");
        // "300 B.C." is a year; "Ky." alone, without a comma after a town, is no state.
        assertThat(PARSER.find("The fort was built around 300 B.C. by traders."))
                .isEmpty();
        assertThat(PARSER.find("He said Ky. was cold.")).isEmpty();
    }
}
