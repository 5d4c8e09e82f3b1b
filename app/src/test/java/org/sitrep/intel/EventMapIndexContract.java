package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.sitrep.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The map index must answer exactly as the database does: the same events in the same order on every page, the
 * same counts and per-day tallies, for random boxes, windows, types, states and confidences; and it must follow
 * every way events change (review, re-analysis, rows written behind its back, a rebuild racing with changes).
 */
@SpringBootTest
@TestPropertySource(
        properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0", "sitrep.intel.map-index.reconcile=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EventMapIndexContract {
    static final LocalDate START = LocalDate.of(2023, 1, 1);
    static final String[][] TYPES = {
        {"Battles", "Armed clash"},
        {"Protests", "Peaceful protest"},
        {"Explosions/Remote violence", "Air/drone strike"},
        {"Violence against civilians", "Attack"}
    };
    static final String[] STATES = {
        "unreviewed", "unreviewed", "unreviewed", "confirmed", "corrected", "rejected", "merged"
    };

    @Autowired
    EventSearch search;

    @Autowired
    EventMapIndex index;

    @Autowired
    EventReview review;

    @Autowired
    JdbcClient jdbc;

    final Random random = new Random(42);
    final List<Long> ids = new ArrayList<>();
    TestEvents events;

    @BeforeAll
    void seed() throws InterruptedException {
        events = new TestEvents(jdbc);
        long doc = events.document("Week of fighting", "Wire One", START.plusDays(200), "Fighting went on.");
        // 600 events clustered around three towns over a year, some lasting weeks, a few without a place: 400 in the
        // index's built snapshot, 200 added since and held on the side
        double[][] towns = {{36.2, 37.16}, {35.93, 36.63}, {36.34, 43.13}};
        for (int i = 0; i < 400; i++) ids.add(events.event(doc, randomEvent(towns)));
        assertThat(index.awaitReady(Duration.ofSeconds(30))).isTrue();
        index.rebuild();
        for (int i = 0; i < 200; i++) ids.add(events.event(doc, randomEvent(towns)));
    }

    private TestEvents.Spec randomEvent(double[][] towns) {
        String[] type = TYPES[random.nextInt(TYPES.length)];
        LocalDate day = START.plusDays(random.nextInt(365));
        TestEvents.Spec spec = TestEvents.spec(type[0], type[1], day)
                .state(STATES[random.nextInt(STATES.length)])
                .confidence(Math.round(random.nextDouble() * 100) / 100.0);
        if (random.nextInt(10) == 0) spec.until(day.plusDays(random.nextInt(60)));
        if (random.nextInt(20) != 0) {
            double[] town = towns[random.nextInt(towns.length)];
            spec.at(
                    "Town",
                    "SY",
                    "Region",
                    town[0] + random.nextGaussian() * 0.3,
                    town[1] + random.nextGaussian() * 0.3,
                    1);
        }
        return spec;
    }

    private EventFilter randomFilter() {
        BoundingBox box = null;
        if (random.nextInt(5) != 0) {
            double lon = 36 + random.nextDouble() * 8,
                    lat = 35 + random.nextDouble() * 2,
                    half = 0.05 + random.nextDouble() * 2;
            box = new BoundingBox(lon - half, lat - half, lon + half, lat + half);
        }
        LocalDate from = null, to = null;
        if (random.nextInt(4) != 0) {
            from = START.plusDays(random.nextInt(365));
            to = from.plusDays(random.nextInt(120));
        }
        Set<String> types =
                random.nextInt(3) == 0 ? Set.of(TYPES[random.nextInt(TYPES.length)][0], "No such type") : Set.of();
        Set<ReviewState> states = random.nextInt(4) == 0 ? Set.of(ReviewState.values()[random.nextInt(5)]) : Set.of();
        Double confidence = random.nextInt(4) == 0 ? random.nextDouble() : null;
        return new EventFilter(from, to, types, null, null, null, null, null, confidence, states, box, null);
    }

    /** Pages through the filter with the map index answering, checks it against the database alone. */
    private void assertSameAsDatabase(EventFilter filter) {
        assertThat(index.match(filter)).as("the index answers " + filter).isNotNull();
        List<Long> expected = search.pageFromDatabase(filter, null, 10_000).stream()
                .map(TrackedEvent::id)
                .toList();
        int size = 1 + random.nextInt(40);
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            EventPage page = search.search(filter, cursor, size);
            assertThat(page.events().size()).isLessThanOrEqualTo(size);
            page.events().forEach(e -> seen.add(e.id()));
            cursor = page.nextCursor();
        } while (cursor != null && seen.size() <= expected.size());
        assertThat(seen).as(filter + ", page size " + size).containsExactlyElementsOf(expected);
        assertThat(search.count(filter)).as("count of " + filter).isEqualTo(expected.size());

        Map<String, Long> tally = new TreeMap<>();
        search.pageFromDatabase(filter, null, 10_000)
                .forEach(e -> tally.merge(e.dateEarliest() + " " + e.eventType(), 1L, Long::sum));
        Map<String, Long> perDay = new TreeMap<>();
        search.perDay(filter).forEach(d -> perDay.put(d.day() + " " + d.eventType(), d.count()));
        assertThat(perDay).as("per day of " + filter).isEqualTo(tally);
    }

    @Test
    @Order(1)
    void answersRandomMapViewsExactlyAsTheDatabase() {
        for (int i = 0; i < 150; i++) assertSameAsDatabase(randomFilter());
    }

    @Test
    @Order(2)
    void filtersItCannotAnswerStayWithTheDatabase() {
        EventFilter byActor =
                new EventFilter(null, null, Set.of(), "Hamas", null, null, null, null, null, Set.of(), null, null);
        assertThat(index.match(byActor)).isNull();
        assertThat(index.match(EventFilter.any().withDocument(1))).isNull();
    }

    @Test
    @Order(3)
    void followsAnalystsReviewsAtOnce() {
        // reject, confirm, reopen and correct (moving an event from one town to another): every map view agrees at once
        List<Long> shown = search.pageFromDatabase(EventFilter.any(), null, 10_000).stream()
                .map(TrackedEvent::id)
                .toList();
        long rejected = shown.get(0), confirmed = shown.get(1), moved = shown.get(2);
        review.reject(rejected, seen(rejected), "analyst@example.org");
        if (search.find(confirmed).orElseThrow().reviewState() == ReviewState.CONFIRMED)
            review.reopen(confirmed, seen(confirmed), "analyst@example.org");
        else review.confirm(confirmed, seen(confirmed), "analyst@example.org");
        TrackedEvent before = search.find(moved).orElseThrow();
        review.correct(
                moved,
                seen(moved),
                new Correction(
                        "Battles",
                        "Armed clash",
                        "Someone",
                        null,
                        "Elsewhere",
                        "10.5",
                        "20.5",
                        "SY",
                        "city",
                        "2022-06-01",
                        null,
                        null),
                "analyst@example.org");
        BoundingBox elsewhere = new BoundingBox(20, 10, 21, 11);
        EventFilter there = new EventFilter(
                LocalDate.of(2022, 5, 1),
                LocalDate.of(2022, 6, 30),
                Set.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                elsewhere,
                null);
        assertThat(search.search(there, null, 10).events())
                .extracting(TrackedEvent::id)
                .containsExactly(moved);
        assertThat(search.search(EventFilter.any(), null, 1000).events())
                .extracting(TrackedEvent::id)
                .doesNotContain(rejected);
        assertThat(before.longitude()).isNotEqualTo(20.5);
        for (int i = 0; i < 50; i++) assertSameAsDatabase(randomFilter());
    }

    @Test
    @Order(4)
    void picksUpRowsWrittenBehindItsBack() {
        // inserted by another instance or a script: found by the next query (ids above the highest it knows)
        long doc = events.document("Late wire", "Wire Two", START.plusDays(300), "Late.");
        long late =
                events.event(doc, TestEvents.battle(START.plusDays(299)).at("Town", "SY", "Region", 36.2, 37.16, 1));
        EventFilter day = new EventFilter(
                START.plusDays(299),
                START.plusDays(299),
                Set.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                Set.of(),
                new BoundingBox(37, 36, 37.3, 36.3),
                null);
        assertThat(search.search(day, null, 100).events())
                .extracting(TrackedEvent::id)
                .contains(late);
        // deleted behind its back: never shown (each page is re-checked in the database); counted until the next
        // rebuild
        jdbc.sql("DELETE FROM intel_events WHERE id = :id").param("id", late).update();
        assertThat(search.search(day, null, 100).events())
                .extracting(TrackedEvent::id)
                .doesNotContain(late);
        index.rebuild();
        for (int i = 0; i < 30; i++) assertSameAsDatabase(randomFilter());
    }

    @Test
    @Order(5)
    void aRebuildKeepsChangesMadeWhileItRan() throws InterruptedException {
        Thread reviewer = new Thread(() -> {
            for (int i = 10; i < 40; i++) {
                TrackedEvent e = search.find(ids.get(i)).orElseThrow();
                if (e.reviewState() == ReviewState.REJECTED || e.reviewState() == ReviewState.MERGED) continue;
                review.reject(e.id(), seen(e.id()), "analyst@example.org");
            }
        });
        reviewer.start();
        for (int i = 0; i < 3; i++) index.rebuild();
        reviewer.join();
        for (int i = 0; i < 50; i++) assertSameAsDatabase(randomFilter());
    }

    /** The version of the event an analyst's page would show now. */
    long seen(long eventId) {
        return search.find(eventId).orElseThrow().version();
    }
}
