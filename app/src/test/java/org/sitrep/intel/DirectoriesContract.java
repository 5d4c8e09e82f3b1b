package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitrep.testsupport.TestEvents.battle;
import static org.sitrep.testsupport.TestEvents.spec;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Place and actor directories: counts, profiles, filters, paging; rejected events are not counted. */
@SpringBootTest
@TestPropertySource(properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DirectoriesContract {
    static final LocalDate D = LocalDate.of(2014, 4, 10);
    static final String TEXT =
            "Rebels launched an offensive on west Aleppo. Regime aircraft bombed Ramouseh on Monday. "
                    + "Protesters gathered in Idlib city. Aleppo's markets were quiet.";
    static final long ALEPPO = 170063, RAMOUSEH = 1, IDLIB = 169388, MOSUL = 99072;

    @Autowired
    PlaceDirectory places;

    @Autowired
    ActorDirectory actors;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    long wire, ours, quiet;

    @BeforeAll
    void seed() {
        TestEvents.emptyTheStore(jdbc, publisher); // the context is shared: these tests count every event in it
        TestEvents events = new TestEvents(jdbc);
        wire = events.document("Rebels push into west Aleppo", "Wire One", D, TEXT);
        ours = events.document(
                "piece", 7, "Aleppo analysis", "https://sitrep.example/analysis/a", "Sitrep", D.plusDays(1), TEXT);
        quiet = events.document("Mosul market reopens", "Wire Two", D.plusDays(2), "The market in Mosul reopened.");
        events.event(
                wire,
                battle(D.minusDays(3))
                        .until(D.minusDays(1))
                        .actors("Islamic Front", "Syrian Arab Army")
                        .at("Aleppo", "SY", "Aleppo", 36.2, 37.16, ALEPPO)
                        .evidence("Rebels launched an offensive on west Aleppo.", "offensive"));
        events.event(
                ours,
                battle(D)
                        .actors("Islamic Front", "Syrian Arab Army")
                        .at("Aleppo", "SY", "Aleppo", 36.2, 37.16, ALEPPO));
        events.event(
                wire,
                spec("Explosions/Remote violence", "Air/drone strike", D.minusDays(4))
                        .actors("Syrian Arab Air Force", null)
                        .at("Ramouseh", "SY", "Aleppo", 36.17, 37.13, RAMOUSEH)
                        .evidence("Regime aircraft bombed Ramouseh on Monday.", "bombed"));
        events.event(
                ours,
                spec("Protests", "Peaceful protest", D.plusDays(1))
                        .actors("Protesters (Syria)", null)
                        .at("Idlib", "SY", "Idlib", 35.93, 36.63, IDLIB));
        // rejected: counts for nobody
        events.event(
                ours,
                battle(D.plusDays(5))
                        .actors("Islamic Front", "Jabhat al-Nusra")
                        .at("Idlib", "SY", "Idlib", 35.93, 36.63, IDLIB)
                        .state("rejected"));
        mentionsPlace(wire, ALEPPO, "Aleppo", "SY", 36.2, 37.16);
        mentionsPlace(ours, ALEPPO, "Aleppo", "SY", 36.2, 37.16);
        mentionsPlace(quiet, MOSUL, "Mosul", "IQ", 36.34, 43.13);
        mentionsActor(wire, "Islamic Front", "rebel group", "opposition");
        mentionsActor(quiet, "Iraqi Army", "state forces", "government of Iraq");
    }

    void mentionsPlace(long document, long gazetteerId, String name, String country, double lat, double lon) {
        jdbc.sql("""
                INSERT INTO intel_document_places (document_id, gazetteer_id, name, country, admin1, latitude, longitude, geo_precision, mentions)
                VALUES (?, ?, ?, ?, NULL, ?, ?, 'city', 1)""").params(document, gazetteerId, name, country, lat, lon).update();
    }

    void mentionsActor(long document, String canonical, String kind, String side) {
        jdbc.sql(
                        "INSERT INTO intel_document_actors (document_id, canonical, kind, side, mentions) VALUES (?, ?, ?, ?, 1)")
                .params(document, canonical, kind, side)
                .update();
    }

    @Test
    void placesMostEventsFirstWithDocumentCounts() {
        DirectoryPage<PlaceDirectory.Place> all = places.list(null, null, 0, 10);
        assertThat(all.items())
                .extracting(PlaceDirectory.Place::gazetteerId)
                .containsExactly(ALEPPO, IDLIB, RAMOUSEH, MOSUL);
        PlaceDirectory.Place aleppo = all.items().get(0);
        assertThat(aleppo.events()).isEqualTo(2);
        assertThat(aleppo.documents()).isEqualTo(2);
        assertThat(aleppo.latitude()).isEqualTo(36.2);
        assertThat(all.items().get(1).events())
                .as("Idlib: the rejected battle is not counted")
                .isEqualTo(1);
        assertThat(all.items().get(3).events()).as("Mosul is only mentioned").isZero();
        assertThat(all.items().get(3).documents()).isEqualTo(1);
        assertThat(all.more()).isFalse();
    }

    @Test
    void placesFilterByNamePrefixAndCountryAndPage() {
        assertThat(places.list("ale", null, 0, 10).items())
                .extracting(PlaceDirectory.Place::name)
                .containsExactly("Aleppo");
        assertThat(places.list("%", null, 0, 10).items())
                .as("LIKE wildcards are literal")
                .isEmpty();
        assertThat(places.list(null, "iq", 0, 10).items())
                .extracting(PlaceDirectory.Place::name)
                .containsExactly("Mosul");
        DirectoryPage<PlaceDirectory.Place> first = places.list(null, null, 0, 2);
        DirectoryPage<PlaceDirectory.Place> second = places.list(null, null, 2, 2);
        assertThat(first.more()).isTrue();
        assertThat(second.items()).extracting(PlaceDirectory.Place::gazetteerId).containsExactly(RAMOUSEH, MOSUL);
        assertThat(second.more()).isFalse();
        assertThatThrownBy(() -> places.list(null, "Syria", 0, 10)).isInstanceOf(InvalidEventFilter.class);
        assertThatThrownBy(() -> places.list(null, null, 0, 1001)).isInstanceOf(InvalidEventFilter.class);
        assertThatThrownBy(() -> places.list(null, null, -1, 10)).isInstanceOf(InvalidEventFilter.class);
    }

    @Test
    void placeProfileHasDatesActorsAndDocuments() {
        PlaceDirectory.Profile aleppo = places.find(ALEPPO).orElseThrow();
        assertThat(aleppo.firstEvent()).isEqualTo(D.minusDays(3));
        assertThat(aleppo.lastEvent()).isEqualTo(D);
        assertThat(aleppo.actors())
                .containsExactly(
                        new PlaceDirectory.Involvement("Islamic Front", 2),
                        new PlaceDirectory.Involvement("Syrian Arab Army", 2));
        assertThat(aleppo.documents())
                .extracting(TrackedEvent.Source::documentId)
                .containsExactly(ours, wire);
        assertThat(aleppo.documents().get(0).kind()).isEqualTo("piece");

        PlaceDirectory.Profile mosul = places.find(MOSUL).orElseThrow();
        assertThat(mosul.firstEvent()).isNull();
        assertThat(mosul.actors()).isEmpty();
        assertThat(mosul.documents()).extracting(TrackedEvent.Source::title).containsExactly("Mosul market reopens");
        assertThat(places.find(424242)).isEmpty();
    }

    @Test
    void actorsWithKindSideAndCounts() {
        DirectoryPage<ActorDirectory.Actor> all = actors.list(null, null, 0, 10);
        assertThat(all.items())
                .extracting(ActorDirectory.Actor::name)
                .containsExactly(
                        "Islamic Front",
                        "Syrian Arab Army",
                        "Protesters (Syria)",
                        "Syrian Arab Air Force",
                        "Iraqi Army");
        ActorDirectory.Actor front = all.items().get(0);
        assertThat(front.events()).as("rejected battle not counted").isEqualTo(2);
        assertThat(front.documents()).isEqualTo(2);
        assertThat(front.kind()).isEqualTo("rebel group");
        assertThat(front.side()).isEqualTo("opposition");
        assertThat(actors.list("syrian arab", null, 0, 10).items())
                .extracting(ActorDirectory.Actor::name)
                .containsExactly("Syrian Arab Army", "Syrian Arab Air Force");
        assertThat(actors.list(null, "State Forces", 0, 10).items())
                .extracting(ActorDirectory.Actor::name)
                .containsExactly("Iraqi Army");
        assertThat(actors.list(null, null, 1, 1).items())
                .extracting(ActorDirectory.Actor::name)
                .containsExactly("Syrian Arab Army");
        assertThat(actors.list(null, null, 1, 1).more()).isTrue();
    }

    @Test
    void actorProfileHasPlacesCounterpartsAndDocuments() {
        ActorDirectory.Profile front = actors.find("islamic front").orElseThrow();
        assertThat(front.actor().name()).isEqualTo("Islamic Front");
        assertThat(front.firstEvent()).isEqualTo(D.minusDays(3));
        assertThat(front.lastEvent()).isEqualTo(D);
        assertThat(front.places()).containsExactly(new ActorDirectory.PlaceCount(ALEPPO, "Aleppo", "SY", 2));
        assertThat(front.counterparts()).containsExactly(new ActorDirectory.Counterpart("Syrian Arab Army", 2));
        assertThat(front.documents())
                .extracting(TrackedEvent.Source::documentId)
                .containsExactly(ours, wire);

        ActorDirectory.Profile army = actors.find("Iraqi Army").orElseThrow();
        assertThat(army.places()).isEmpty();
        assertThat(army.documents()).extracting(TrackedEvent.Source::documentId).containsExactly(quiet);
        assertThat(actors.find("Jabhat al-Nusra"))
                .as("only named by a rejected event")
                .isEmpty();
        assertThat(actors.find("Nobody")).isEmpty();
    }
}
