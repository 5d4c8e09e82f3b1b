package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.text.TokenisedText;

/** Adjectival references ("Syrian forces") are place mentions of their own kind: linked to a country, never a place of the text. */
class AdjectivalReferencesTest {
    static final Geoparser PARSER = Geoparser.worldwide();

    static PlacesInText read(String text) {
        return PARSER.find(TokenisedText.of(text));
    }

    static List<String> adjectival(String text) {
        return read(text).adjectival().stream()
                .map(p -> p.text() + "=" + p.country())
                .toList();
    }

    @Test
    void aDemonymIsLinkedToItsCountryAndIsNoPlace() {
        PlacesInText read = read("Syrian forces shelled the outskirts of Idlib on Tuesday, a monitor said.");
        assertThat(read.adjectival()).extracting(Place::country).containsExactly("SY");
        assertThat(read.adjectival().get(0).featureCode()).startsWith("PCL");
        assertThat(read.places()).extracting(Place::text).containsExactly("Idlib");
    }

    @Test
    void everyMentionIsKeptAndTwoWordAdjectivesAreOneMention() {
        PlacesInText read = read("The Syrian army and Syrian rebels met South Korean diplomats in Geneva.");
        assertThat(read.adjectival()).extracting(Place::country).containsExactly("SY", "KR");
        assertThat(read.adjectival().get(0).mentions()).hasSize(2);
        assertThat(read.adjectival().get(1).text()).isEqualTo("South Korean");
    }

    @Test
    void continentsAndHyphenatedPairsAreReadToo() {
        assertThat(adjectival("European ministers discussed the Iraqi-Turkish border crossing."))
                .containsExactly("European=", "Iraqi=IQ", "Turkish=TR");
    }

    @Test
    void lowerCaseWordsAndPlaceNamesAreNotAdjectives() {
        // "south sudanese" in lower case is no name; "South Sudan" is a place name, not an adjective.
        assertThat(adjectival("refugees crossed from South Sudan, officials in the south sudanese border area said"))
                .isEmpty();
        assertThat(adjectival("Fighting resumed in South Korea.")).isEmpty();
    }

    @Test
    void aLanguageIsNoReferenceToTheCountry() {
        assertThat(adjectival("The driver speaks fluent French which helped at the checkpoint near Beirut."))
                .isEmpty();
        assertThat(adjectival("A man shouted in Turkish, and the crowd ran.")).isEmpty();
        // Followed by a noun it qualifies, the same word refers to the country.
        assertThat(adjectival("The talks were reported in French newspapers.")).containsExactly("French=FR");
    }

    @Test
    void countryOfReadsTheDataFile() {
        AdjectivalReferences a = AdjectivalReferences.bundled();
        assertThat(a.countryOf("Ukrainian")).isEqualTo("UA");
        assertThat(a.countryOf("European")).isEqualTo("Europe");
        assertThat(a.countryOf("ukrainian")).isNull(); // a capitalised word only
        assertThat(a.countryOf("Ukraine")).isNull();
    }
}
