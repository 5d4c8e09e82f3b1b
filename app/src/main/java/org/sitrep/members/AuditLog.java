package org.sitrep.members;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What administrators (and readers deleting themselves) did, kept for accountability. */
@Service
public class AuditLog {
    public record Entry(long id, Instant at, String actor, String action, String target, String detail) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, String detail) {
        jdbc.sql(
                        "INSERT INTO audit_log (happened_at, actor, action, target, detail) VALUES (:at, :actor, :action, :target, :detail)")
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("actor", actor == null ? "system" : actor)
                .param("action", action)
                .param("target", clip(target, 500))
                .param("detail", clip(detail, 4000))
                .update();
    }

    public List<Entry> recent(int offset, int limit) {
        return jdbc.sql(
                        "SELECT id, happened_at, actor, action, target, detail FROM audit_log ORDER BY happened_at DESC, id DESC "
                                + "OFFSET :o ROWS FETCH NEXT :l ROWS ONLY")
                .param("o", offset)
                .param("l", limit)
                .query((rs, n) -> new Entry(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
