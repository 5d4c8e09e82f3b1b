package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.newsroom.PieceDraft;
import org.sitrep.newsroom.PieceEditor;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The analysis queue and the stored analyses on a real database with the real engine: publishing a
 * piece analyses it, offsets point at the evidence, failures back off and end failed, crashed jobs
 * come back, two workers never share a job, and re-analysis keeps every analyst's decision.
 * Workers are off ({@code sitrep.intel.workers=0}): the tests turn the queue by hand.
 */
@SpringBootTest(properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0", "sitrep.intel.max-attempts=3",
        "sitrep.scheduler.initial-delay=1h"})
@Import({TestClockConfig.class, IntelQueueContract.Sources.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IntelQueueContract {

    /** Test sources of documents: "wire" items whose text a test can change, and "broken" ones that always throw. */
    @TestConfiguration
    static class Sources {
        static final Map<Long, String> WIRE = new ConcurrentHashMap<>();

        @Bean
        SourceDocuments wireItems() {
            return new SourceDocuments() {
                @Override public String kind() { return "wire"; }

                @Override public Optional<SourceDocument> load(long id) {
                    return Optional.ofNullable(WIRE.get(id)).map(text -> new SourceDocument("wire", id, null, text, "text",
                            LocalDate.of(2014, 4, 30), "https://wire.example/" + id, "Test Wire"));
                }
            };
        }

        @Bean
        SourceDocuments brokenItems() {
            return new SourceDocuments() {
                @Override public String kind() { return "broken"; }

                @Override public Optional<SourceDocument> load(long id) {
                    throw new IllegalStateException("feed server answered 503");
                }
            };
        }
    }

    @Autowired AnalysisQueue queue;
    @Autowired DocumentAnalysis analysis;
    @Autowired AnalysisWorkers workers;
    @Autowired AnalysisEngine engine;
    @Autowired PieceEditor editor;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    @Test
    void publishingTheWestAleppoSampleStoresEventsWhoseOffsetsPointAtTheirSentence() throws IOException {
        long piece = editor.create(sample("01-analysis-west-aleppo-offensive.md"), "desk@example.org");
        assertThat(queue.find("piece", piece)).get().extracting(AnalysisQueue.Entry::state).isEqualTo("queued");
        assertThat(analysis.drain("test")).isGreaterThanOrEqualTo(1);
        assertThat(queue.find("piece", piece)).get().satisfies(j -> {
            assertThat(j.state()).isEqualTo("done");
            assertThat(j.engineVersion()).isEqualTo(engine.version());
        });

        long doc = documentOf("piece", piece);
        String text = jdbc.sql("SELECT text FROM intel_documents WHERE id = :id").param("id", doc).query(String.class).single();
        assertThat(text).startsWith("Rebels push into west Aleppo as the Zahraa front opens");
        assertThat(jdbc.sql("SELECT published_on FROM intel_documents WHERE id = :id").param("id", doc)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2014, 4, 30));
        List<Map<String, Object>> events = jdbc.sql("SELECT * FROM intel_events WHERE document_id = :id").param("id", doc)
                .query().listOfRows();
        assertThat(events).hasSizeGreaterThanOrEqualTo(3);
        for (Map<String, Object> e : events) {
            int start = ((Number) value(e, "evidence_start")).intValue();
            int end = ((Number) value(e, "evidence_end")).intValue();
            assertThat(text.substring(start, end)).isEqualTo(value(e, "evidence_sentence"));
            assertThat(value(e, "evidence_sentence").toString().toLowerCase(Locale.ROOT))
                    .contains(value(e, "trigger_word").toString().toLowerCase(Locale.ROOT).split(" ")[0]);
            assertThat(value(e, "engine_version")).isEqualTo(engine.version());
            assertThat(value(e, "review_state")).isEqualTo("unreviewed");
            assertThat(value(e, "machine_key")).isNotNull();
        }
        // The tunnel bomb under the intelligence building: an explosion, in Aleppo, on the Sunday before publication.
        assertThat(events).anySatisfy(e -> {
            assertThat(value(e, "evidence_sentence").toString()).contains("tunnel bomb exploded");
            assertThat(value(e, "event_type")).isEqualTo("Explosions/Remote violence");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_document_places WHERE document_id = :id AND name = 'Aleppo'")
                .param("id", doc).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_document_actors WHERE document_id = :id").param("id", doc)
                .query(Long.class).single()).isGreaterThan(0);
    }

    @Test
    void aFailingSourceBacksOffThenShowsAsFailedAndCanBeRetried() {
        queue.enqueue("broken", 7);
        assertThat(analysis.runOnce("test")).isTrue();
        AnalysisQueue.Entry first = queue.find("broken", 7).orElseThrow();
        assertThat(first.state()).isEqualTo("queued");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("feed server answered 503");
        assertThat(Duration.between(clock.instant(), first.nextAttemptAt())).isEqualTo(Duration.ofSeconds(30));
        assertThat(analysis.runOnce("test")).as("not due until the back-off has passed").isFalse();

        clock.advance(Duration.ofSeconds(31));
        assertThat(analysis.runOnce("test")).isTrue();
        AnalysisQueue.Entry second = queue.find("broken", 7).orElseThrow();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(Duration.between(clock.instant(), second.nextAttemptAt())).as("doubled").isEqualTo(Duration.ofSeconds(60));

        clock.advance(Duration.ofSeconds(61));
        assertThat(analysis.runOnce("test")).isTrue();
        AnalysisQueue.Entry last = queue.find("broken", 7).orElseThrow();
        assertThat(last.state()).isEqualTo("failed");
        assertThat(last.attempts()).isEqualTo(3);
        assertThat(queue.troubled(10)).anySatisfy(j -> assertThat(j.id()).isEqualTo(last.id()));
        assertThat(queue.counts().get("failed")).isGreaterThanOrEqualTo(1);

        clock.advance(Duration.ofHours(1));
        assertThat(analysis.runOnce("test")).as("a failed job is not retried by itself").isFalse();
        assertThat(queue.retry(last.id())).isTrue();
        assertThat(queue.find("broken", 7).orElseThrow()).satisfies(j -> {
            assertThat(j.state()).isEqualTo("queued");
            assertThat(j.attempts()).isZero();
        });
        analysis.drain("test"); // fails again: back into back-off, out of the other tests' way
    }

    @Test
    void aJobLeftRunningByACrashedWorkerIsQueuedAgain() {
        Sources.WIRE.put(31L, "Rebels shelled the town of Hreitan on Monday, activists said.");
        queue.enqueue("wire", 31);
        AnalysisQueue.Job job = queue.claim("worker-that-dies").orElseThrow();
        assertThat(job.sourceId()).isEqualTo(31);
        assertThat(queue.rescueStuck()).as("still within its time").isZero();

        clock.advance(Duration.ofMinutes(11));
        assertThat(queue.rescueStuck()).isEqualTo(1);
        AnalysisQueue.Entry rescued = queue.find("wire", 31).orElseThrow();
        assertThat(rescued.state()).isEqualTo("queued");
        assertThat(rescued.lastError()).contains("interrupted");

        queue.done(job, "late"); // the dead worker's report, if it ever came, is ignored: its claim is gone
        assertThat(queue.find("wire", 31).orElseThrow().state()).isEqualTo("queued");
        analysis.drain("test");
        assertThat(queue.find("wire", 31).orElseThrow().state()).isEqualTo("done");
        assertThat(documentOf("wire", 31)).isPositive();
    }

    @Test
    void twoClaimersNeverTakeTheSameJob() throws Exception {
        Set<Long> enqueued = new HashSet<>();
        for (long i = 1000; i < 1060; i++) {
            queue.enqueue("race", i);
            enqueued.add(queue.find("race", i).orElseThrow().id());
        }
        List<AnalysisQueue.Job> taken = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (String name : List.of("A", "B", "C")) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    Optional<AnalysisQueue.Job> job;
                    while ((job = queue.claim(name)).isPresent()) taken.add(job.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : threads) t.join(60_000);
        List<Long> raceIds = taken.stream().map(AnalysisQueue.Job::id).filter(enqueued::contains).toList();
        assertThat(raceIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(enqueued);
        assertThat(taken.stream().map(AnalysisQueue.Job::token).distinct().count()).isEqualTo(taken.size());
        for (AnalysisQueue.Job j : taken) queue.done(j, "n/a");
    }

    @Test
    void askingAgainWhileRunningRunsOnceMore() {
        Sources.WIRE.put(41L, "Government forces shelled Anadan on Tuesday.");
        queue.enqueue("wire", 41);
        queue.enqueue("wire", 41);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_jobs WHERE source_kind = 'wire' AND source_id = 41")
                .query(Long.class).single()).as("one job per document").isEqualTo(1);
        AnalysisQueue.Job job = queue.claim("w").orElseThrow();
        queue.enqueue("wire", 41); // the item changed while it was being analysed
        queue.done(job, engine.version());
        assertThat(queue.find("wire", 41).orElseThrow().state()).isEqualTo("queued");
        analysis.drain("test");
        assertThat(queue.find("wire", 41).orElseThrow().state()).isEqualTo("done");
    }

    @Test
    void unpublishingRemovesMachineEventsButKeepsReviewedOnes() throws IOException {
        PieceDraft draft = sample("05-news-idlib-shelling.md");
        long piece = editor.create(draft, "desk@example.org");
        analysis.drain("test");
        long doc = documentOf("piece", piece);
        List<Long> events = jdbc.sql("SELECT id FROM intel_events WHERE document_id = :d ORDER BY id").param("d", doc)
                .query(Long.class).list();
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        jdbc.sql("UPDATE intel_events SET review_state = 'confirmed' WHERE id = :id").param("id", events.get(0)).update();

        editor.unpublish(piece, "desk@example.org");
        analysis.drain("test");
        assertThat(jdbc.sql("SELECT id FROM intel_events WHERE document_id = :d").param("d", doc).query(Long.class).list())
                .containsExactly(events.get(0));
        assertThat(jdbc.sql("SELECT withdrawn_at IS NOT NULL FROM intel_documents WHERE id = :d").param("d", doc)
                .query(Boolean.class).single()).isTrue();
    }

    // --- helpers ---------------------------------------------------------------------------

    long documentOf(String kind, long sourceId) {
        return jdbc.sql("SELECT id FROM intel_documents WHERE source_kind = :k AND source_id = :s")
                .param("k", kind).param("s", sourceId).query(Long.class).single();
    }

    static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(Locale.ROOT));
    }

    /** A sample piece from the newsroom's bundled samples, as a draft to publish (slug made unique per call). */
    static PieceDraft sample(String file) throws IOException {
        String raw;
        try (InputStream in = IntelQueueContract.class.getResourceAsStream("/samples/pieces/" + file)) {
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
        int end = raw.indexOf("\n---\n", 4);
        Map<String, String> front = new LinkedHashMap<>();
        for (String line : raw.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            front.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        PieceDraft d = new PieceDraft();
        d.setHeadline(front.get("headline"));
        d.setStandfirst(front.get("standfirst"));
        d.setKind(front.get("kind"));
        d.setSection(front.get("section"));
        d.setAccessLevel("PUBLIC");
        d.setBody(raw.substring(end + 5).strip());
        String publish = front.get("publish");
        d.setPublishAt(publish.startsWith("20") ? publish : "2026-03-01T10:00");
        d.setStatus("PUBLISHED");
        return d;
    }
}
