package org.sitrep.paywall;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.sitrep.common.JobLeases;
import org.sitrep.common.SitrepProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Free pieces per calendar month (in the publication's time zone), counted on the server per
 * reader ("u:<user id>" or "v:<visitor id>") and piece: a piece already counted this month is
 * free to read again. Members' reads are written at once; anonymous visitors' are counted in
 * memory and written in batches ({@link VisitorReads}) on a single instance.
 *
 * <p>Every read written at once is counted under a lock on the reader's month (a row of {@code meter_locks},
 * {@code SELECT ... FOR UPDATE}), so two pages opened at the same moment, on one instance or on two, cannot
 * both take the last free piece. With several instances ({@code sitrep.cluster.enabled}) visitors' reads are
 * counted that way too: memory is one instance's, and a visitor could otherwise read more on another.
 */
@Service
public class Meter {
    static final String VISITOR = "v:";

    /** What the meter says: read in full or not, and how many free pieces are left this month. */
    public record Reading(boolean allowed, int left) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SitrepProperties properties;
    private final VisitorReads visitors;
    private final TransactionTemplate transactions;
    private final boolean visitorsInDatabase;

    Meter(
            JdbcClient jdbc,
            Clock clock,
            SitrepProperties properties,
            VisitorReads visitors,
            TransactionTemplate transactions,
            @Value("${sitrep.cluster.enabled:false}") boolean severalInstances) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.visitors = visitors;
        this.transactions = transactions;
        this.visitorsInDatabase = severalInstances;
    }

    public String month() {
        return YearMonth.from(clock.instant().atZone(properties.zone())).toString();
    }

    /** Counts {@code pieceId} for {@code reader} if there is room; never counts a piece twice in a month. */
    public Reading read(String reader, long pieceId, int freePerMonth) {
        return read(reader, false, pieceId, freePerMonth);
    }

    /** As {@link #read(String, long, int)}; {@code newVisitor}: a visitor id made for this request, who has read nothing. */
    Reading read(String reader, boolean newVisitor, long pieceId, int freePerMonth) {
        String month = month();
        if (reader.startsWith(VISITOR) && !visitorsInDatabase)
            return visitors.read(reader, newVisitor, month, pieceId, freePerMonth, now());
        if (newVisitor && freePerMonth > 0) {
            // An id made for this request: nobody else can be counting it, so no lock is needed.
            jdbc.sql("INSERT INTO meter_reads (reader, read_month, piece_id, read_at) VALUES (:r, :m, :p, :at)")
                    .param("r", reader)
                    .param("m", month)
                    .param("p", pieceId)
                    .param("at", now())
                    .update();
            return new Reading(true, freePerMonth - 1);
        }
        Reading reading = transactions.execute(tx -> countLocked(reader, month, pieceId, freePerMonth));
        if (reading != null) return reading;
        try {
            jdbc.sql("INSERT INTO meter_locks (reader, read_month) VALUES (:r, :m)")
                    .param("r", reader)
                    .param("m", month)
                    .update();
        } catch (DuplicateKeyException madeMeanwhile) {
            // another request of the same reader made it first: the lock row is what matters
        }
        return transactions.execute(tx -> countLocked(reader, month, pieceId, freePerMonth));
    }

    /** Counts the read under the lock on the reader's month; null when the month has no lock row yet. */
    private Reading countLocked(String reader, String month, long pieceId, int freePerMonth) {
        List<String> lock = jdbc.sql("SELECT reader FROM meter_locks WHERE reader = :r AND read_month = :m FOR UPDATE")
                .param("r", reader)
                .param("m", month)
                .query(String.class)
                .list();
        if (lock.isEmpty()) return null;
        // One read of the month answers both questions (counted already? how many used?).
        List<Long> counted = jdbc.sql("SELECT piece_id FROM meter_reads WHERE reader = :r AND read_month = :m")
                .param("r", reader)
                .param("m", month)
                .query(Long.class)
                .list();
        int used = counted.size();
        if (counted.contains(pieceId)) return new Reading(true, Math.max(0, freePerMonth - used));
        if (used >= freePerMonth) return new Reading(false, 0);
        jdbc.sql("INSERT INTO meter_reads (reader, read_month, piece_id, read_at) VALUES (:r, :m, :p, :at)")
                .param("r", reader)
                .param("m", month)
                .param("p", pieceId)
                .param("at", now())
                .update();
        return new Reading(true, Math.max(0, freePerMonth - used - 1));
    }

    /** Free pieces left this month without counting anything. */
    public int left(String reader, int freePerMonth) {
        String month = month();
        return Math.max(
                0,
                freePerMonth
                        - (reader.startsWith(VISITOR) && !visitorsInDatabase
                                ? visitors.used(reader, month)
                                : used(reader, month)));
    }

    /** Writes visitors' reads counted so far to the database (they are written every half second anyway). */
    public int flush() {
        return visitors.write();
    }

    /**
     * Forgets meter rows of months before last month: they decide nothing any more, and every
     * cookieless visitor (crawlers included) leaves a row. Last month stays for the data export.
     */
    @Scheduled(cron = "${sitrep.meter.prune-cron:0 17 3 * * *}")
    @SchedulerLock(name = "paywall.forget-old-months", lockAtMostFor = JobLeases.LEASE)
    public void forgetOldMonthsOnOneInstance() {
        forgetOldMonths(); // the lease needs a method that returns nothing (ShedLock cannot lock one returning a count)
    }

    /** As the daily job does, at once and on this instance; returns how many reads were deleted. */
    public int forgetOldMonths() {
        String lastMonth = YearMonth.from(clock.instant().atZone(properties.zone()))
                .minusMonths(1)
                .toString();
        visitors.write(); // else old months' reads still waiting would be written after the delete
        jdbc.sql("DELETE FROM meter_locks WHERE read_month < :m")
                .param("m", lastMonth)
                .update();
        return jdbc.sql("DELETE FROM meter_reads WHERE read_month < :m")
                .param("m", lastMonth)
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private int used(String reader, String month) {
        return jdbc.sql("SELECT COUNT(*) FROM meter_reads WHERE reader = :r AND read_month = :m")
                .param("r", reader)
                .param("m", month)
                .query(Long.class)
                .single()
                .intValue();
    }
}
