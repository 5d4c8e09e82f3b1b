package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Place;

/** Names that are some place's in the gazetteer but a person's in the sentence. */
class FalseFriendsTest {
    static final Geoparser PARSER = Geoparser.worldwide();

    static List<String> places(String text) {
        return PARSER.find(text).stream().map(Place::text).toList();
    }

    @Test
    void aSmallPlacesNameThatSpeaksIsAPersonEverywhereInTheText() {
        // Gazetteer towns named Johnson and McGregor exist; here they are people.
        assertThat(places("Johnson said the convoy left Kirkuk at dawn. Later Johnson added that it was shelled."))
                .containsExactly("Kirkuk");
        assertThat(places("McGregor told reporters in Mosul that the bridge was closed."))
                .containsExactly("Mosul");
    }

    @Test
    void aTownAfterALocativeWordStillSpeaksAsItsPeople() {
        // "a man from Dewsbury said": the town is named, the man speaks.
        assertThat(places("A man from Dewsbury said the road to Leeds was blocked."))
                .contains("Dewsbury", "Leeds");
    }

    @Test
    void capitalsMaySpeakForTheirGovernment() {
        assertThat(places("Damascus said rebels shelled Aleppo on Monday.")).contains("Damascus", "Aleppo");
    }

    @Test
    void aGivenNameThatIsOnlyAPlacesOtherNameIsAPerson() {
        assertThat(places("Sam and Julia fled Homs with their children.")).containsExactly("Homs");
        // With a locative word before it, a place's other name is still read as the place.
        assertThat(places("The family reached Aleppo on Friday.")).containsExactly("Aleppo");
    }
}
