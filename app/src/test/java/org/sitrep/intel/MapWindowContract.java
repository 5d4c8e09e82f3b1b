package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.testsupport.TestEvents.battle;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Without the map index (before it is built, or switched off), the database answers map views alone.
 * A map view (box + date window) is answered in two steps (events starting in the window first, then
 * older events still running in it): pages must come out exactly as one query would give them.
 */
@SpringBootTest
@TestPropertySource(
        properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0", "sitrep.intel.map-index.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MapWindowContract {
    static final LocalDate FROM = LocalDate.of(2023, 6, 1), TO = LocalDate.of(2023, 6, 30);
    static final BoundingBox BOX = BoundingBox.parse("36.0,35.0,38.0,37.0"),
            NARROW = BoundingBox.parse("37.0,36.0,37.3,36.3");

    @Autowired
    EventSearch search;

    @Autowired
    JdbcClient jdbc;

    final List<Long> expected = new ArrayList<>();

    @BeforeAll
    void seed() {
        TestEvents events = new TestEvents(jdbc);
        long doc = events.document("Siege", "Wire One", TO, "The siege went on.");
        // newest first: five in the window, one that began 20 days before it, one that began a year before it
        // (still running), and ones that must not appear (outside the box, ended before the window, rejected)
        for (int day = 29; day >= 25; day--)
            expected.add(events.event(doc, battle(FROM.plusDays(day)).at("Aleppo", "SY", "Aleppo", 36.2, 37.16, 1)));
        expected.add(events.event(
                doc, battle(FROM.minusDays(20)).until(FROM.plusDays(2)).at("Aleppo", "SY", "Aleppo", 36.2, 37.16, 1)));
        expected.add(
                events.event(doc, battle(FROM.minusYears(1)).until(TO).at("Aleppo", "SY", "Aleppo", 36.2, 37.16, 1)));
        events.event(doc, battle(FROM.plusDays(3)).at("Mosul", "IQ", "Nineveh", 36.34, 43.13, 2));
        events.event(
                doc, battle(FROM.minusYears(1)).until(FROM.minusDays(1)).at("Aleppo", "SY", "Aleppo", 36.2, 37.16, 1));
        events.event(
                doc,
                battle(FROM.minusYears(2))
                        .until(TO)
                        .at("Aleppo", "SY", "Aleppo", 36.2, 37.16, 1)
                        .state("rejected"));
    }

    @Test
    void everyPageSizeGivesTheSameEventsInOrder() {
        for (BoundingBox box :
                List.of(BOX, NARROW)) { // a wide box takes the date index first, a narrow one the box index
            EventFilter filter =
                    new EventFilter(FROM, TO, Set.of(), null, null, null, null, null, null, Set.of(), box, null);
            for (int size = 1; size <= 8; size++) {
                List<Long> seen = new ArrayList<>();
                String cursor = null;
                do {
                    EventPage page = search.search(filter, cursor, size);
                    page.events().forEach(e -> seen.add(e.id()));
                    cursor = page.nextCursor();
                } while (cursor != null && seen.size() < 50);
                assertThat(seen).as(box + ", page size " + size).containsExactlyElementsOf(expected);
            }
            assertThat(search.count(filter)).isEqualTo(expected.size());
        }
    }

    @Test
    void explicitStatesStillFilter() {
        EventFilter rejected = new EventFilter(
                FROM, TO, Set.of(), null, null, null, null, null, null, Set.of(ReviewState.REJECTED), BOX, null);
        assertThat(search.search(rejected, null, 10).events()).hasSize(1);
    }
}
