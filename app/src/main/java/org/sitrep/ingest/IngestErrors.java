package org.sitrep.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Feeds, pages and files that could not be taken in, with the reason, for the admin to see. */
@Service
public class IngestErrors {
    private static final Logger log = LoggerFactory.getLogger(IngestErrors.class);

    public record Error(
            long id, Long sourceId, String sourceName, String location, String reason, Instant occurredAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    IngestErrors(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Long sourceId, String sourceName, String location, String reason) {
        log.info("Ingest error ({}, {}): {}", sourceName, location, reason);
        jdbc.sql("INSERT INTO ingest_errors (source_id, source_name, location, reason, occurred_at) "
                        + "VALUES (:source, :name, :location, :reason, :now)")
                .param("source", sourceId)
                .param("name", Intake.cut(sourceName, 300))
                .param("location", Intake.cut(location == null ? "" : location, 2000))
                .param("reason", Intake.cut(reason == null ? "unknown error" : reason, 2000))
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    public List<Error> latest(int limit) {
        return jdbc.sql("SELECT id, source_id, source_name, location, reason, occurred_at FROM ingest_errors "
                        + "ORDER BY occurred_at DESC, id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
                .query((rs, n) -> {
                    long source = rs.getLong(2);
                    return new Error(
                            rs.getLong(1),
                            rs.wasNull() ? null : source,
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            IngestedStories.instant(rs, 6));
                })
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM ingest_errors").query(Long.class).single();
    }
}
