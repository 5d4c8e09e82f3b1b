package org.sitrep.monitors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.EventFilterParams;
import org.sitrep.intel.InvalidEventFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Readers' monitors: saved, listed, changed and deleted by their owner only. */
@Service
public class Monitors {
    /** More than this many monitors for one reader is refused: each costs queries on every check. */
    static final int MAX_PER_READER = 50;

    static final int MAX_NAME = 200;

    /** Why a monitor could not be saved, per form field. */
    static class Refused extends RuntimeException {
        final Map<String, String> errors;

        Refused(Map<String, String> errors) {
            super(String.join("; ", errors.values()));
            this.errors = errors;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Monitors(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Saves a view. {@code query} is the view's query string (as the form carried it): read by the shared filter
     * parser, so what is stored is what the tracker and the API accept, and written back without dates.
     */
    public Monitor create(long userId, String name, String query, String digest, boolean alerts) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) errors.put("name", "Give the monitor a name.");
        else if (cleanName.length() > MAX_NAME) errors.put("name", "A name has at most " + MAX_NAME + " characters.");
        Monitor.Digest d = Monitor.Digest.of(digest);
        if (d == null) errors.put("digest", "Choose no digest, daily or weekly.");
        String filter = null;
        try {
            filter = normalised(query);
        } catch (InvalidEventFilter e) {
            errors.put("filter", "The view cannot be saved: " + e.getMessage() + ".");
        }
        if (count(userId) >= MAX_PER_READER)
            errors.put("name", "You have " + MAX_PER_READER + " monitors: delete one first.");
        if (!errors.isEmpty()) throw new Refused(errors);
        OffsetDateTime now = now();
        org.springframework.jdbc.support.GeneratedKeyHolder key =
                new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO monitors (user_id, name, filter, digest, alerts, digest_since, created_at) "
                        + "VALUES (:u, :name, :filter, :digest, :alerts, :now, :now)")
                .param("u", userId)
                .param("name", cleanName)
                .param("filter", filter)
                .param("digest", d.dbValue())
                .param("alerts", alerts)
                .param("now", now)
                .update(key, "id");
        return find(key.getKeyAs(Number.class).longValue()).orElseThrow();
    }

    /** The query string as the shared parser reads it, dates left out; an {@link InvalidEventFilter} when it is not a filter. */
    static String normalised(String query) {
        EventFilter f = EventFilterParams.of(Monitor.parameters(query)).filter().withDates(null, null);
        return EventFilterParams.queryString(f);
    }

    public List<Monitor> of(long userId) {
        return jdbc.sql("SELECT * FROM monitors WHERE user_id = :u ORDER BY id")
                .param("u", userId)
                .query(Monitors::row)
                .list();
    }

    public Optional<Monitor> find(long id) {
        return jdbc.sql("SELECT * FROM monitors WHERE id = :id")
                .param("id", id)
                .query(Monitors::row)
                .optional();
    }

    /** The owner's monitor; empty for anyone else's (answered as "not found", so ids reveal nothing). */
    public Optional<Monitor> ownedBy(long userId, long id) {
        return find(id).filter(m -> m.userId() == userId);
    }

    /** Changes the digest and alerts of the owner's monitor; false when it is not theirs. */
    public boolean change(long userId, long id, Monitor.Digest digest, boolean alerts) {
        return jdbc.sql("UPDATE monitors SET digest = :d, alerts = :a WHERE id = :id AND user_id = :u")
                        .param("d", digest.dbValue())
                        .param("a", alerts)
                        .param("id", id)
                        .param("u", userId)
                        .update()
                == 1;
    }

    public boolean delete(long userId, long id) {
        return jdbc.sql("DELETE FROM monitors WHERE id = :id AND user_id = :u")
                        .param("id", id)
                        .param("u", userId)
                        .update()
                == 1;
    }

    /** The one-click unsubscribe: the digest off, or the surge alerts off. */
    void stopDigest(long id) {
        jdbc.sql("UPDATE monitors SET digest = 'none' WHERE id = :id")
                .param("id", id)
                .update();
    }

    void stopAlerts(long id) {
        jdbc.sql("UPDATE monitors SET alerts = FALSE WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** Monitors whose digest period has passed since the last one. */
    List<Monitor> digestsDue(Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return jdbc.sql(
                        "SELECT * FROM monitors WHERE (digest = 'daily' AND digest_since <= :day) OR (digest = 'weekly' AND digest_since <= :week) "
                                + "ORDER BY id")
                .param("day", at.minusDays(1))
                .param("week", at.minusDays(7))
                .query(Monitors::row)
                .list();
    }

    /** Monitors with alerts on not checked since {@code before}. */
    List<Monitor> surgeChecksDue(Instant before) {
        return jdbc.sql(
                        "SELECT * FROM monitors WHERE alerts = TRUE AND (surge_checked_at IS NULL OR surge_checked_at <= :before) ORDER BY id")
                .param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                .query(Monitors::row)
                .list();
    }

    /** Moves the digest window on, only from where it was (two checkers cannot both move it). */
    boolean moveDigestWindow(long id, Instant from, Instant to) {
        return jdbc.sql("UPDATE monitors SET digest_since = :to WHERE id = :id AND digest_since = :from")
                        .param("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                        .param("id", id)
                        .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                        .update()
                == 1;
    }

    void surgeChecked(long id, Instant at) {
        jdbc.sql("UPDATE monitors SET surge_checked_at = :at WHERE id = :id")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    private long count(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM monitors WHERE user_id = :u")
                .param("u", userId)
                .query(Long.class)
                .single();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Monitor row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime checked = rs.getObject("surge_checked_at", OffsetDateTime.class);
        Monitor.Digest digest = Monitor.Digest.of(rs.getString("digest"));
        return new Monitor(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("name"),
                rs.getString("filter"),
                digest == null ? Monitor.Digest.NONE : digest,
                rs.getBoolean("alerts"),
                rs.getObject("digest_since", OffsetDateTime.class).toInstant(),
                checked == null ? null : checked.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
