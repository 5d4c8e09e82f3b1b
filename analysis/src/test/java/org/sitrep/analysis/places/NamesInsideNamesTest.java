package org.sitrep.analysis.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.text.TokenisedText;

/** A place inside an organisation's name is named, but is no event's place. */
class NamesInsideNamesTest {
    static final Geoparser PARSER = Geoparser.worldwide();

    record Read(List<String> places, List<String> notEventPlaces) {}

    static Read read(String text) {
        TokenisedText doc = TokenisedText.of(text);
        PlacesInText r = PARSER.find(doc);
        return new Read(
                r.places().stream().map(Place::text).toList(),
                r.notEventPlaces().stream()
                        .map(s -> text.substring(s.start(), s.end()))
                        .toList());
    }

    @Test
    void aPlaceBeforeAnOrganisationsHeadIsMarked() {
        Read r = read("The Kirkuk Provincial Council said two mortar rounds hit Hawija overnight.");
        assertThat(r.places()).contains("Kirkuk", "Hawija");
        assertThat(r.notEventPlaces()).containsExactly("Kirkuk");
    }

    @Test
    void aPlaceAfterAHeadAndOfIsMarked() {
        Read r = read("Researchers at the University of Baghdad counted the dead in Falluja.");
        assertThat(r.places()).contains("Baghdad", "Falluja");
        assertThat(r.notEventPlaces()).containsExactly("Baghdad");
    }

    @Test
    void lowerCaseWordsAfterAPlaceLeaveItAnEventPlace() {
        // "Kirkuk police said": the police are in Kirkuk and speak about it; not an organisation's name.
        assertThat(read("Kirkuk police said a car bomb exploded near the market.")
                        .notEventPlaces())
                .isEmpty();
        assertThat(read("Shelling hit the outskirts of Mosul on Friday.").notEventPlaces())
                .isEmpty();
    }
}
