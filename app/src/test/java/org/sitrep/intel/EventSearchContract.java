package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitrep.testsupport.TestEvents.battle;
import static org.sitrep.testsupport.TestEvents.spec;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The read side of stored events: every filter, keyset paging, the per-day counts and bad filters. */
@SpringBootTest
@TestPropertySource(properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EventSearchContract {
    static final LocalDate D = LocalDate.of(2014, 4, 10);
    static final String TEXT =
            "Rebels launched an offensive on west Aleppo. Regime aircraft bombed Ramouseh on Monday. "
                    + "Protesters gathered in Idlib city.";

    @Autowired
    EventSearch search;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    long wire, ours, offensive, airstrike, protest, rejected;

    @BeforeAll
    void seed() {
        TestEvents.emptyTheStore(jdbc, publisher); // the context is shared: these tests count every event in it
        TestEvents events = new TestEvents(jdbc);
        wire = events.document("Rebels push into west Aleppo", "Wire One", D, TEXT);
        ours = events.document(
                "piece", 7, "Aleppo analysis", "https://sitrep.example/analysis/a", "Sitrep", D.plusDays(1), TEXT);
        offensive = events.event(
                wire,
                battle(D.minusDays(3))
                        .until(D.minusDays(1))
                        .actors("Islamic Front", "Syrian Arab Army")
                        .at("Aleppo", "SY", "Aleppo", 36.2, 37.16, 170063)
                        .evidence("Rebels launched an offensive on west Aleppo.", "offensive")
                        .confidence(0.9));
        airstrike = events.event(
                wire,
                spec("Explosions/Remote violence", "Air/drone strike", D.minusDays(4))
                        .actors("Syrian Arab Air Force", null)
                        .at("Ramouseh", "SY", "Aleppo", 36.17, 37.13, 1)
                        .evidence("Regime aircraft bombed Ramouseh on Monday.", "bombed")
                        .confidence(0.6));
        protest = events.event(
                ours,
                spec("Protests", "Peaceful protest", D.plusDays(1))
                        .actors("Protesters (Syria)", null)
                        .at("Idlib", "SY", "Idlib", 35.93, 36.63, 169388)
                        .evidence("Protesters gathered in Idlib city.", "gathered"));
        rejected = events.event(ours, battle(D).actors("Islamic Front", null).state("rejected"));
    }

    @Test
    void newestFirstAndRejectedEventsHiddenByDefault() {
        assertThat(ids(search.search(EventFilter.any(), null, 10))).containsExactly(protest, offensive, airstrike);
        assertThat(search.count(EventFilter.any())).isEqualTo(3);
        assertThat(ids(search.search(EventFilter.any().withStates(Set.of(ReviewState.REJECTED)), null, 10)))
                .containsExactly(rejected);
    }

    @Test
    void dateRangesOverlapTheFilter() {
        // the offensive ran from D-3 to D-1: a filter on D-2 alone still finds it
        assertThat(ids(search.search(EventFilter.any().withDates(D.minusDays(2), D.minusDays(2)), null, 10)))
                .containsExactly(offensive);
        assertThat(ids(search.search(EventFilter.any().withDates(D, null), null, 10)))
                .containsExactly(protest);
    }

    @Test
    void filtersByTypeActorPlaceSourceConfidenceAndBox() {
        assertThat(ids(search.search(filter(Set.of("Protests"), null, null, null, null, null), null, 10)))
                .containsExactly(protest);
        assertThat(ids(search.search(filter(Set.of(), "syrian arab army", null, null, null, null), null, 10)))
                .containsExactly(offensive);
        assertThat(ids(search.search(filter(Set.of(), null, "ramouseh", null, null, null), null, 10)))
                .containsExactly(airstrike);
        assertThat(ids(search.search(filter(Set.of(), null, null, "Sitrep", null, null), null, 10)))
                .containsExactly(protest);
        assertThat(ids(search.search(filter(Set.of(), null, null, null, 0.85, null), null, 10)))
                .containsExactly(offensive);
        BoundingBox aleppo = BoundingBox.parse("37.0,36.0,37.3,36.3");
        assertThat(ids(search.search(filter(Set.of(), null, null, null, null, aleppo), null, 10)))
                .containsExactly(offensive, airstrike);
        assertThat(ids(search.search(EventFilter.any().withDocument(ours), null, 10)))
                .containsExactly(protest);
    }

    @Test
    void keysetPagesCoverEveryEventOnce() {
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            EventPage page = search.search(EventFilter.any(), cursor, 1);
            seen.addAll(ids(page));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).containsExactly(protest, offensive, airstrike);
    }

    @Test
    void eventCarriesItsEvidenceAndSource() {
        TrackedEvent e = search.find(airstrike).orElseThrow();
        String text = search.documentText(e.source().documentId()).orElseThrow();
        assertThat(text.substring(e.evidenceStart(), e.evidenceEnd()))
                .isEqualTo("Regime aircraft bombed Ramouseh on Monday.");
        assertThat(e.source().name()).isEqualTo("Wire One");
        assertThat(e.located()).isTrue();
        assertThat(e.reviewState()).isEqualTo(ReviewState.UNREVIEWED);
    }

    @Test
    void countsPerDayAndType() {
        assertThat(search.perDay(EventFilter.any()))
                .containsExactly(
                        new EventSearch.DayCount(D.minusDays(4), "Explosions/Remote violence", 1),
                        new EventSearch.DayCount(D.minusDays(3), "Battles", 1),
                        new EventSearch.DayCount(D.plusDays(1), "Protests", 1));
    }

    @Test
    void badFiltersAndCursorsAreRefusedWithAMessage() {
        assertThatThrownBy(() -> search.search(EventFilter.any(), "not-a-cursor", 10))
                .isInstanceOf(InvalidEventFilter.class)
                .hasMessageContaining("cursor");
        assertThatThrownBy(() -> BoundingBox.parse("40,30,20")).isInstanceOf(InvalidEventFilter.class);
        assertThatThrownBy(() -> BoundingBox.parse("40,30,20,10")).isInstanceOf(InvalidEventFilter.class);
        assertThatThrownBy(() -> EventFilter.any().withDates(D, D.minusDays(1))).isInstanceOf(InvalidEventFilter.class);
        assertThatThrownBy(() -> search.search(EventFilter.any(), null, 0)).isInstanceOf(InvalidEventFilter.class);
    }

    private static EventFilter filter(
            Set<String> types, String actor, String place, String source, Double minConfidence, BoundingBox bbox) {
        return new EventFilter(
                null, null, types, actor, place, null, null, source, minConfidence, Set.of(), bbox, null);
    }

    private static List<Long> ids(EventPage page) {
        return page.events().stream().map(TrackedEvent::id).toList();
    }
}
