package org.sitrep.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The engine end to end: a city that only speaks, or only names a road, is a place of the text but
 * not where its events happened.
 */
class EventPlacesTest {
    static final Analyzer ENGINE = Analyzer.create();

    static Analysis analyse(String text) {
        return ENGINE.analyze(Document.text(text, LocalDate.of(2024, 5, 2)));
    }

    static String eventPlaces(Analysis a) {
        return a.events().stream()
                .map(e -> e.place() == null ? "-" : e.place().name())
                .toList()
                .toString();
    }

    @Test
    void aSpeakingCapitalIsNotWhereTheShellingWas() {
        // the sentence names no other place: without the mechanism the speaker would be the event's place
        Analysis a = analyse("Damascus said rebels shelled army positions on Monday, killing four soldiers.");
        assertThat(a.places()).extracting(Place::text).contains("Damascus");
        assertThat(a.events()).as(eventPlaces(a)).isNotEmpty();
        assertThat(a.events())
                .allSatisfy(e -> assertThat(e.place() == null ? null : e.place().name())
                        .as(eventPlaces(a))
                        .isNotEqualTo("Damascus"));
    }

    @Test
    void anAmbushOnAHighwayIsNotInTheCitiesItJoins() {
        Analysis a = analyse("Gunmen ambushed a bus on the Damascus–Homs highway on Monday, killing six passengers.");
        assertThat(a.places()).extracting(Place::text).contains("Damascus", "Homs");
        assertThat(a.events()).as(eventPlaces(a)).isNotEmpty();
        assertThat(a.events())
                .allSatisfy(e -> assertThat(e.place()).as(eventPlaces(a)).isNull());
    }

    @Test
    void aCityNamedPlainlyStaysTheEventsPlace() {
        Analysis a = analyse("Rebels shelled Homs on Monday, killing four civilians.");
        assertThat(a.events())
                .as(eventPlaces(a))
                .anySatisfy(e -> assertThat(e.place().name()).isEqualTo("Homs"));
    }
}
