package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.text.TextCleaner;
import org.sitrep.analysis.text.TokenisedText;

/** A city standing for its government ("Damascus said", "the Ankara government") is no event's place. */
class SpeakerPlacesTest {
    static final Geoparser PARSER = Geoparser.worldwide();
    static final TextCleaner CLEANER = new TextCleaner();

    /** The names marked as no event's place, in a tagged document (as the engine reads it). */
    static List<String> marked(String text) {
        return marked(TokenisedText.of(CLEANER.clean(Document.text(text, LocalDate.of(2024, 5, 2)))));
    }

    static List<String> marked(TokenisedText doc) {
        PlacesInText read = PARSER.find(doc);
        return read.notEventPlaces().stream()
                .map(s -> doc.text().substring(s.start(), s.end()))
                .toList();
    }

    @Test
    void aCityThatSpeaksIsMarkedAndWhatItSpeaksAboutIsNot() {
        assertThat(marked("Damascus said rebels shelled Aleppo on Monday.")).containsExactly("Damascus");
        assertThat(marked("Moscow has repeatedly warned Kyiv against a new offensive."))
                .containsExactly("Moscow");
    }

    @Test
    void namesJoinedByAndSpeakTogether() {
        assertThat(marked("Tehran and Ankara denied any role in the drone strike on Erbil."))
                .containsExactly("Tehran", "Ankara");
    }

    @Test
    void aCityBeforeAnInstitutionsNounIsTheInstitution() {
        assertThat(marked("The Ankara government closed the border crossing near Kilis."))
                .containsExactly("Ankara");
        assertThat(marked("Moscow's foreign ministry summoned the envoy.")).containsExactly("Moscow");
    }

    @Test
    void whereTheSpeakersAreIsNotMarked() {
        assertThat(marked("Activists in Aleppo said the market was hit twice.")).isEmpty();
        assertThat(marked("Residents of Homs told reporters the bakery was destroyed."))
                .isEmpty();
    }

    @Test
    void territoryAdjectivesPartsOfTownAndOtherVerbsAreNotMarked() {
        assertThat(marked("Shells fell on Aleppo's government-held districts.")).isEmpty();
        assertThat(marked("Police cleared the Brasília ministries esplanade.")).isEmpty();
        // the offices are buildings in the city: an attack on them happened there
        assertThat(marked("Gunmen attacked the Ankara government offices.")).isEmpty();
        assertThat(marked("Mosul fell to the militants on Tuesday.")).isEmpty();
    }

    @Test
    void aCountryThatSpeaksStillContainsWhatItReports() {
        assertThat(marked("Ukraine said Russian troops had shelled the town.")).isEmpty();
    }

    @Test
    void withoutATaggerTheWordFormsAreEnough() {
        assertThat(marked(TokenisedText.of("Moscow warned that Damascus denied the claims.")))
                .containsExactly("Moscow", "Damascus");
        assertThat(SpeakerPlaces.knownForm(java.util.Set.of("warn", "deny", "state"), "stated"))
                .isTrue();
        assertThat(SpeakerPlaces.knownForm(java.util.Set.of("warn", "deny", "state"), "denies"))
                .isTrue();
        assertThat(SpeakerPlaces.knownForm(java.util.Set.of("warn", "deny", "state"), "warden"))
                .isFalse();
    }

    @Test
    void aMarkedCityIsStillAPlaceOfTheText() {
        PlacesInText read = PARSER.find(TokenisedText.of("Damascus said rebels shelled Aleppo on Monday."));
        assertThat(read.places()).extracting(Place::text).containsExactly("Damascus", "Aleppo");
    }

    @Test
    void theVerbListIsLoaded() {
        assertThat(new PlaceWords().speakingVerbs)
                .contains("say", "said", "warn", "deny")
                .doesNotContain("announce");
    }
}
