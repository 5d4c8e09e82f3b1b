package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.newsroom.PieceDraft;
import org.sitrep.newsroom.PieceEditor;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The analysis queue and the stored analyses on a real database with the real engine: publishing a
 * piece analyses it, offsets point at the evidence, failures back off and end failed, crashed jobs
 * come back, two workers never share a job, and re-analysis keeps every analyst's decision.
 * Workers are off ({@code sitrep.intel.workers=0}): the tests turn the queue by hand.
 */
@SpringBootTest(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.intel.workers=0",
            "sitrep.intel.max-attempts=3",
            "sitrep.scheduler.initial-delay=1h"
        })
@AutoConfigureMockMvc
@Import({TestClockConfig.class, IntelContract.Sources.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IntelContract {

    /** Test sources of documents: "wire" items whose text a test can change, and "broken" ones that always throw. */
    @TestConfiguration
    static class Sources {
        static final Map<Long, String> WIRE = new ConcurrentHashMap<>();

        @Bean
        SourceDocuments wireItems() {
            return new SourceDocuments() {
                @Override
                public String kind() {
                    return "wire";
                }

                @Override
                public Optional<SourceDocument> load(long id) {
                    return Optional.ofNullable(WIRE.get(id))
                            .map(text -> new SourceDocument(
                                    "wire",
                                    id,
                                    null,
                                    text,
                                    "text",
                                    LocalDate.of(2014, 4, 30),
                                    "https://wire.example/" + id,
                                    "Test Wire"));
                }
            };
        }

        @Bean
        SourceDocuments brokenItems() {
            return new SourceDocuments() {
                @Override
                public String kind() {
                    return "broken";
                }

                @Override
                public Optional<SourceDocument> load(long id) {
                    throw new IllegalStateException("feed server answered 503");
                }
            };
        }
    }

    @Autowired
    AnalysisQueue queue;

    @Autowired
    DocumentAnalysis analysis;

    @Autowired
    AnalysisWorkers workers;

    @Autowired
    AnalysisEngine engine;

    @Autowired
    PieceEditor editor;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    EventReview review;

    @Autowired
    EventSearch search;

    @Autowired
    MockMvc mvc;

    static final String ANALYST = "analyst@example.org";

    @Test
    void publishingTheWestAleppoSampleStoresEventsWhoseOffsetsPointAtTheirSentence() throws IOException {
        long piece = editor.create(sample("01-analysis-west-aleppo-offensive.md"), "desk@example.org");
        assertThat(queue.find("piece", piece))
                .get()
                .extracting(AnalysisQueue.Entry::state)
                .isEqualTo("queued");
        assertThat(analysis.drain("test")).isGreaterThanOrEqualTo(1);
        assertThat(queue.find("piece", piece)).get().satisfies(j -> {
            assertThat(j.state()).isEqualTo("done");
            assertThat(j.engineVersion()).isEqualTo(engine.version());
        });

        long doc = documentOf("piece", piece);
        String text = jdbc.sql("SELECT text FROM intel_documents WHERE id = :id")
                .param("id", doc)
                .query(String.class)
                .single();
        assertThat(text).startsWith("Rebels push into west Aleppo as the Zahraa front opens");
        assertThat(jdbc.sql("SELECT published_on FROM intel_documents WHERE id = :id")
                        .param("id", doc)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(2014, 4, 30));
        List<Map<String, Object>> events = jdbc.sql("SELECT * FROM intel_events WHERE document_id = :id")
                .param("id", doc)
                .query()
                .listOfRows();
        assertThat(events).hasSizeGreaterThanOrEqualTo(3);
        for (Map<String, Object> e : events) {
            int start = ((Number) value(e, "evidence_start")).intValue();
            int end = ((Number) value(e, "evidence_end")).intValue();
            assertThat(text.substring(start, end)).isEqualTo(value(e, "evidence_sentence"));
            assertThat(value(e, "evidence_sentence").toString().toLowerCase(Locale.ROOT))
                    .contains(value(e, "trigger_word")
                            .toString()
                            .toLowerCase(Locale.ROOT)
                            .split(" ")[0]);
            assertThat(value(e, "engine_version")).isEqualTo(engine.version());
            if ("merged".equals(value(e, "review_state"))) {
                // another test published the same sample into this database first: its twin is linked to the event of
                // that earlier copy that the same sentence reports (StoryLinks), never to another one
                Object twin = jdbc.sql(
                                "SELECT evidence_sentence FROM intel_events WHERE id = :id AND document_id <> :doc")
                        .param("id", ((Number) value(e, "merged_into")).longValue())
                        .param("doc", doc)
                        .query(String.class)
                        .single();
                assertThat(twin).isEqualTo(value(e, "evidence_sentence"));
            } else {
                assertThat(value(e, "review_state")).isEqualTo("unreviewed");
            }
            assertThat(value(e, "machine_key")).isNotNull();
        }
        // The tunnel bomb under the intelligence building: an explosion, in Aleppo, on the Sunday before publication.
        assertThat(events).anySatisfy(e -> {
            assertThat(value(e, "evidence_sentence").toString()).contains("tunnel bomb exploded");
            assertThat(value(e, "event_type")).isEqualTo("Explosions/Remote violence");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_document_places WHERE document_id = :id AND name = 'Aleppo'")
                        .param("id", doc)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_document_actors WHERE document_id = :id")
                        .param("id", doc)
                        .query(Long.class)
                        .single())
                .isGreaterThan(0);
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
        assertThat(analysis.runOnce("test"))
                .as("not due until the back-off has passed")
                .isFalse();

        clock.advance(Duration.ofSeconds(31));
        assertThat(analysis.runOnce("test")).isTrue();
        AnalysisQueue.Entry second = queue.find("broken", 7).orElseThrow();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(Duration.between(clock.instant(), second.nextAttemptAt()))
                .as("doubled")
                .isEqualTo(Duration.ofSeconds(60));

        clock.advance(Duration.ofSeconds(61));
        assertThat(analysis.runOnce("test")).isTrue();
        AnalysisQueue.Entry last = queue.find("broken", 7).orElseThrow();
        assertThat(last.state()).isEqualTo("failed");
        assertThat(last.attempts()).isEqualTo(3);
        assertThat(queue.troubled(10)).anySatisfy(j -> assertThat(j.id()).isEqualTo(last.id()));
        assertThat(queue.counts().get("failed")).isGreaterThanOrEqualTo(1);

        clock.advance(Duration.ofHours(1));
        assertThat(analysis.runOnce("test"))
                .as("a failed job is not retried by itself")
                .isFalse();
        assertThat(queue.retry(last.id())).isTrue();
        assertThat(queue.find("broken", 7).orElseThrow()).satisfies(j -> {
            assertThat(j.state()).isEqualTo("queued");
            assertThat(j.attempts()).isZero();
        });
        analysis.drain("test"); // fails again: back into back-off, out of the other tests' way
    }

    @Test
    void anUnreadableDocumentFailsAtOnceWithAClearReason() {
        Sources.WIRE.put(81L, "PK\u0003\u0004\u0000\u0000binary zip bytes");
        queue.enqueue("wire", 81);
        analysis.drain("test");
        assertThat(queue.find("wire", 81).orElseThrow()).satisfies(j -> {
            assertThat(j.state()).isEqualTo("failed");
            assertThat(j.attempts()).isEqualTo(1);
            assertThat(j.lastError()).startsWith("unreadable document:").contains("binary");
        });
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
        List<Long> raceIds = taken.stream()
                .map(AnalysisQueue.Job::id)
                .filter(enqueued::contains)
                .toList();
        assertThat(raceIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(enqueued);
        assertThat(taken.stream().map(AnalysisQueue.Job::token).distinct().count())
                .isEqualTo(taken.size());
        for (AnalysisQueue.Job j : taken) queue.done(j, "n/a");
    }

    @Test
    void askingAgainWhileRunningRunsOnceMore() {
        Sources.WIRE.put(41L, "Government forces shelled Anadan on Tuesday.");
        queue.enqueue("wire", 41);
        queue.enqueue("wire", 41);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_jobs WHERE source_kind = 'wire' AND source_id = 41")
                        .query(Long.class)
                        .single())
                .as("one job per document")
                .isEqualTo(1);
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
        List<Long> events = jdbc.sql("SELECT id FROM intel_events WHERE document_id = :d ORDER BY id")
                .param("d", doc)
                .query(Long.class)
                .list();
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        jdbc.sql("UPDATE intel_events SET review_state = 'confirmed' WHERE id = :id")
                .param("id", events.get(0))
                .update();

        editor.unpublish(piece, "desk@example.org");
        analysis.drain("test");
        assertThat(jdbc.sql("SELECT id FROM intel_events WHERE document_id = :d")
                        .param("d", doc)
                        .query(Long.class)
                        .list())
                .containsExactly(events.get(0));
        assertThat(jdbc.sql("SELECT withdrawn_at IS NOT NULL FROM intel_documents WHERE id = :d")
                        .param("d", doc)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void piecesPublishedBeforeTheQueueExistedAreQueuedByTheStartupCheck() {
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2026-02-01T10:00:00Z");
        // Written straight into the table, as a database from before this feature would hold it: no PieceChanged.
        jdbc.sql(
                        "INSERT INTO pieces (slug, kind, headline, standfirst, body_markdown, body_html, section, status, access_level, "
                                + "publish_at, first_published_at, created_at, updated_at) VALUES ('old-hreitan', 'NEWS', "
                                + "'Shelling near Hreitan', NULL, 'Government forces shelled Hreitan on Monday, activists said.', "
                                + "'<p>x</p>', 'Syria', 'PUBLISHED', 'PUBLIC', :at, :at, :at, :at)")
                .param("at", at)
                .update();
        long piece = jdbc.sql("SELECT id FROM pieces WHERE slug = 'old-hreitan'")
                .query(Long.class)
                .single();
        assertThat(queue.find("piece", piece)).isEmpty();
        assertThat(workers.upgradeCheck()).isGreaterThanOrEqualTo(1);
        assertThat(queue.find("piece", piece)).isPresent();
        analysis.drain("test");
        assertThat(search.count(EventFilter.any().withDocument(documentOf("piece", piece))))
                .isPositive();
        assertThat(workers.backfill()).as("known pieces are not queued twice").isZero();
    }

    // --- review ----------------------------------------------------------------------------

    @Test
    void correctionsAndRejectionsSurviveReanalysisAndEdits() throws IOException {
        PieceDraft draft = sample("01-analysis-west-aleppo-offensive.md");
        long piece = editor.create(draft, "desk@example.org");
        analysis.drain("test");
        long doc = documentOf("piece", piece);
        List<TrackedEvent> before =
                search.search(EventFilter.any().withDocument(doc), null, 100).events();
        assertThat(before).hasSizeGreaterThanOrEqualTo(3);
        TrackedEvent corrected = before.get(0);
        TrackedEvent rejected = before.get(1);

        review.correct(
                corrected.id(),
                seen(corrected.id()),
                new Correction(
                        "Battles",
                        "Armed clash",
                        "Liwa al-Tawhid",
                        "Syrian Arab Army",
                        "Hreitan",
                        "",
                        "",
                        "",
                        "",
                        "2014-04-27",
                        "2014-04-28",
                        null),
                ANALYST);
        review.reject(rejected.id(), seen(rejected.id()), ANALYST);
        TrackedEvent afterCorrection = search.find(corrected.id()).orElseThrow();
        assertThat(afterCorrection.reviewState()).isEqualTo(ReviewState.CORRECTED);
        assertThat(afterCorrection.placeName()).isEqualTo("Hreitan");
        assertThat(afterCorrection.country()).isEqualTo("SY");
        assertThat(afterCorrection.gazetteerId()).isNotNull();
        assertThat(afterCorrection.latitude()).isBetween(36.2, 36.35); // Hreitan, north of Aleppo
        assertThat(afterCorrection.longitude()).isBetween(37.0, 37.15);

        // An engine upgrade: the startup check finds the document analysed by another version and queues it.
        jdbc.sql("UPDATE intel_documents SET engine_version = '0.0.1+r0' WHERE id = :d")
                .param("d", doc)
                .update();
        assertThat(workers.upgradeCheck()).isGreaterThanOrEqualTo(1);
        analysis.drain("test");
        assertThat(jdbc.sql("SELECT engine_version FROM intel_documents WHERE id = :d")
                        .param("d", doc)
                        .query(String.class)
                        .single())
                .isEqualTo(engine.version());

        List<TrackedEvent> after = search.search(
                        EventFilter.any().withDocument(doc).withStates(java.util.EnumSet.allOf(ReviewState.class)),
                        null,
                        100)
                .events();
        TrackedEvent kept = search.find(corrected.id()).orElseThrow();
        assertThat(kept)
                .usingRecursiveComparison()
                .ignoringFields("evidenceStart", "evidenceEnd", "updatedAt")
                .isEqualTo(afterCorrection);
        assertThat(search.find(rejected.id()).orElseThrow().reviewState()).isEqualTo(ReviewState.REJECTED);
        assertThat(after).hasSize(before.size()).as("nothing re-added beside the analysts' events");
        List<String> keys = jdbc.sql("SELECT machine_key FROM intel_events WHERE document_id = :d")
                .param("d", doc)
                .query(String.class)
                .list();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(after)
                .filteredOn(e -> e.reviewState() == ReviewState.UNREVIEWED)
                .allSatisfy(e -> assertThat(e.engineVersion()).isEqualTo(engine.version()));

        // The editor adds a paragraph at the top: offsets move, the analyst's event follows its sentence.
        draft.setBody("Updated at noon: fighting continued overnight, residents said.\n\n" + draft.getBody());
        editor.update(piece, draft, "desk@example.org");
        analysis.drain("test");
        String text = search.documentText(doc).orElseThrow();
        TrackedEvent moved = search.find(corrected.id()).orElseThrow();
        assertThat(moved.evidenceStart()).isGreaterThan(afterCorrection.evidenceStart());
        assertThat(text.substring(moved.evidenceStart(), moved.evidenceEnd())).isEqualTo(moved.evidenceSentence());
        assertThat(moved.actor1()).isEqualTo("Liwa al-Tawhid");

        assertThat(review.history(corrected.id())).singleElement().satisfies(h -> {
            assertThat(h.analyst()).isEqualTo(ANALYST);
            assertThat(h.action()).isEqualTo("correct");
            assertThat(h.changes())
                    .contains("place_name: " + Objects.toString(corrected.placeName(), "—") + " → Hreitan")
                    .contains("date_latest: " + corrected.dateLatest() + " → 2014-04-28")
                    .contains("review_state: unreviewed → corrected");
        });
    }

    @Test
    void badCorrectionsAreRefusedWithReasons() {
        Sources.WIRE.put(61L, "Rebels shelled the town of Hreitan on Monday, activists said.");
        queue.enqueue("wire", 61);
        analysis.drain("test");
        TrackedEvent e = search.search(EventFilter.any().withDocument(documentOf("wire", 61)), null, 10)
                .events()
                .get(0);
        assertThatThrownBy(() -> review.correct(
                        e.id(),
                        seen(e.id()),
                        new Correction(
                                "Battles",
                                "Air/drone strike",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "2014-04-28",
                                "2014-04-27",
                                null),
                        ANALYST))
                .isInstanceOfSatisfying(
                        InvalidReview.class, x -> assertThat(x.errors()).containsKeys("subEventType", "dateLatest"));
        assertThatThrownBy(() -> review.correct(
                        e.id(),
                        seen(e.id()),
                        new Correction(
                                e.eventType(),
                                e.subEventType(),
                                null,
                                null,
                                "Qqzzxx Nowhere",
                                null,
                                null,
                                null,
                                null,
                                "2014-04-28",
                                null,
                                null),
                        ANALYST))
                .isInstanceOfSatisfying(
                        InvalidReview.class, x -> assertThat(x.errors()).containsKey("placeName"));
        // A place the gazetteer lacks, with coordinates typed by hand, is kept as written.
        review.correct(
                e.id(),
                seen(e.id()),
                new Correction(
                        e.eventType(),
                        e.subEventType(),
                        e.actor1(),
                        e.actor2(),
                        "Castello Road",
                        "36.2801",
                        "37.1702",
                        "sy",
                        "neighbourhood",
                        e.dateEarliest().toString(),
                        e.dateLatest().toString(),
                        null),
                ANALYST);
        TrackedEvent c = search.find(e.id()).orElseThrow();
        assertThat(c.placeName()).isEqualTo("Castello Road");
        assertThat(c.latitude()).isEqualTo(36.2801);
        assertThat(c.country()).isEqualTo("SY");
        assertThat(c.geoPrecision()).isEqualTo("neighbourhood");
        assertThat(c.gazetteerId()).isNull();
        assertThat(review.history(e.id())).hasSize(1);
    }

    @Test
    void duplicatesAcrossArticlesMergeWithAnAuditTrail() {
        Sources.WIRE.put(71L, "Government forces shelled Anadan on Tuesday, killing two people.");
        Sources.WIRE.put(72L, "Regime forces shelled the town of Anadan on Tuesday, local activists said.");
        queue.enqueue("wire", 71);
        queue.enqueue("wire", 72);
        analysis.drain("test");
        TrackedEvent a = search.search(EventFilter.any().withDocument(documentOf("wire", 71)), null, 10)
                .events()
                .get(0);
        TrackedEvent b = search.search(EventFilter.any().withDocument(documentOf("wire", 72)), null, 10)
                .events()
                .get(0);
        assertThat(review.mergeCandidates(b))
                .extracting(cand -> cand.event().id())
                .contains(a.id());

        review.merge(b.id(), seen(b.id()), a.id(), ANALYST);
        TrackedEvent merged = search.find(b.id()).orElseThrow();
        assertThat(merged.reviewState()).isEqualTo(ReviewState.MERGED);
        assertThat(merged.mergedInto()).isEqualTo(a.id());
        assertThat(search.find(a.id()).orElseThrow().reviewState()).isEqualTo(ReviewState.CONFIRMED);
        assertThat(search.find(a.id()).orElseThrow().evidenceSentence()).isEqualTo(a.evidenceSentence());
        assertThat(review.mergedInto(a.id())).extracting(TrackedEvent::id).containsExactly(b.id());
        assertThat(review.history(b.id())).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo("merge");
            assertThat(h.changes()).contains("merged_into: — → #" + a.id());
        });
        assertThat(review.history(a.id())).singleElement().satisfies(h -> assertThat(h.changes())
                .contains("#" + b.id()));
        assertThatThrownBy(() -> review.merge(a.id(), seen(a.id()), b.id(), ANALYST))
                .isInstanceOf(InvalidReview.class)
                .hasMessageContaining("merged into #" + a.id());

        // Re-analysing the duplicate's article leaves the merge alone.
        queue.enqueue("wire", 72);
        analysis.drain("test");
        assertThat(search.find(b.id()).orElseThrow().reviewState()).isEqualTo(ReviewState.MERGED);

        review.reopen(b.id(), seen(b.id()), ANALYST);
        assertThat(search.find(b.id()).orElseThrow()).satisfies(x -> {
            assertThat(x.reviewState()).isEqualTo(ReviewState.UNREVIEWED);
            assertThat(x.mergedInto()).isNull();
        });
        assertThat(review.history(b.id())).extracting(EventReview.Entry::action).containsExactly("merge", "reopen");
    }

    // --- pages -----------------------------------------------------------------------------

    @Test
    void reviewPagesNeedAnAnalystAndEveryFormNeedsItsToken() throws Exception {
        TestEvents fixture = new TestEvents(jdbc);
        long doc = fixture.document(
                "item",
                9001,
                "<b>Hostile</b> wire",
                "javascript:alert(1)",
                "Evil Wire",
                LocalDate.of(2014, 4, 30),
                "Intro line. Rebels <script>alert(1)</script> shelled Hreitan on Monday. Outro.");
        long id = fixture.event(
                doc,
                TestEvents.spec(
                                "Explosions/Remote violence",
                                "Shelling/artillery/missile attack",
                                LocalDate.of(2014, 4, 28))
                        .until(LocalDate.of(2014, 4, 29))
                        .evidence("Rebels <script>alert(1)</script> shelled Hreitan on Monday.", "shelled")
                        .confidence(0.01));

        mvc.perform(get("/intel/review")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/intel/review").with(user("reader@example.org").roles("MEMBER")))
                .andExpect(status().isForbidden());
        String queuePage = mvc.perform(get("/intel/review").with(user(ANALYST).roles("ANALYST")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(queuePage).contains("/intel/events/" + id); // least confident first: on page 1

        String page = mvc.perform(get("/intel/events/" + id).with(user(ANALYST).roles("ANALYST")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .doesNotContain("<script>alert(1)</script>")
                .doesNotContain("<b>Hostile</b>")
                .doesNotContain("href=\"javascript:")
                .contains("<mark>Rebels &lt;script&gt;alert(1)&lt;/script&gt; shelled Hreitan on Monday.</mark>")
                .contains("28 Apr 2014 to 29 Apr 2014");
        mvc.perform(get("/intel/events/99999999").with(user(ANALYST).roles("ANALYST")))
                .andExpect(status().isNotFound());

        mvc.perform(post("/intel/events/" + id + "/confirm").with(user(ANALYST).roles("ANALYST")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/intel/events/" + id + "/confirm")
                        .with(user(ANALYST).roles("ANALYST"))
                        .with(csrf())
                        .param("version", Long.toString(seen(id))))
                .andExpect(status().is3xxRedirection());
        assertThat(search.find(id).orElseThrow().reviewState()).isEqualTo(ReviewState.CONFIRMED);

        String refused = mvc.perform(post("/intel/events/" + id + "/correct")
                        .with(user("editor@example.org").roles("EDITOR"))
                        .with(csrf())
                        .param("eventType", "Battles")
                        .param("subEventType", "Grenade")
                        .param("dateEarliest", "2014-04-28")
                        .param("version", Long.toString(seen(id))))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("Choose an event type and one of its ACLED sub-types.");
        assertThat(review.history(id)).extracting(EventReview.Entry::analyst).containsExactly(ANALYST);

        mvc.perform(get("/admin/intel").with(user(ANALYST).roles("ANALYST"))).andExpect(status().isForbidden());
        String admin = mvc.perform(
                        get("/admin/intel").with(user("admin@example.org").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(admin).contains(engine.version()).contains("Jobs by state");
        mvc.perform(post("/admin/intel/reanalyse")
                        .with(user("admin@example.org").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", org.hamcrest.Matchers.containsString("queued")));
        analysis.drain("test");
    }

    @Test
    void twoAnalystsCorrectingOneEventNeverOverwriteEachOtherUnseen() throws Exception {
        TestEvents fixture = new TestEvents(jdbc);
        long doc = fixture.document(
                "item",
                9101,
                "Clashes in Hreitan",
                "https://wire.example/1",
                "Wire",
                LocalDate.of(2014, 4, 30),
                "Rebels clashed with troops in Hreitan on Monday.");
        long id = fixture.event(
                doc,
                TestEvents.spec("Battles", "Armed clash", LocalDate.of(2014, 4, 28))
                        .evidence("Rebels clashed with troops in Hreitan on Monday.", "clashed"));
        String a = "amal@example.org", b = "bashir@example.org";
        // both open the event
        String pageA = mvc.perform(get("/intel/events/" + id).with(user(a).roles("ANALYST")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String pageB = mvc.perform(get("/intel/events/" + id).with(user(b).roles("ANALYST")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String versionA = formVersion(pageA, "/intel/events/" + id + "/correct");
        assertThat(formVersion(pageB, "/intel/events/" + id + "/correct")).isEqualTo(versionA);

        // A corrects first
        mvc.perform(correction(id, a, versionA, "Jabhat al-Nusra")).andExpect(status().is3xxRedirection());
        // B's correction, made on the page opened before A's, is refused: 409, saying who changed what
        String conflict = mvc.perform(correction(id, b, versionA, "Ahrar al-Sham"))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.jsoup.nodes.Document refused = org.jsoup.Jsoup.parse(conflict);
        assertThat(refused.select("[role=alert]").text())
                .contains(a + " (correct, ")
                .contains("changed this event after you opened it")
                .contains("was not saved");
        assertThat(refused.select("#conflict pre").text()).contains("actor1: ").contains("→ Jabhat al-Nusra");
        assertThat(refused.select("#actor1").val())
                .as("B's own correction stays in the form")
                .isEqualTo("Ahrar al-Sham");
        assertThat(search.find(id).orElseThrow().actor1()).isEqualTo("Jabhat al-Nusra");
        // the other actions made on the old page are refused too
        mvc.perform(post("/intel/events/" + id + "/reject")
                        .with(user(b).roles("ANALYST"))
                        .with(csrf())
                        .param("version", versionA))
                .andExpect(status().isConflict());
        mvc.perform(post("/intel/events/" + id + "/confirm")
                        .with(user(b).roles("ANALYST"))
                        .with(csrf()))
                .andExpect(
                        status().isConflict()); // a form without a version (a page from before versions) is stale too
        assertThat(search.find(id).orElseThrow().reviewState()).isEqualTo(ReviewState.CORRECTED);

        // B re-applies on the version the 409 page shows, and wins; the audit trail keeps both
        String current = formVersion(conflict, "/intel/events/" + id + "/correct");
        assertThat(current).isNotEqualTo(versionA);
        mvc.perform(correction(id, b, current, "Ahrar al-Sham")).andExpect(status().is3xxRedirection());
        assertThat(search.find(id).orElseThrow().actor1()).isEqualTo("Ahrar al-Sham");
        assertThat(review.history(id)).extracting(EventReview.Entry::analyst).containsExactly(a, b);
        assertThat(review.history(id).get(1).changes()).contains("actor1: Jabhat al-Nusra → Ahrar al-Sham");
    }

    org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder correction(
            long id, String analyst, String version, String actor1) {
        return post("/intel/events/" + id + "/correct")
                .with(user(analyst).roles("ANALYST"))
                .with(csrf())
                .param("version", version)
                .param("eventType", "Battles")
                .param("subEventType", "Armed clash")
                .param("actor1", actor1)
                .param("actor2", "Syrian Arab Army")
                .param("placeName", "")
                .param("dateEarliest", "2014-04-28")
                .param("dateLatest", "2014-04-28");
    }

    static String formVersion(String page, String action) {
        return org.jsoup.Jsoup.parse(page)
                .select("form[action=" + action + "] input[name=version]")
                .val();
    }

    // --- helpers ---------------------------------------------------------------------------

    long documentOf(String kind, long sourceId) {
        return jdbc.sql("SELECT id FROM intel_documents WHERE source_kind = :k AND source_id = :s")
                .param("k", kind)
                .param("s", sourceId)
                .query(Long.class)
                .single();
    }

    static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(Locale.ROOT));
    }

    static final java.util.concurrent.atomic.AtomicInteger SLUGS = new java.util.concurrent.atomic.AtomicInteger();

    /** A sample piece from the newsroom's bundled samples, as a draft to publish (slug made unique per call). */
    static PieceDraft sample(String file) throws IOException {
        String raw;
        try (InputStream in = IntelContract.class.getResourceAsStream("/samples/pieces/" + file)) {
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
        int end = raw.indexOf("\n---\n", 4);
        Map<String, String> front = new LinkedHashMap<>();
        for (String line : raw.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            front.put(
                    line.substring(0, colon).strip(), line.substring(colon + 1).strip());
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
        d.setSlug(file.replace(".md", "") + "-" + SLUGS.incrementAndGet());
        return d;
    }

    /** The version of the event an analyst's page would show now. */
    long seen(long eventId) {
        return search.find(eventId).orElseThrow().version();
    }
}
