package org.sitrep.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries {@link SharedChange}s between instances through the table {@code cluster_changes}: written
 * after the change's transaction commits, read by every other instance every {@code sitrep.cluster.poll-ms}
 * (half a second) by id, and published there again as the same application event, so the listeners that keep
 * a local copy (the page cache, the events map index, the search index) need not know where a change was made.
 *
 * <p>Ids are handed out before commit, so a row with a lower id can become visible after a higher one was
 * read; a skipped id is therefore asked for again until it appears or a minute has passed (a rolled-back
 * insert leaves a hole for ever). Only with {@code sitrep.cluster.enabled}: a single instance has nobody to tell.
 */
@Component
public class ChangeFeed implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    /** How long a skipped id is looked for again. */
    static final Duration GAP_PATIENCE = Duration.ofMinutes(1);
    /** How long rows are kept: an instance that was away longer rebuilds its copies anyway when it starts. */
    static final Duration KEPT = Duration.ofHours(1);

    private static final int BATCH = 500;
    private static final ThreadLocal<Boolean> REPLAYING = ThreadLocal.withInitial(() -> false);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean enabled;
    private final long pollMillis;
    private final String origin;
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private ScheduledExecutorService poller;
    /** The highest id read so far; below it, only the ids in {@link #gaps} are still unknown. */
    private long seen = -1;
    /** Skipped ids, with when they were first missed. */
    private final Map<Long, Long> gaps = new LinkedHashMap<>();

    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    ChangeFeed(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${sitrep.cluster.enabled:false}") boolean enabled,
            @Value("${sitrep.cluster.poll-ms:500}") long pollMillis) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.enabled = enabled;
        this.pollMillis = Math.max(50, pollMillis);
        this.origin = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * True on the thread that is replaying another instance's change. Listeners that keep a copy (pages, map
     * index, search) act on a replay like on a local change; listeners that do durable work (queueing an
     * analysis, recording a training example) must not: the instance where the change happened did it.
     */
    public static boolean replaying() {
        return REPLAYING.get();
    }

    /** How many other instances' changes were replayed here since the start, and how many rows were refused. */
    public long replayedSoFar() {
        return replayed.get();
    }

    public long skippedSoFar() {
        return skipped.get();
    }

    /** This instance's name in the table (host, process id and a random part). */
    public String origin() {
        return origin;
    }

    /** After the change's transaction commits (or at once outside one): tell the other instances. */
    @TransactionalEventListener(fallbackExecution = true)
    void announce(SharedChange change) {
        if (!enabled || REPLAYING.get()) return;
        try {
            String payload = json.writeValueAsString(change);
            if (payload.length() > 1_000_000) {
                // Too big for one row (a re-analysis of a whole archive): the others' periodic checks catch up.
                log.warn(
                        "A change too large to share ({} characters of {}); other instances catch up at their next full check",
                        payload.length(),
                        change.getClass().getSimpleName());
                return;
            }
            jdbc.sql("INSERT INTO cluster_changes (origin, kind, payload, made_at) VALUES (:o, :k, :p, :at)")
                    .param("o", origin)
                    .param("k", change.getClass().getName())
                    .param("p", payload)
                    .param("at", now())
                    .update();
        } catch (Exception e) {
            // The change itself is committed; never fail its writer. The others' periodic checks catch up.
            log.warn("Could not share a change with the other instances: {}", e.toString());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!enabled) return;
        // What was changed before this instance started is already in its freshly built copies.
        seen = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM cluster_changes")
                .query(Long.class)
                .single();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-changes");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        log.info(
                "Several instances: this one is {}; it reads other instances' changes every {} ms", origin, pollMillis);
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Could not read other instances' changes (will retry): {}", e.toString());
        }
    }

    private record Row(long id, String origin, String kind, String payload) {}

    /** Reads and replays every change made elsewhere since the last look; returns how many were replayed. */
    synchronized int poll() {
        if (seen < 0)
            seen = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM cluster_changes")
                    .query(Long.class)
                    .single();
        long nowMillis = clock.millis();
        gaps.values().removeIf(since -> nowMillis - since > GAP_PATIENCE.toMillis());
        List<Row> rows = new ArrayList<>();
        String columns = "SELECT id, origin, kind, payload FROM cluster_changes ";
        if (!gaps.isEmpty()) {
            rows.addAll(jdbc.sql(columns + "WHERE id IN (:ids) ORDER BY id")
                    .param("ids", List.copyOf(gaps.keySet()))
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .list());
            rows.forEach(r -> gaps.remove(r.id()));
        }
        List<Row> fresh = jdbc.sql(columns + "WHERE id > :seen ORDER BY id LIMIT " + BATCH)
                .param("seen", seen)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        for (Row r : fresh) {
            for (long missing = seen + 1; missing < r.id() && missing - seen < 10_000; missing++)
                gaps.put(missing, nowMillis);
            seen = r.id();
        }
        rows.addAll(fresh);
        int replayed = 0;
        for (Row r : rows) {
            if (r.origin().equals(origin)) continue;
            if (replay(r)) replayed++;
            else skipped.incrementAndGet();
        }
        this.replayed.addAndGet(replayed);
        return replayed;
    }

    private boolean replay(Row r) {
        SharedChange change;
        try {
            Class<?> kind = Class.forName(r.kind());
            // Only a SharedChange is ever made from a row: the table names classes, and nothing else may be
            // instantiated from it.
            if (!SharedChange.class.isAssignableFrom(kind)) {
                log.warn("Change {} names {}, which is not a shared change: skipped", r.id(), r.kind());
                return false;
            }
            change = (SharedChange) json.readValue(r.payload(), kind);
        } catch (Exception e) {
            // An instance of another version may have written it (a rolling upgrade): skipped, not fatal.
            log.warn("Change {} ({}) could not be read: {}; skipped", r.id(), r.kind(), e.toString());
            return false;
        }
        REPLAYING.set(true);
        try {
            events.publishEvent(change);
            return true;
        } catch (RuntimeException e) {
            log.warn("Change {} from {} could not be applied here: {}", r.id(), r.origin(), e.toString());
            return false;
        } finally {
            REPLAYING.set(false);
        }
    }

    /** Old rows go; one instance does it (its lease), every ten minutes. */
    @Scheduled(
            fixedDelayString = "${sitrep.cluster.prune-every:10m}",
            initialDelayString = "${sitrep.cluster.prune-every:10m}")
    @SchedulerLock(name = "common.prune-changes", lockAtMostFor = JobLeases.LEASE)
    public void prune() {
        jdbc.sql("DELETE FROM cluster_changes WHERE made_at < :before")
                .param("before", now().minus(KEPT))
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    @Override
    public void destroy() {
        if (poller != null) poller.shutdownNow();
    }
}
