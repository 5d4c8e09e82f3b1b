package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.Span;

/** Behaviour of the geoparser on the bundled worldwide gazetteer. */
class GeoparserTest {
    static final Geoparser PARSER = Geoparser.worldwide();

    static List<Place> find(String text) {
        return PARSER.find(text);
    }

    static Place place(String text, String surface) {
        Optional<Place> p =
                find(text).stream().filter(x -> x.text().equals(surface)).findFirst();
        assertThat(p).as("%s in %s -> %s", surface, text, find(text)).isPresent();
        return p.get();
    }

    @Test
    void transliterationVariantsResolveToTheSamePlace() {
        Place kessab = place("Rebels entered Kessab in Latakia province, near the Turkish border.", "Kessab");
        Place kasab = place("Rebels entered Kasab in Latakia province, near the Turkish border.", "Kasab");
        assertThat(kessab.country()).isEqualTo("SY");
        assertThat(kasab.gazetteerId()).isEqualTo(kessab.gazetteerId());
        assertThat(place("Government troops retook Khanaser in Aleppo province.", "Khanaser")
                        .name())
                .isEqualTo("Khanāşir");
        assertThat(place("Fighting continued in Douma and Harasta.", "Douma").country())
                .isEqualTo("SY");
        assertThat(place("Jets struck ar-Raqqah overnight.", "ar-Raqqah").country())
                .isEqualTo("SY");
        assertThat(place("Jets struck Raqqa overnight.", "Raqqa").gazetteerId())
                .isEqualTo(
                        place("Jets struck ar-Raqqah overnight.", "ar-Raqqah").gazetteerId());
    }

    @Test
    void articlesHyphensAndApostrophes() {
        Place bab = place("Turkish-backed forces advanced on al-Bab.", "al-Bab");
        assertThat(bab.country()).isEqualTo("SY");
        Place maarat = place("Airstrikes hit Ma'arrat al-Nu'man in Idlib.", "Ma'arrat al-Nu'man");
        assertThat(maarat.country()).isEqualTo("SY");
        assertThat(place("Clashes near Deir ez-Zor airport.", "Deir ez-Zor").country())
                .isEqualTo("SY");
    }

    @Test
    void mentionsCarryOffsetsIntoTheText() {
        String text = "Aleppo was quiet. Later, shelling resumed in Aleppo.";
        Place aleppo = place(text, "Aleppo");
        assertThat(aleppo.mentions()).containsExactly(new Span(0, 6), new Span(45, 51));
        assertThat(aleppo.lat()).isCloseTo(36.2, org.assertj.core.data.Offset.offset(0.1));
        assertThat(aleppo.precision()).isEqualTo(Precision.CITY);
    }

    @Test
    void commonWordsAreNotPlaces() {
        assertThat(find("He will deal with the split in March. Best of luck, man. Nice try. "
                        + "Mobile phones were seized. Will they Split? Of course."))
                .isEmpty();
    }

    @Test
    void commonWordPlacesCountWithContext() {
        Place nice = place("The attack in Nice, France, killed 86 people.", "Nice");
        assertThat(nice.country()).isEqualTo("FR");
    }

    @Test
    void peopleAndDemonymsAreNotPlaces() {
        assertThat(find("President Bashar al-Assad met Syrian and Iraqi officials. Assad said nothing."))
                .extracting(Place::text)
                .doesNotContain("Assad", "al-Assad", "Bashar", "Syrian", "Iraqi");
    }

    @Test
    void ambiguityResolvedByExplicitCountry() {
        assertThat(place("Clashes broke out in Tripoli, Lebanon, on Friday.", "Tripoli")
                        .country())
                .isEqualTo("LB");
        assertThat(place("Militias clashed in Tripoli, the Libyan capital.", "Tripoli")
                        .country())
                .isEqualTo("LY");
    }

    @Test
    void ambiguityResolvedByCountryFocusAndNeighbours() {
        Place tripoli = place(
                "Fighting in Beirut spread north. In Tripoli, Sunni and Alawite gunmen clashed. "
                        + "The Lebanese army deployed in Lebanon's second city.",
                "Tripoli");
        assertThat(tripoli.country()).isEqualTo("LB");
        Place homs = place("Government forces shelled Hama and Homs, and rebels withdrew towards Idlib.", "Homs");
        assertThat(homs.country()).isEqualTo("SY");
        Place ariha = place("Airstrikes hit Saraqib and Ariha in Idlib province.", "Ariha");
        assertThat(ariha.country()).isEqualTo("SY");
    }

    @Test
    void townNearAnotherPlace() {
        Place suluk = place("Kurdish fighters took Suluk, a town near Tal Abyad on the Turkish border.", "Suluk");
        assertThat(suluk.country()).isEqualTo("SY");
    }

    @Test
    void datelineAbbreviationsOfStatesAndProvinces() {
        Place ky = place("FRANKFORT, Ky. (AP) — The governor signed the bill.", "Ky");
        assertThat(ky.name()).isEqualTo("Kentucky");
        assertThat(ky.precision()).isEqualTo(Precision.ADMIN1);
        Place london = place("LONDON, Ont. — Police said the driver fled.", "LONDON");
        assertThat(london.country()).isEqualTo("CA");
        assertThat(find("Mo said nothing. Ky is a name.")).isEmpty();
    }

    @Test
    void directionFromAnotherPlace() {
        Place salqin = place("Airstrikes hit Salqin, north of Idlib, overnight.", "Salqin");
        assertThat(salqin.country()).isEqualTo("SY");
    }

    @Test
    void demonymNamesTheCountry() {
        String text = "Khoms, not to be confused with the Syrian city of Homs, is a smugglers' hub east of Tripoli.";
        assertThat(place(text, "Homs").country()).isEqualTo("SY");
        assertThat(place("Militias clashed in Tripoli, the Libyan capital.", "Tripoli")
                        .country())
                .isEqualTo("LY");
    }

    @Test
    void headOfAnUnknownLongerNameIsNotAPlace() {
        assertThat(find("Protesters gathered on Riad al-Solh Square in central Beirut."))
                .extracting(Place::country)
                .doesNotContain("SA");
        assertThat(find("Snipers covered Castello Road in northern Aleppo."))
                .extracting(Place::country)
                .doesNotContain("IT");
    }

    @Test
    void provinceAndGovernoratePhrasesMeanTheDivision() {
        Place province = place("Rebels hold most of Idlib province.", "Idlib");
        assertThat(province.precision()).isEqualTo(Precision.ADMIN1);
        Place governorate = place("Shelling in the Aleppo governorate killed four.", "Aleppo");
        assertThat(governorate.precision()).isEqualTo(Precision.ADMIN1);
        Place city = place("Shelling in Aleppo killed four.", "Aleppo");
        assertThat(city.precision()).isEqualTo(Precision.CITY);
        assertThat(place("Fighting spread across Syria.", "Syria").precision()).isEqualTo(Precision.COUNTRY);
    }

    @Test
    void curatedNeighbourhoodsResolveAtNeighbourhoodPrecision() {
        Place p = place("Barrel bombs fell on Sheikh Maqsoud and the Layramoun roundabout.", "Sheikh Maqsoud");
        assertThat(p.precision()).isEqualTo(Precision.NEIGHBOURHOOD);
        assertThat(p.country()).isEqualTo("SY");
        assertThat(place("Barrel bombs fell on Sheikh Maqsoud and the Layramoun roundabout.", "Layramoun")
                        .admin1())
                .isEqualTo("Aleppo");
    }

    @Test
    void unknownNeighbourhoodFallsBackToItsCity() {
        Place p = place("Shells landed in the Zebdiyeh district of Aleppo on Tuesday.", "Zebdiyeh");
        assertThat(p.name()).isEqualTo("Aleppo");
        assertThat(p.precision()).isEqualTo(Precision.CITY);
        assertThat(p.country()).isEqualTo("SY");
        Place q = place("Shells hit the Sheikh Maqsoud and Zebdiyeh districts of Aleppo.", "Zebdiyeh");
        assertThat(q.name()).isEqualTo("Aleppo");
    }

    @Test
    void emptyAndOddInputGiveNoPlaces() {
        assertThat(find("")).isEmpty();
        assertThat(find(null)).isEmpty();
        assertThat(find("\u0000\u0001 ''' --- ,,, 12345")).isEmpty();
    }

    @Test
    void sharedInstanceIsReusedAndLoadsTheWorld() {
        assertThat(Geoparser.worldwide()).isSameAs(PARSER);
        assertThat(PARSER.gazetteer().size()).isGreaterThan(100_000);
        assertThat(PARSER.gazetteer().named("Damascus"))
                .anyMatch(e -> e.featureCode().equals("PPLC"));
    }
}
