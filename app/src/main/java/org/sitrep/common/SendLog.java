package org.sitrep.common;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one resumable send log, used for newsletter issues ({@code newsletter_sends}, a row per reader) and for
 * monitors' digests and alerts ({@code monitor_mails}, a row per mail). Each row moves QUEUED → SENDING (claimed,
 * in a commit of its own, before the message goes to the SMTP server) → SENT or FAILED; SKIPPED when it is not to
 * be sent after all. A row still SENDING when a run begins was in flight when a run died ({@code kill -9}, a
 * crash): it becomes UNKNOWN and is never sent again. So nobody gets a mail twice, and a crash leaves in doubt at
 * most the mails in hand, one per connection. Every move is conditional on the state it leaves, so two runs that
 * meet cannot both move a row.
 *
 * <p>The table needs {@code state}, {@code attempt}, {@code sent_at} and {@code error}; which rows a call means is
 * the caller's ({@link Rows}), the moves are this class's. Callers run {@link #claim} inside their own transaction
 * when it must share a commit with something else (newsletters record the last verdict and claim the next in one).
 */
public final class SendLog {
    /** Why a row is UNKNOWN. */
    public static final String IN_DOUBT = "interrupted while sending: may or may not have arrived; not sent again";

    /** Which rows of the log: an SQL condition on the table's own columns and its named parameters. */
    public record Rows(String where, Map<String, Object> params) {
        /** {@code where} with parameters given as name, value, name, value… */
        public static Rows of(String where, Object... namesAndValues) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = 0; i + 1 < namesAndValues.length; i += 2)
                params.put((String) namesAndValues[i], namesAndValues[i + 1]);
            return new Rows(where, params);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String table;

    /** The log kept in {@code table} (a name fixed in the caller's code, never input). */
    public SendLog(JdbcClient jdbc, Clock clock, String table) {
        if (!table.matches("[a-z_]+")) throw new IllegalArgumentException("not a table name: " + table);
        this.jdbc = jdbc;
        this.clock = clock;
        this.table = table;
    }

    /** Rows still SENDING when a run begins were in flight when an earlier run died: UNKNOWN, never resent. */
    public int markInDoubt(Rows scope) {
        return move(scope, "SENDING", "state = 'UNKNOWN', error = :sendlog_e", IN_DOUBT);
    }

    /** Claims a QUEUED row before its message goes out; true when this call claimed it. */
    public boolean claim(Rows row) {
        return move(row, "QUEUED", "state = 'SENDING', attempt = attempt + 1", null) == 1;
    }

    /** The server took the claimed message. */
    public void sent(Rows row) {
        var update = jdbc.sql("UPDATE " + table + " SET state = 'SENT', sent_at = :sendlog_now, error = NULL WHERE ("
                        + row.where() + ") AND state = 'SENDING'")
                .params(row.params())
                .param("sendlog_now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        update.update();
    }

    /** The server refused the claimed message, or it broke off mid-message (it may have arrived: not retried). */
    public void failed(Rows row, String problem) {
        move(row, "SENDING", "state = 'FAILED', error = :sendlog_e", problem);
    }

    /** Not to be sent after all (the reader left, or there was nothing to say), from {@code fromState} (QUEUED or SENDING). */
    public void skipped(Rows row, String fromState, String why) {
        move(row, fromState, "state = 'SKIPPED', error = :sendlog_e", why);
    }

    /** Claimed but never handed over (the server could not be reached): back to the queue. */
    public void release(Rows row) {
        move(row, "SENDING", "state = 'QUEUED', attempt = attempt - 1", null);
    }

    private int move(Rows rows, String from, String set, String error) {
        var update = jdbc.sql(
                        "UPDATE " + table + " SET " + set + " WHERE (" + rows.where() + ") AND state = :sendlog_from")
                .params(rows.params())
                .param("sendlog_from", from);
        if (set.contains(":sendlog_e")) update = update.param("sendlog_e", clip(error));
        return update.update();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
