package org.sitrep.newsletters;

import java.time.Clock;
import java.util.List;
import org.sitrep.common.SendLog.Rows;
import org.sitrep.members.ReaderAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An issue's send log ({@code newsletter_sends}, a row per recipient), kept by the one resumable send log,
 * {@link org.sitrep.common.SendLog}, which monitors' digests use too: one recipient at a time on each connection,
 * the verdict on the copy just handed to the SMTP server and the claim of the next one are one commit. A crash
 * therefore leaves at most one recipient per connection claimed but without a verdict, and those are the only ones
 * a resumed send cannot be sure about.
 */
@Component
class SendLog {
    static final String IN_DOUBT = org.sitrep.common.SendLog.IN_DOUBT;
    static final String LEFT = "no longer opted in (or no longer entitled) when their copy was due; not sent";

    /** What the server said about one handed-over copy: delivered, or refused with a reason. */
    record Verdict(long userId, String problem) {
        static Verdict delivered(long userId) {
            return new Verdict(userId, null);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ReaderAccounts readers;
    private final org.sitrep.common.SendLog log;

    SendLog(JdbcClient jdbc, TransactionTemplate tx, Clock clock, ReaderAccounts readers) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.readers = readers;
        this.log = new org.sitrep.common.SendLog(jdbc, clock, "newsletter_sends");
    }

    /** Rows still claimed when a run begins were in flight when an earlier run died: UNKNOWN, never resent. */
    int markInDoubt(long issueId) {
        return log.markInDoubt(Rows.of("issue_id = :i", "i", issueId));
    }

    List<Long> queued(long issueId) {
        return jdbc.sql(
                        "SELECT user_id FROM newsletter_sends WHERE issue_id = :i AND state = 'QUEUED' ORDER BY user_id")
                .param("i", issueId)
                .query(Long.class)
                .list();
    }

    /**
     * In one transaction: records {@code previous} (if any), then claims {@code next} (if any) when
     * the reader is still in the newsletter's audience now, or marks it SKIPPED when they opted out
     * (or lost access) since the send began. True when {@code next} was claimed and may be sent.
     */
    boolean recordAndClaim(long issueId, Newsletter newsletter, Verdict previous, Long next) {
        Boolean claimed = tx.execute(status -> {
            if (previous != null) record(issueId, previous);
            if (next == null) return false;
            // Still entitled (members' answer: an enabled account, paying now for a paid newsletter), and
            // still opted in: asked in the claim itself, so an opt-out committed before it counts.
            if (readers.inGoodStanding(next, newsletter.paid())
                    && log.claim(Rows.of(
                            "issue_id = :i AND user_id = :u AND EXISTS "
                                    + "(SELECT 1 FROM newsletter_subscriptions ns WHERE ns.user_id = :u AND ns.newsletter_id = :n)",
                            "i",
                            issueId,
                            "u",
                            next,
                            "n",
                            newsletter.id()))) {
                return true;
            }
            log.skipped(row(issueId, next), "QUEUED", LEFT);
            return false;
        });
        return Boolean.TRUE.equals(claimed);
    }

    private void record(long issueId, Verdict v) {
        if (v.problem() == null) {
            log.sent(row(issueId, v.userId()));
        } else {
            log.failed(row(issueId, v.userId()), v.problem());
        }
    }

    /** A claimed row never handed to the server (it could not be reached) goes back to the queue. */
    void release(long issueId, long userId) {
        log.release(row(issueId, userId));
    }

    private static Rows row(long issueId, long userId) {
        return Rows.of("issue_id = :i AND user_id = :u", "i", issueId, "u", userId);
    }
}
