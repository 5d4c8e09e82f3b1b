package org.sitrep.newsletters;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.sitrep.members.ReaderAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-recipient send log ({@code newsletter_sends}) as a send moves through it, one recipient at
 * a time on each connection: the verdict on the copy just handed to the SMTP server and the claim of
 * the next one are one commit. A crash therefore leaves at most one recipient per connection
 * claimed but without a verdict, and those are the only ones a resumed send cannot be sure about.
 */
@Component
class SendLog {
    static final String IN_DOUBT = "interrupted while sending: may or may not have arrived; not sent again";
    static final String LEFT = "no longer opted in (or no longer entitled) when their copy was due; not sent";

    /** What the server said about one handed-over copy: delivered, or refused with a reason. */
    record Verdict(long userId, String problem) {
        static Verdict delivered(long userId) { return new Verdict(userId, null); }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ReaderAccounts readers;

    SendLog(JdbcClient jdbc, TransactionTemplate tx, Clock clock, ReaderAccounts readers) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.readers = readers;
    }

    /** Rows still claimed when a run begins were in flight when an earlier run died: UNKNOWN, never resent. */
    int markInDoubt(long issueId) {
        return jdbc.sql("UPDATE newsletter_sends SET state = 'UNKNOWN', error = :e WHERE issue_id = :i AND state = 'SENDING'")
                .param("e", IN_DOUBT).param("i", issueId).update();
    }

    List<Long> queued(long issueId) {
        return jdbc.sql("SELECT user_id FROM newsletter_sends WHERE issue_id = :i AND state = 'QUEUED' ORDER BY user_id")
                .param("i", issueId).query(Long.class).list();
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
                    && jdbc.sql("UPDATE newsletter_sends SET state = 'SENDING', attempt = attempt + 1 "
                                    + "WHERE issue_id = :i AND user_id = :u AND state = 'QUEUED' AND EXISTS (SELECT 1 FROM "
                                    + "newsletter_subscriptions ns WHERE ns.user_id = :u AND ns.newsletter_id = :n)")
                            .param("i", issueId).param("u", next).param("n", newsletter.id()).update() == 1) {
                return true;
            }
            jdbc.sql("UPDATE newsletter_sends SET state = 'SKIPPED', error = :e WHERE issue_id = :i AND user_id = :u AND state = 'QUEUED'")
                    .param("e", LEFT).param("i", issueId).param("u", next).update();
            return false;
        });
        return Boolean.TRUE.equals(claimed);
    }

    private void record(long issueId, Verdict v) {
        if (v.problem() == null) {
            jdbc.sql("UPDATE newsletter_sends SET state = 'SENT', sent_at = :now, error = NULL WHERE issue_id = :i AND user_id = :u "
                            + "AND state = 'SENDING'")
                    .param("now", now()).param("i", issueId).param("u", v.userId()).update();
        } else {
            String problem = v.problem().length() > 1000 ? v.problem().substring(0, 1000) : v.problem();
            jdbc.sql("UPDATE newsletter_sends SET state = 'FAILED', error = :e WHERE issue_id = :i AND user_id = :u AND state = 'SENDING'")
                    .param("e", problem).param("i", issueId).param("u", v.userId()).update();
        }
    }

    /** A claimed row never handed to the server (it could not be reached) goes back to the queue. */
    void release(long issueId, long userId) {
        jdbc.sql("UPDATE newsletter_sends SET state = 'QUEUED', attempt = attempt - 1 WHERE issue_id = :i AND user_id = :u "
                        + "AND state = 'SENDING'")
                .param("i", issueId).param("u", userId).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
