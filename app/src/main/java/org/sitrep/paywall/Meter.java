package org.sitrep.paywall;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.sitrep.common.SitrepProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Free pieces per calendar month (in the publication's time zone), counted on the server per
 * reader ("u:<user id>" or "v:<visitor id>") and piece: a piece already counted this month is
 * free to read again. Members' reads are written at once; anonymous visitors' are counted in
 * memory and written in batches ({@link VisitorReads}).
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

    Meter(JdbcClient jdbc, Clock clock, SitrepProperties properties, VisitorReads visitors) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.visitors = visitors;
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
        if (reader.startsWith(VISITOR)) return visitors.read(reader, newVisitor, month, pieceId, freePerMonth, now());
        // A member: one read of the month answers both questions (counted already? how many used?).
        List<Long> counted = jdbc.sql("SELECT piece_id FROM meter_reads WHERE reader = :r AND read_month = :m")
                .param("r", reader).param("m", month).query(Long.class).list();
        int used = counted.size();
        if (counted.contains(pieceId)) return new Reading(true, Math.max(0, freePerMonth - used));
        if (used >= freePerMonth) return new Reading(false, 0);
        try {
            jdbc.sql("INSERT INTO meter_reads (reader, read_month, piece_id, read_at) VALUES (:r, :m, :p, :at)")
                    .param("r", reader).param("m", month).param("p", pieceId)
                    .param("at", now()).update();
            used++;
        } catch (DuplicateKeyException sameTimeSamePiece) {
            // the same reader opened the piece twice at once: counted once, which is right
            used = used(reader, month);
        }
        return new Reading(true, Math.max(0, freePerMonth - used));
    }

    /** Free pieces left this month without counting anything. */
    public int left(String reader, int freePerMonth) {
        String month = month();
        return Math.max(0, freePerMonth - (reader.startsWith(VISITOR) ? visitors.used(reader, month) : used(reader, month)));
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
    public int forgetOldMonths() {
        String lastMonth = YearMonth.from(clock.instant().atZone(properties.zone())).minusMonths(1).toString();
        visitors.write(); // else old months' reads still waiting would be written after the delete
        return jdbc.sql("DELETE FROM meter_reads WHERE read_month < :m").param("m", lastMonth).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private int used(String reader, String month) {
        return jdbc.sql("SELECT COUNT(*) FROM meter_reads WHERE reader = :r AND read_month = :m")
                .param("r", reader).param("m", month).query(Long.class).single().intValue();
    }
}
