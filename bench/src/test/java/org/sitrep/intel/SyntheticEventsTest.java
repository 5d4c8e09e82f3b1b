package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.SubEventType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The benchmark's event generator writes through intel's one column list ({@link EventRows}) and a seed makes the
 * same data. It lives here, beside the benchmarks, and runs inside the application's own context.
 */
@SpringBootTest(properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0"})
class SyntheticEventsTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        // as SyntheticCorpusTest: a fresh in-memory H2 and data directory
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        String data = Files.createTempDirectory("sitrep-bench-test-").toString();
        registry.add("sitrep.data-dir", () -> data);
    }

    @Autowired
    SyntheticEvents generator;

    @Autowired
    EventSearch search;

    @Autowired
    JdbcClient jdbc;

    private List<TrackedEvent> of(long documentId) {
        return search.search(
                        EventFilter.any().withDocument(documentId).withStates(EnumSet.allOf(ReviewState.class)),
                        null,
                        100)
                .events();
    }

    @Test
    void theBenchmarkGeneratorWritesThroughTheSameColumnsAndASeedMakesTheSameData() {
        generator.generate(45, 7L, "bench-engine");
        generator.generate(45, 7L, "bench-engine");
        List<Long> docs = jdbc.sql("SELECT id FROM intel_documents WHERE source_kind = 'synthetic' ORDER BY source_id")
                .query(Long.class)
                .list();
        assertThat(docs).hasSize(6); // 20 events a document
        List<TrackedEvent> first =
                docs.subList(0, 3).stream().flatMap(d -> of(d).stream()).toList();
        List<TrackedEvent> second =
                docs.subList(3, 6).stream().flatMap(d -> of(d).stream()).toList();
        assertThat(first).hasSize(45);
        for (TrackedEvent e : first) {
            assertThat(SubEventType.of(e.eventType(), e.subEventType()))
                    .as(e.eventType() + " / " + e.subEventType())
                    .isPresent();
            assertThat(e.located()).isTrue();
            assertThat(e.country()).hasSize(2);
            assertThat(e.dateLatest()).isAfterOrEqualTo(e.dateEarliest());
            assertThat(e.evidenceSentence()).startsWith("Synthetic ").endsWith(e.placeName() + ".");
            assertThat(e.engineVersion()).isEqualTo("synthetic");
            assertThat(e.reviewState()).isIn(ReviewState.UNREVIEWED, ReviewState.CONFIRMED);
            assertThat(e.confidence()).isBetween(0.3, 1.0);
            assertThat(e.source().kind()).isEqualTo("synthetic");
            if (e.fatalities() != null) assertThat(e.fatalities().best()).isBetween(0, 8);
        }
        // deaths for about a third (so the trends' deaths series sums real figures), none said for the rest
        long withDeaths = first.stream().filter(e -> e.fatalities() != null).count();
        assertThat(withDeaths).isBetween(5L, 30L);
        assertThat(first.stream()
                        .filter(e -> e.fatalities() != null && e.fatalities().best() > 0))
                .isNotEmpty();
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT machine_key) FROM intel_events WHERE machine_key LIKE 'synthetic@%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(45); // numbered per run, as before
        assertThat(second.stream().map(SyntheticEventsTest::content).sorted().toList())
                .isEqualTo(first.stream()
                        .map(SyntheticEventsTest::content)
                        .sorted()
                        .toList());
    }

    private static String content(TrackedEvent e) {
        return String.join(
                "|",
                e.eventType(),
                e.subEventType(),
                e.actor1(),
                String.valueOf(e.actor2()),
                e.placeName(),
                e.latitude() + "," + e.longitude(),
                e.dateEarliest() + ".." + e.dateLatest(),
                Double.toString(e.confidence()),
                e.reviewState().name(),
                e.fatalities() == null ? "-" : Integer.toString(e.fatalities().best()));
    }
}
