package org.sitrep.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The feeds and web pages the desk follows: each polled every few minutes, with the validators of
 * its last response for conditional GET, and after failures an exponential back-off (twice the
 * interval, four times, … up to {@code sitrep.ingest.max-backoff}) with the last error kept.
 */
@Service
public class Sources {
    public enum Kind {
        FEED,
        PAGE;

        public String db() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param fetchLinked for a feed: fetch each new entry's linked page and take the article from it */
    public record Source(
            long id,
            String name,
            Kind kind,
            String url,
            int pollMinutes,
            boolean active,
            String etag,
            String lastModified,
            Instant nextPollAt,
            Instant lastPolledAt,
            Instant lastSuccessAt,
            int failures,
            String lastError,
            boolean fetchLinked) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IngestSettings settings;

    Sources(JdbcClient jdbc, Clock clock, IngestSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    public List<Source> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ingest_sources ORDER BY name, id")
                .query(Sources::source)
                .list();
    }

    public Optional<Source> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ingest_sources WHERE id = :id")
                .param("id", id)
                .query(Sources::source)
                .optional();
    }

    /** Adds a source, due at once. */
    public long add(String name, Kind kind, String url, int pollMinutes, boolean active, boolean fetchLinked) {
        check(name, url, pollMinutes);
        org.springframework.jdbc.support.GeneratedKeyHolder key =
                new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO ingest_sources (name, kind, url, poll_minutes, active, fetch_linked, next_poll_at, failures, "
                                + "created_at) VALUES (:name, :kind, :url, :poll, :active, :linked, :now, 0, :now)")
                .param("name", name.strip())
                .param("kind", kind.db())
                .param("url", url.strip())
                .param("poll", pollMinutes)
                .param("active", active)
                .param("linked", fetchLinked)
                .param("now", now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Changes a source; a changed URL forgets the old validators, re-activating makes it due at once. */
    public void update(long id, String name, String url, int pollMinutes, boolean active, boolean fetchLinked) {
        check(name, url, pollMinutes);
        Source old = find(id).orElseThrow(() -> new BadInput("no such source"));
        boolean newUrl = !old.url().equals(url.strip());
        jdbc.sql("UPDATE ingest_sources SET name = :name, url = :url, poll_minutes = :poll, active = :active, "
                        + "fetch_linked = :linked"
                        + (newUrl ? ", etag = NULL, last_modified = NULL" : "")
                        + (newUrl || active && !old.active() ? ", next_poll_at = :now, failures = 0" : "")
                        + " WHERE id = :id")
                .param("name", name.strip())
                .param("url", url.strip())
                .param("poll", pollMinutes)
                .param("active", active)
                .param("linked", fetchLinked)
                .param("now", now())
                .param("id", id)
                .update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM ingest_sources WHERE id = :id").param("id", id).update();
    }

    /** Makes a source due now ("poll now" in the admin). */
    public void pollSoon(long id) {
        jdbc.sql("UPDATE ingest_sources SET next_poll_at = :now WHERE id = :id")
                .param("now", now())
                .param("id", id)
                .update();
    }

    /** Active sources whose next poll time has come. */
    List<Source> due() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ingest_sources WHERE active = TRUE AND next_poll_at <= :now "
                        + "ORDER BY next_poll_at, id")
                .param("now", now())
                .query(Sources::source)
                .list();
    }

    /** The poll went through (a 200 or a 304): validators kept, back-off over. */
    void succeeded(Source s, String etag, String lastModified) {
        OffsetDateTime now = now();
        jdbc.sql("UPDATE ingest_sources SET etag = :etag, last_modified = :modified, failures = 0, last_error = NULL, "
                        + "last_polled_at = :now, last_success_at = :now, next_poll_at = :next WHERE id = :id")
                .param("etag", Intake.cut(etag, 500))
                .param("modified", Intake.cut(lastModified, 100))
                .param("now", now)
                .param("next", now.plus(Duration.ofMinutes(s.pollMinutes())))
                .param("id", s.id())
                .update();
    }

    /** The poll failed: wait longer each time, up to the cap. */
    void failed(Source s, String error) {
        OffsetDateTime now = now();
        int failures = s.failures() + 1;
        jdbc.sql("UPDATE ingest_sources SET failures = :failures, last_error = :error, last_polled_at = :now, "
                        + "next_poll_at = :next WHERE id = :id")
                .param("failures", failures)
                .param("error", Intake.cut(error, 2000))
                .param("now", now)
                .param("next", now.plus(backoff(s.pollMinutes(), failures)))
                .param("id", s.id())
                .update();
    }

    /** After {@code failures} failures in a row: the interval times 2^failures, capped. */
    Duration backoff(int pollMinutes, int failures) {
        Duration d = Duration.ofMinutes(pollMinutes);
        for (int i = 0; i < failures && d.compareTo(settings.maxBackoff()) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
    }

    private static void check(String name, String url, int pollMinutes) {
        if (name == null || name.isBlank()) throw new BadInput("A source needs a name.");
        if (name.strip().length() > 200) throw new BadInput("The name is longer than 200 characters.");
        if (url == null || url.strip().length() > 2000) throw new BadInput("The address is missing or too long.");
        Fetcher.webUri(url);
        if (pollMinutes < 1 || pollMinutes > 7 * 24 * 60) throw new BadInput("Poll every 1 to 10080 minutes.");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static final String COLUMNS =
            "id, name, kind, url, poll_minutes, active, etag, last_modified, next_poll_at, "
                    + "last_polled_at, last_success_at, failures, last_error, fetch_linked";

    private static Source source(ResultSet rs, int n) throws SQLException {
        return new Source(
                rs.getLong(1),
                rs.getString(2),
                Kind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                rs.getString(4),
                rs.getInt(5),
                rs.getBoolean(6),
                rs.getString(7),
                rs.getString(8),
                IngestedStories.instant(rs, 9),
                IngestedStories.instant(rs, 10),
                IngestedStories.instant(rs, 11),
                rs.getInt(12),
                rs.getString(13),
                rs.getBoolean(14));
    }
}
