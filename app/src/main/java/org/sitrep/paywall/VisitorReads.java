package org.sitrep.paywall;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The meter's count of anonymous visitors' reads, kept in memory and written to
 * {@code meter_reads} in batches off the request thread. Every cookieless request is a new
 * visitor, so a write per page view would put the database on every page of the site.
 *
 * <p>Memory is authoritative for this instance: a visitor's month is counted under one lock, so
 * the piece past the meter is cut even when two pages open at once. A month that is not in memory
 * (evicted, or after a restart) is loaded from the database together with the reads still waiting
 * to be written, so eviction loses nothing. A brand-new visitor has read nothing: no query at all.
 * Members' reads are not kept here: they are written at once, as a member can export or delete them.
 */
@Component
class VisitorReads implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(VisitorReads.class);
    private static final String INSERT =
            "INSERT INTO meter_reads (reader, read_month, piece_id, read_at) VALUES (?, ?, ?, ?)";
    /** Past this many unwritten reads the request thread writes them itself (the database is behind). */
    static final int MOST_UNWRITTEN = 200_000;

    /** The pieces one visitor has read in one month, and how many of those are not written yet. */
    static final class Month {
        private long[] pieces = new long[4];
        private int size;
        private int unwritten;

        boolean contains(long pieceId) {
            for (int i = 0; i < size; i++) if (pieces[i] == pieceId) return true;
            return false;
        }

        void add(long pieceId) {
            if (size == pieces.length) pieces = Arrays.copyOf(pieces, size * 2);
            pieces[size++] = pieceId;
        }

        int size() {
            return size;
        }
    }

    private record Unwritten(
            String key, Month month, String reader, String readMonth, long pieceId, OffsetDateTime at) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    /** "reader month" to that month's reads. */
    private final Cache<String, Month> months;
    /** Months with reads not yet in the database: what a load after eviction must add to the rows. */
    private final ConcurrentHashMap<String, Month> waiting = new ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<Unwritten> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /** Reads a failed write left over, retried first; only touched under the write lock. */
    private final List<Unwritten> retry = new ArrayList<>();

    private final Object writeLock = new Object();
    private final ScheduledExecutorService writer;

    // 20,000 recent visitors' months: enough for the new-visitor burst of a busy hour; more only fed the
    // garbage collector at the 512 MB heap (evicted months reload from the database, so counts stay right).
    VisitorReads(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            @Value("${sitrep.meter.visitors-in-memory:20000}") long visitorsInMemory,
            @Value("${sitrep.meter.write-every-ms:500}") long writeEveryMs) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.months = Caffeine.newBuilder()
                .maximumSize(visitorsInMemory)
                .expireAfterAccess(Duration.ofDays(2))
                .build();
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "meter-writer");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::writeQuietly, writeEveryMs, writeEveryMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Counts {@code pieceId} for {@code reader} in {@code readMonth} if there is room; a piece
     * already counted is free to read again. {@code newVisitor}: the id was just made, so there is
     * nothing to load.
     */
    Meter.Reading read(
            String reader, boolean newVisitor, String readMonth, long pieceId, int freePerMonth, OffsetDateTime at) {
        String key = reader + ' ' + readMonth;
        Meter.Reading[] reading = new Meter.Reading[1];
        // compute() runs once at a time per key, so an entry cannot be evicted and reloaded halfway through a count.
        months.asMap().compute(key, (k, month) -> {
            Month m = month != null ? month : newVisitor ? new Month() : load(k, reader, readMonth);
            synchronized (m) {
                if (m.contains(pieceId)) {
                    reading[0] = new Meter.Reading(true, Math.max(0, freePerMonth - m.size()));
                } else if (m.size() >= freePerMonth) {
                    reading[0] = new Meter.Reading(false, 0);
                } else {
                    m.add(pieceId);
                    m.unwritten++;
                    waiting.put(k, m);
                    queue.add(new Unwritten(k, m, reader, readMonth, pieceId, at));
                    queued.incrementAndGet();
                    reading[0] = new Meter.Reading(true, Math.max(0, freePerMonth - m.size()));
                }
            }
            return m;
        });
        if (queued.get() > MOST_UNWRITTEN) write();
        return reading[0];
    }

    /** Pieces counted for {@code reader} in {@code readMonth}, without counting anything. */
    int used(String reader, String readMonth) {
        String key = reader + ' ' + readMonth;
        Month m = months.asMap().computeIfAbsent(key, k -> load(k, reader, readMonth));
        synchronized (m) {
            return m.size();
        }
    }

    /** Forgets every month held in memory, as a restart does; reads not yet written still count. */
    void forgetMemory() {
        months.invalidateAll();
    }

    private Month load(String key, String reader, String readMonth) {
        // Waiting first: a month leaves it only once its rows are committed, so one or the other has every read.
        Month unwritten = waiting.get(key);
        if (unwritten != null) return unwritten;
        Month m = new Month();
        jdbc.queryForList(
                        "SELECT piece_id FROM meter_reads WHERE reader = ? AND read_month = ?",
                        Long.class,
                        reader,
                        readMonth)
                .forEach(m::add);
        return m;
    }

    /** Writes every read counted so far; returns how many rows were written. */
    int write() {
        synchronized (writeLock) {
            List<Unwritten> batch = new ArrayList<>(retry);
            retry.clear();
            for (Unwritten u; (u = queue.poll()) != null; ) {
                queued.decrementAndGet();
                batch.add(u);
            }
            if (batch.isEmpty()) return 0;
            List<Unwritten> done;
            try {
                transactions.executeWithoutResult(tx -> jdbc.batchUpdate(INSERT, batch, 1000, (ps, u) -> {
                    ps.setString(1, u.reader());
                    ps.setString(2, u.readMonth());
                    ps.setLong(3, u.pieceId());
                    ps.setObject(4, u.at());
                }));
                done = batch;
            } catch (DataAccessException batchFailed) {
                done = oneByOne(batch);
            }
            for (Unwritten u : done) {
                synchronized (u.month()) {
                    if (--u.month().unwritten == 0) waiting.remove(u.key(), u.month());
                }
            }
            return done.size();
        }
    }

    /**
     * After a failed batch: each row alone. A row the database refuses (its piece deleted meanwhile,
     * or already written by another instance) is dropped; when the database itself fails, the rest
     * waits for the next write.
     */
    private List<Unwritten> oneByOne(List<Unwritten> batch) {
        List<Unwritten> done = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < batch.size(); i++) {
            Unwritten u = batch.get(i);
            try {
                jdbc.update(INSERT, u.reader(), u.readMonth(), u.pieceId(), u.at());
            } catch (DataIntegrityViolationException e) {
                refused++;
            } catch (DataAccessException e) {
                retry.addAll(batch.subList(i, batch.size()));
                log.warn(
                        "Meter reads could not be written ({}); {} wait for the next try",
                        e.getMessage(),
                        batch.size() - i);
                break;
            }
            done.add(u);
        }
        if (refused > 0) log.info("{} meter reads refused by the database (piece gone or already counted)", refused);
        return done;
    }

    private void writeQuietly() {
        try {
            write();
        } catch (RuntimeException e) {
            log.warn("Meter reads could not be written", e);
        }
    }

    @Override
    public void destroy() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write();
    }
}
