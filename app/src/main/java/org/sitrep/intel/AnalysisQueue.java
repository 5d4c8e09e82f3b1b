package org.sitrep.intel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sitrep.common.ChangeFeed;
import org.sitrep.newsroom.PieceChanged;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable analysis queue, in the database so it survives restarts and is shared by every app
 * instance. One row per source document: asking again for a queued document changes nothing, for a
 * running one it marks it to run once more. On PostgreSQL a worker claims with {@code FOR UPDATE SKIP
 * LOCKED}: claimers on every instance take different jobs in one statement each, none waiting on a row
 * another is taking. The embedded H2 database (one instance) claims with a conditional UPDATE (only one
 * of several concurrent claimers sees its update count at 1). Failures wait with exponential back-off,
 * and a job left running by a crashed worker is queued again.
 */
@Service
public class AnalysisQueue {
    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED;

        String db() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A claimed job: the worker must report on it with the same token. */
    public record Job(long id, String kind, long sourceId, int attempts, String token) {}

    /** A job as the admin sees it. */
    public record Entry(
            long id,
            String kind,
            long sourceId,
            String state,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            String engineVersion,
            Instant requestedAt,
            Instant finishedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final int maxAttempts;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Duration stuckAfter;
    private final Object signal = new Object();
    private final boolean skipLocked;

    AnalysisQueue(
            JdbcClient jdbc,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${sitrep.intel.max-attempts:5}") int maxAttempts,
            @Value("${sitrep.intel.first-retry:30s}") Duration firstRetry,
            @Value("${sitrep.intel.max-retry:6h}") Duration maxRetry,
            @Value("${sitrep.intel.stuck-after:10m}") Duration stuckAfter,
            @Value("${spring.datasource.url:}") String databaseUrl) {
        this.jdbc = jdbc;
        this.skipLocked = databaseUrl.startsWith("jdbc:postgresql:");
        this.clock = clock;
        // Listeners run after the newsroom's commit, when its transaction is still bound: a write
        // there must open its own or it would never be committed.
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.stuckAfter = stuckAfter;
    }

    @EventListener
    void pieceChanged(PieceChanged changed) {
        if (ChangeFeed.replaying())
            return; // queued by the instance where the piece changed; again here would run it twice
        enqueue(PieceSource.KIND, changed.pieceId());
    }

    @EventListener
    void analysisRequested(AnalysisRequested requested) {
        enqueue(requested.kind(), requested.id());
    }

    /** Asks for (re-)analysis of one document, now. */
    public void enqueue(String kind, long sourceId) {
        ownTransaction.executeWithoutResult(status -> enqueueInTransaction(kind, sourceId));
        wake();
    }

    private void enqueueInTransaction(String kind, long sourceId) {
        OffsetDateTime now = now();
        int requeued = jdbc.sql(
                        "UPDATE intel_jobs SET state = 'queued', attempts = 0, next_attempt_at = :now, again = FALSE, "
                                + "requested_at = :now, last_error = NULL WHERE source_kind = :kind AND source_id = :id AND state <> 'running'")
                .param("now", now)
                .param("kind", kind)
                .param("id", sourceId)
                .update();
        if (requeued > 0) return;
        int marked = jdbc.sql("UPDATE intel_jobs SET again = TRUE, requested_at = :now "
                        + "WHERE source_kind = :kind AND source_id = :id AND state = 'running'")
                .param("now", now)
                .param("kind", kind)
                .param("id", sourceId)
                .update();
        if (marked > 0) return;
        try {
            jdbc.sql(
                            "INSERT INTO intel_jobs (source_kind, source_id, state, attempts, next_attempt_at, again, requested_at) "
                                    + "VALUES (:kind, :id, 'queued', 0, :now, FALSE, :now)")
                    .param("kind", kind)
                    .param("id", sourceId)
                    .param("now", now)
                    .update();
        } catch (DuplicateKeyException raced) {
            // Another instance inserted it a moment ago: it is queued, which is all we asked.
        }
    }

    /** Enqueues every analysed document whose analysis came from another engine version; returns how many. */
    public int enqueueStale(String engineVersion) {
        List<Object[]> stale = jdbc.sql("SELECT source_kind, source_id FROM intel_documents WHERE engine_version <> :v "
                        + "AND withdrawn_at IS NULL")
                .param("v", engineVersion)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
                .list();
        stale.forEach(s -> enqueue((String) s[0], (Long) s[1]));
        return stale.size();
    }

    /** Enqueues every analysed document (the admin's "re-analyse everything"); returns how many. */
    public int enqueueAll() {
        List<Object[]> all = jdbc.sql("SELECT source_kind, source_id FROM intel_documents WHERE withdrawn_at IS NULL")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
                .list();
        all.forEach(s -> enqueue((String) s[0], (Long) s[1]));
        return all.size();
    }

    /** Claims the next due job for {@code worker}, or empty when none is due. */
    public Optional<Job> claim(String worker) {
        OffsetDateTime now = now();
        if (skipLocked) {
            // One statement: the row is locked by the sub-select, so the UPDATE cannot lose it to another claimer,
            // and a row another claimer holds is passed over rather than waited for.
            return jdbc.sql("UPDATE intel_jobs SET state = 'running', claimed_by = :token, claimed_at = :now, "
                            + "attempts = attempts + 1, again = FALSE WHERE state = 'queued' AND id = ("
                            + "SELECT id FROM intel_jobs WHERE state = 'queued' AND next_attempt_at <= :now "
                            + "ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) "
                            + "RETURNING id, source_kind, source_id, attempts, claimed_by")
                    .param("token", worker + "/" + UUID.randomUUID())
                    .param("now", now)
                    .query((rs, n) ->
                            new Job(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5)))
                    .optional();
        }
        List<Long> due = jdbc.sql("SELECT id FROM intel_jobs WHERE state = 'queued' AND next_attempt_at <= :now "
                        + "ORDER BY next_attempt_at, id FETCH FIRST 8 ROWS ONLY")
                .param("now", now)
                .query(Long.class)
                .list();
        for (long id : due) {
            String token = worker + "/" + UUID.randomUUID();
            int won = jdbc.sql("UPDATE intel_jobs SET state = 'running', claimed_by = :token, claimed_at = :now, "
                            + "attempts = attempts + 1, again = FALSE WHERE id = :id AND state = 'queued'")
                    .param("token", token)
                    .param("now", now)
                    .param("id", id)
                    .update();
            if (won == 1) {
                return jdbc.sql(
                                "SELECT id, source_kind, source_id, attempts, claimed_by FROM intel_jobs WHERE id = :id")
                        .param("id", id)
                        .query((rs, n) ->
                                new Job(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5)))
                        .optional();
            }
        }
        return Optional.empty();
    }

    /** The job succeeded; it runs again straight away if it was asked for again while running. */
    public void done(Job job, String engineVersion) {
        jdbc.sql("UPDATE intel_jobs SET state = CASE WHEN again THEN 'queued' ELSE 'done' END, "
                        + "attempts = CASE WHEN again THEN 0 ELSE attempts END, again = FALSE, "
                        + "next_attempt_at = :now, engine_version = :version, last_error = NULL, claimed_by = NULL, "
                        + "finished_at = :now WHERE id = :id AND claimed_by = :token")
                .param("now", now())
                .param("version", engineVersion)
                .param("id", job.id())
                .param("token", job.token())
                .update();
    }

    /**
     * The job failed: it waits and retries (30 s, 1 min, 2 min, …) until the last attempt, then stays
     * failed; a {@code permanent} failure (the document can never be read) fails at once.
     */
    public void failed(Job job, String error, boolean permanent) {
        OffsetDateTime now = now();
        String message =
                error == null ? "unknown error" : error.length() > 1900 ? error.substring(0, 1900) + "…" : error;
        boolean last = permanent || job.attempts() >= maxAttempts;
        jdbc.sql(
                        "UPDATE intel_jobs SET state = :state, next_attempt_at = :next, last_error = :error, claimed_by = NULL, "
                                + "finished_at = :now, again = FALSE WHERE id = :id AND claimed_by = :token")
                .param("state", last ? "failed" : "queued")
                .param("next", last ? now : now.plus(backoff(job.attempts())))
                .param("error", message)
                .param("now", now)
                .param("id", job.id())
                .param("token", job.token())
                .update();
    }

    /** How long to wait after the {@code attempt}-th failure. */
    Duration backoff(int attempt) {
        Duration d = firstRetry;
        for (int i = 1; i < attempt && d.compareTo(maxRetry) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(maxRetry) > 0 ? maxRetry : d;
    }

    /**
     * Jobs still running long after they were claimed belong to a worker that died (crash, kill,
     * lost connection): they are queued again, or failed if that was their last attempt. Returns how many.
     */
    public int rescueStuck() {
        OffsetDateTime now = now();
        OffsetDateTime cutoff = now.minus(stuckAfter);
        String note =
                "interrupted: still running " + stuckAfter.toMinutes() + " min after it started (worker stopped?)";
        int failed = jdbc.sql(
                        "UPDATE intel_jobs SET state = 'failed', claimed_by = NULL, last_error = :note, finished_at = :now "
                                + "WHERE state = 'running' AND claimed_at < :cutoff AND attempts >= :max")
                .param("note", note)
                .param("now", now)
                .param("cutoff", cutoff)
                .param("max", maxAttempts)
                .update();
        int requeued = jdbc.sql(
                        "UPDATE intel_jobs SET state = 'queued', claimed_by = NULL, last_error = :note, next_attempt_at = :now "
                                + "WHERE state = 'running' AND claimed_at < :cutoff")
                .param("note", note)
                .param("now", now)
                .param("cutoff", cutoff)
                .update();
        if (requeued > 0) wake();
        return failed + requeued;
    }

    /** Puts a failed job back in the queue with a fresh set of attempts. */
    public boolean retry(long jobId) {
        int n = jdbc.sql(
                        "UPDATE intel_jobs SET state = 'queued', attempts = 0, next_attempt_at = :now WHERE id = :id AND state = 'failed'")
                .param("now", now())
                .param("id", jobId)
                .update();
        if (n > 0) wake();
        return n > 0;
    }

    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (State s : State.values()) counts.put(s.db(), 0L);
        jdbc.sql("SELECT state, COUNT(*) FROM intel_jobs GROUP BY state").query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    /** Failed jobs, and queued ones waiting after an error, most recent first. */
    public List<Entry> troubled(int limit) {
        return jdbc.sql("SELECT " + ENTRY
                        + " FROM intel_jobs WHERE last_error IS NOT NULL AND state IN ('failed','queued') "
                        + "ORDER BY CASE WHEN state = 'failed' THEN 0 ELSE 1 END, finished_at DESC, id DESC FETCH FIRST "
                        + Math.max(1, limit) + " ROWS ONLY")
                .query(AnalysisQueue::entry)
                .list();
    }

    public Optional<Entry> find(String kind, long sourceId) {
        return jdbc.sql("SELECT " + ENTRY + " FROM intel_jobs WHERE source_kind = :kind AND source_id = :id")
                .param("kind", kind)
                .param("id", sourceId)
                .query(AnalysisQueue::entry)
                .optional();
    }

    /** Whether a job is queued and due now (workers check before sleeping). */
    public boolean anyDue() {
        return jdbc.sql("SELECT COUNT(*) FROM intel_jobs WHERE state = 'queued' AND next_attempt_at <= :now")
                        .param("now", now())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether anything is queued or running at all (for deciding whether to load the engine at startup). */
    public boolean anyPending() {
        return jdbc.sql("SELECT COUNT(*) FROM intel_jobs WHERE state IN ('queued','running')")
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Waits up to {@code millis} for a job to be enqueued in this instance. */
    void awaitWork(long millis) throws InterruptedException {
        synchronized (signal) {
            signal.wait(millis);
        }
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private static final String ENTRY = "id, source_kind, source_id, state, attempts, next_attempt_at, last_error, "
            + "engine_version, requested_at, finished_at";

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getInt(5),
                instant(rs, 6),
                rs.getString(7),
                rs.getString(8),
                instant(rs, 9),
                instant(rs, 10));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
