package org.sitrep.monitors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.sitrep.common.SendLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The send log of digests and surge alerts ({@code monitor_mails}, a row per mail), kept by the one resumable send
 * log, {@link SendLog}, as newsletters keep theirs (docs/newsletters.md, "The send log"): a mail is claimed (QUEUED → SENDING) in a commit of its own before it goes
 * to the server, and its verdict (SENT, FAILED) is the next commit. A row still SENDING when a run begins was in
 * flight when a run died: it becomes UNKNOWN and is never sent again. So nobody gets a mail twice, and a crash
 * leaves at most the one mail in hand in doubt.
 */
@Component
class MonitorMails {
    static final String IN_DOUBT = SendLog.IN_DOUBT;

    /** One queued mail. */
    record Mail(
            long id,
            long monitorId,
            String kind,
            Instant since,
            Instant until,
            String area,
            String message,
            String state) {
        boolean digest() {
            return "digest".equals(kind);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SendLog log;

    MonitorMails(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.log = new SendLog(jdbc, clock, "monitor_mails");
    }

    /** Queues a digest of the changes in [since, until) and moves the monitor's window on, in one transaction. */
    boolean queueDigest(Monitors monitors, Monitor m, Instant until) {
        Boolean done = tx.execute(s -> {
            if (!monitors.moveDigestWindow(m.id(), m.digestSince(), until)) return false;
            jdbc.sql("INSERT INTO monitor_mails (monitor_id, kind, since_at, until_at, state, created_at) "
                            + "VALUES (:m, 'digest', :since, :until, 'QUEUED', :now)")
                    .param("m", m.id())
                    .param("since", utc(m.digestSince()))
                    .param("until", utc(until))
                    .param("now", now())
                    .update();
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    void queueSurge(long monitorId, String area, String message) {
        jdbc.sql("INSERT INTO monitor_mails (monitor_id, kind, area, message, state, created_at) "
                        + "VALUES (:m, 'surge', :area, :message, 'QUEUED', :now)")
                .param("m", monitorId)
                .param("area", area)
                .param("message", message)
                .param("now", now())
                .update();
    }

    /** Whether this monitor alerted on this area after {@code since} (at most one alert an area a week). */
    boolean alertedSince(long monitorId, String area, Instant since) {
        return jdbc.sql(
                                "SELECT COUNT(*) FROM monitor_mails WHERE monitor_id = :m AND kind = 'surge' AND area = :area AND created_at > :since")
                        .param("m", monitorId)
                        .param("area", area)
                        .param("since", utc(since))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Rows a dead run left claimed: UNKNOWN, never resent. */
    int markInDoubt() {
        return log.markInDoubt(SendLog.Rows.of("1 = 1"));
    }

    List<Long> queued(int max) {
        return jdbc.sql("SELECT id FROM monitor_mails WHERE state = 'QUEUED' ORDER BY id FETCH FIRST " + max
                        + " ROWS ONLY")
                .query(Long.class)
                .list();
    }

    /**
     * Claims a queued mail (its own commit) if {@code stillWanted} says its reader still wants it and may have it;
     * otherwise marks it SKIPPED. Empty when it is not to be sent (skipped, or claimed by someone else).
     */
    Optional<Mail> claim(long id, LongPredicate stillWanted, String skippedBecause) {
        return Optional.ofNullable(tx.execute(s -> {
            Mail m = jdbc.sql("SELECT * FROM monitor_mails WHERE id = :id AND state = 'QUEUED'")
                    .param("id", id)
                    .query(MonitorMails::row)
                    .optional()
                    .orElse(null);
            if (m == null) return null;
            if (!stillWanted.test(m.monitorId())) {
                log.skipped(mail(id), "QUEUED", skippedBecause);
                return null;
            }
            return log.claim(mail(id)) ? m : null;
        }));
    }

    void sent(long id) {
        log.sent(mail(id));
    }

    void failed(long id, String problem) {
        log.failed(mail(id), problem);
    }

    /** Claimed but never handed over (the server could not be reached): back to the queue. */
    void release(long id) {
        log.release(mail(id));
    }

    /** Claimed, then found to have nothing to say (every change since withdrawn): not sent. */
    void nothingToSay(long id, String why) {
        log.skipped(mail(id), "SENDING", why);
    }

    /** This mail's row of the send log. */
    private static SendLog.Rows mail(long id) {
        return SendLog.Rows.of("id = :id", "id", id);
    }

    /** The states of a monitor's mails, newest first: for its page and for tests. */
    List<Mail> of(long monitorId) {
        return jdbc.sql("SELECT * FROM monitor_mails WHERE monitor_id = :m ORDER BY id DESC")
                .param("m", monitorId)
                .query(MonitorMails::row)
                .list();
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Mail row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime since = rs.getObject("since_at", OffsetDateTime.class),
                until = rs.getObject("until_at", OffsetDateTime.class);
        return new Mail(
                rs.getLong("id"),
                rs.getLong("monitor_id"),
                rs.getString("kind"),
                since == null ? null : since.toInstant(),
                until == null ? null : until.toInstant(),
                rs.getString("area"),
                rs.getString("message"),
                rs.getString("state"));
    }
}
