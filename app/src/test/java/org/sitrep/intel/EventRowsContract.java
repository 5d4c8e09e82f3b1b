package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.DateRange;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.EventPlace;
import org.sitrep.analysis.Evidence;
import org.sitrep.analysis.Precision;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The one writer of the events' columns ({@link EventRows}): what the engine's store inserts and updates, and what
 * the benchmark generator writes (bench's SyntheticEventsTest), read back through the search's one row mapper.
 */
@SpringBootTest
@TestPropertySource(properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EventRowsContract {
    static final LocalDate D = LocalDate.of(2024, 5, 20);
    static final String SENTENCE = "Fighters clashed with the army in Aleppo on Monday.";
    static final String TEXT = "Title line. " + SENTENCE + " More text.";

    @Autowired
    AnalysisStore store;

    @Autowired
    EventSearch search;

    private static Event event(String actor2, DateRange date, double confidence) {
        int start = TEXT.indexOf(SENTENCE);
        return new Event(
                "Battles",
                "Armed clash",
                "A".repeat(350),
                actor2,
                new EventPlace("Aleppo", 36.2, 37.16, Precision.CITY, "sy", "  ", 170063),
                date,
                "clashed",
                new Evidence(SENTENCE, start, start + SENTENCE.length()),
                confidence);
    }

    private static Analysis analysis(Event e) {
        return new Analysis(Analysis.SCHEMA, "test-engine-1", D, "Title line", TEXT, List.of(), List.of(), List.of(e));
    }

    private List<TrackedEvent> of(long documentId) {
        return search.search(
                        EventFilter.any().withDocument(documentId).withStates(EnumSet.allOf(ReviewState.class)),
                        null,
                        100)
                .events();
    }

    @Test
    void theEngineWritesEveryColumnAndTheSearchReadsItBack() {
        SourceDocument source = new SourceDocument(
                "item", 4242, "Clashes in Aleppo", TEXT, "text", D, "https://wire.example/4242", "Wire Z");
        long doc = store.save(
                source,
                analysis(event("Syrian Arab Army", new DateRange(D.minusDays(2), D.minusDays(1), "on Monday"), 0.7)));

        List<TrackedEvent> saved = of(doc);
        assertThat(saved).hasSize(1);
        TrackedEvent e = saved.get(0);
        assertThat(e.origin()).isEqualTo("machine");
        assertThat(e.eventType()).isEqualTo("Battles");
        assertThat(e.subEventType()).isEqualTo("Armed clash");
        assertThat(e.actor1()).as("cut to the column").isEqualTo("A".repeat(300));
        assertThat(e.actor2()).isEqualTo("Syrian Arab Army");
        assertThat(e.placeName()).isEqualTo("Aleppo");
        assertThat(e.country()).as("upper case").isEqualTo("SY");
        assertThat(e.admin1()).as("blank is none").isNull();
        assertThat(e.latitude()).isEqualTo(36.2);
        assertThat(e.longitude()).isEqualTo(37.16);
        assertThat(e.geoPrecision()).isEqualTo("city");
        assertThat(e.gazetteerId()).isEqualTo(170063L);
        assertThat(e.dateEarliest()).isEqualTo(D.minusDays(2));
        assertThat(e.dateLatest()).isEqualTo(D.minusDays(1));
        assertThat(e.dateText()).isEqualTo("on Monday");
        assertThat(e.trigger()).isEqualTo("clashed");
        assertThat(e.evidenceSentence()).isEqualTo(SENTENCE);
        assertThat(TEXT.substring(e.evidenceStart(), e.evidenceEnd())).isEqualTo(SENTENCE);
        assertThat(e.confidence()).isEqualTo(0.7);
        assertThat(e.reviewState()).isEqualTo(ReviewState.UNREVIEWED);
        assertThat(e.mergedInto()).isNull();
        assertThat(e.engineVersion()).isEqualTo("test-engine-1");
        assertThat(e.version()).isZero();
        assertThat(e.source().documentId()).isEqualTo(doc);
        assertThat(e.source().kind()).isEqualTo("item");
        assertThat(e.source().sourceId()).isEqualTo(4242);
        assertThat(e.source().name()).isEqualTo("Wire Z");
        assertThat(e.source().publishedOn()).isEqualTo(D);

        // found again (same type, trigger and sentence): updated in place through the same column list
        store.save(source, analysis(event("Government forces", null, Double.NaN)));
        TrackedEvent again = of(doc).get(0);
        assertThat(again.id()).isEqualTo(e.id());
        assertThat(again.version()).isEqualTo(1);
        assertThat(again.actor2()).isEqualTo("Government forces");
        assertThat(again.dateEarliest())
                .as("no date in the text: the day it was reported")
                .isEqualTo(D);
        assertThat(again.dateLatest()).isEqualTo(D);
        assertThat(again.dateText()).isNull();
        assertThat(again.confidence()).as("not a number: stored as 0").isZero();
        assertThat(again.updatedAt()).isAfterOrEqualTo(e.updatedAt());
    }
}
