package org.sitrep.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.paywall.Meter;
import org.sitrep.testsupport.TestPieces;
import org.sitrep.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * One instance of several ({@code sitrep.cluster.enabled}), with the others played by rows that they would
 * write: a change announced by another instance reaches this one's page cache and search index; this
 * instance's own changes are written for the others and not replayed to itself; a row naming a class that is
 * not a shared change is refused; a row that becomes visible after a higher one is still read; a job whose
 * lease another instance holds does not run here until the lease ends; sessions are rows, so a session
 * cookie alone signs in; the meter counts one visitor's pages opened all at once exactly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.cluster.enabled=true",
            "sitrep.cluster.poll-ms=100",
            "sitrep.scheduler.interval=200ms",
            "sitrep.scheduler.initial-delay=0s",
            "sitrep.intel.workers=0",
            "sitrep.admin.email=chief@example.org",
            "sitrep.admin.password=a long test passphrase"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeveralInstancesContract {
    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ChangeFeed feed;

    @Autowired
    Meter meter;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private static final String OTHER = "other-instance/1";

    @Test
    void aPieceChangedOnAnotherInstanceReachesThisOnesPagesAndSearchWithinASecondOrTwo() throws Exception {
        long id = new TestPieces(jdbc, events)
                .piece("truce-talks")
                .kind("NEWS")
                .headline("Truce talks open")
                .body("<p>Envoys met.</p>")
                .insert();
        WebSession reader = new WebSession(port);
        assertThat(reader.get("/news/truce-talks").body()).contains("Truce talks open");
        assertThat(reader.get("/search?q=ceasefire").body()).doesNotContain("truce-talks");
        // Another instance saves the piece: its row changes, and it announces the change. Nothing here is told
        // directly.
        jdbc.sql("UPDATE pieces SET headline = 'Ceasefire agreed', updated_at = :now WHERE id = :id")
                .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .param("id", id)
                .update();
        assertThat(reader.get("/news/truce-talks").body())
                .as("this instance's cached page, before the news arrives")
                .contains("Truce talks open");
        // Its analysis is running (queued by the instance where it changed): the replay must not ask for it again.
        assertThat(jdbc.sql("UPDATE intel_jobs SET state = 'running', again = FALSE WHERE source_id = :id")
                        .param("id", id)
                        .update())
                .isEqualTo(1);
        announceFromOther("org.sitrep.newsroom.PieceChanged", "{\"pieceId\":" + id + "}");
        long start = System.nanoTime();
        awaitTrue(() -> reader.get("/news/truce-talks").body().contains("Ceasefire agreed"), Duration.ofSeconds(3));
        awaitTrue(() -> reader.get("/search?q=ceasefire").body().contains("/news/truce-talks"), Duration.ofSeconds(3));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_jobs WHERE source_id = :id AND again")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("durable work is not repeated on a replay")
                .isZero();
        System.out.printf(
                "change from another instance applied after %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void ownChangesAreWrittenForTheOthersAndNotReplayedHere() throws Exception {
        long before = maxId();
        long replayed = feed.replayedSoFar();
        events.publishEvent(new SettingsChanged(java.util.Set.of("paywall.offer-heading")));
        // Only this change's rows: the instance's own background work (a scheduled publication) may write others.
        List<Map<String, Object>> rows = jdbc.sql(
                        "SELECT origin, kind, payload FROM cluster_changes WHERE id > :id AND kind = :kind")
                .param("id", before)
                .param("kind", SettingsChanged.class.getName())
                .query()
                .listOfRows();
        assertThat(rows).as("written once").hasSize(1);
        assertThat(rows.get(0).get("origin")).isEqualTo(feed.origin());
        assertThat(rows.get(0).get("kind")).isEqualTo(SettingsChanged.class.getName());
        assertThat((String) rows.get(0).get("payload")).contains("paywall.offer-heading");
        Thread.sleep(500); // several polls
        assertThat(feed.replayedSoFar()).as("its own row is not replayed").isEqualTo(replayed);
    }

    @Test
    void aRowNamingAnythingButASharedChangeIsSkippedAndTheFeedGoesOn() throws Exception {
        long replayed = feed.replayedSoFar();
        long skipped = feed.skippedSoFar();
        announceFromOther("java.lang.ProcessBuilder", "{\"command\":[\"touch\",\"/tmp/sitrep-pwned\"]}");
        announceFromOther("org.sitrep.no.SuchClass", "{}");
        announceFromOther("org.sitrep.common.SettingsChanged", "not json");
        announceFromOther("org.sitrep.common.SettingsChanged", "{\"names\":[\"paywall.price-text\"]}");
        awaitTrue(
                () -> feed.replayedSoFar() == replayed + 1 && feed.skippedSoFar() == skipped + 3,
                Duration.ofSeconds(3));
        Thread.sleep(300);
        assertThat(feed.replayedSoFar())
                .as("only the well-formed shared change is replayed")
                .isEqualTo(replayed + 1);
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/sitrep-pwned")))
                .isFalse();
    }

    @Test
    void aRowThatBecomesVisibleAfterAHigherOneIsStillRead() throws Exception {
        long replayed = feed.replayedSoFar();
        // Another instance's slow transaction takes an id and has not committed yet...
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService slow = Executors.newSingleThreadExecutor();
        Future<?> slowInsert = slow.submit(() -> transactions.executeWithoutResult(tx -> {
            announceFromOther(SettingsChanged.class.getName(), "{\"names\":[\"slow\"]}");
            inserted.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        inserted.await();
        // ...while a faster one commits a higher id, which this instance reads.
        announceFromOther(SettingsChanged.class.getName(), "{\"names\":[\"fast\"]}");
        awaitTrue(() -> feed.replayedSoFar() == replayed + 1, Duration.ofSeconds(3));
        commit.countDown();
        slowInsert.get();
        slow.shutdown();
        awaitTrue(() -> feed.replayedSoFar() == replayed + 2, Duration.ofSeconds(3));
    }

    @Test
    void aJobWhoseLeaseAnotherInstanceHoldsDoesNotRunHereUntilTheLeaseEnds() throws Exception {
        // Another instance holds the scheduled-publishing lease for the next minute.
        jdbc.sql("DELETE FROM shedlock WHERE name = 'newsroom.publish-due'").update();
        jdbc.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES ('newsroom.publish-due', "
                        + "TIMESTAMP '2999-01-01 00:00:00', TIMESTAMP '2026-01-01 00:00:00', 'other-host')")
                .update();
        Instant due = Instant.now().minusSeconds(60);
        long id = new TestPieces(jdbc, events)
                .piece("due-now")
                .kind("NEWS")
                .headline("Due now")
                .body("<p>x</p>")
                .status("SCHEDULED")
                .publishAt(due)
                .insert();
        Thread.sleep(1_500); // several scheduler ticks (every 200 ms) pass: none may publish it
        assertThat(status(id)).as("published only by the lease holder").isEqualTo("SCHEDULED");
        jdbc.sql("UPDATE shedlock SET lock_until = TIMESTAMP '2000-01-01 00:00:00' WHERE name = 'newsroom.publish-due'")
                .update();
        awaitTrue(() -> status(id).equals("PUBLISHED"), Duration.ofSeconds(5));
        assertThat(jdbc.sql("SELECT locked_by FROM shedlock WHERE name = 'newsroom.publish-due'")
                        .query(String.class)
                        .single())
                .as("this instance took the lease")
                .isNotEqualTo("other-host");
    }

    @Test
    void aSessionIsARowSoItsCookieAloneSignsInAnywhere() {
        WebSession editor = new WebSession(port);
        HttpResponse<String> in = editor.post(
                "/signin", "/signin", Map.of("username", "chief@example.org", "password", "a long test passphrase"));
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(editor.get("/newsroom").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = 'chief@example.org'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        WebSession elsewhere = new WebSession(port);
        elsewhere.setCookie("JSESSIONID", editor.cookie("JSESSIONID"));
        assertThat(elsewhere.get("/newsroom").statusCode()).isEqualTo(200);
        WebSession forged = new WebSession(port);
        forged.setCookie("JSESSIONID", "MDEyMzQ1Njc4OWFiY2RlZg");
        assertThat(forged.get("/newsroom").statusCode()).isEqualTo(302);
    }

    @Test
    void theMeterCountsOneVisitorsPagesOpenedAllAtOnceExactly() throws Exception {
        TestPieces pieces = new TestPieces(jdbc, events);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++)
            ids.add(pieces.piece("meter-" + i)
                    .kind("NEWS")
                    .headline("Meter " + i)
                    .body("<p>x</p>")
                    .insert());
        for (int round = 0; round < 5; round++) {
            String visitor = "v:race-" + round;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Boolean>> reads = new ArrayList<>();
            for (long id : ids) {
                Callable<Boolean> read = () -> {
                    go.await();
                    return meter.read(visitor, id, 3).allowed();
                };
                reads.add(pool.submit(read));
            }
            go.countDown();
            int allowed = 0;
            for (Future<Boolean> f : reads) if (f.get()) allowed++;
            pool.shutdown();
            assertThat(allowed)
                    .as("round %d: free pieces granted to one visitor at once", round)
                    .isEqualTo(3);
            assertThat(meter.left(visitor, 3)).isZero();
        }
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM pieces WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private long maxId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM cluster_changes")
                .query(Long.class)
                .single();
    }

    private void announceFromOther(String kind, String payload) {
        jdbc.sql("INSERT INTO cluster_changes (origin, kind, payload, made_at) VALUES (:o, :k, :p, :at)")
                .param("o", OTHER)
                .param("k", kind)
                .param("p", payload)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    static void awaitTrue(BooleanSupplier condition, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("not within " + within);
            Thread.sleep(50);
        }
    }
}
