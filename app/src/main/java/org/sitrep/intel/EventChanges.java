package org.sitrep.intel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What changed since a moment, for whoever keeps a copy of the events (an API client, a monitor's digest): the
 * events added or changed, oldest change first, and the ids of events that left the shown set (rejected, merged
 * into another, or withdrawn: a machine event the engine no longer finds, deleted by {@link AnalysisStore}).
 *
 * <p>Both are keyset-paged on (change time, id), so a client walks forward from its last visit in pages of
 * constant cost. A change is stamped with the application clock inside its transaction and becomes visible at
 * commit, a moment later: a client should ask again from a little before the newest time it saw (the docs say a
 * few minutes), and recognise a row it already has by its id and version.
 */
@Service
public class EventChanges {

    /** An event that left the set: why ({@code rejected}, {@code merged} or {@code withdrawn}) and when. */
    public record Removal(long id, String reason, Long mergedInto, Instant at) {}

    /** A page of removals and the cursor of the next page (null on the last). */
    public record RemovalPage(List<Removal> removals, String nextCursor) {}

    private final JdbcClient jdbc;

    public EventChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Events matching the filter whose last change was at or after {@code since}, oldest change first (then by id);
     * {@code cursor} is the previous page's, null for the first.
     */
    public EventPage changedSince(EventFilter filter, Instant since, String cursor, int limit) {
        if (limit < 1 || limit > EventSearch.MAX_PAGE)
            throw new InvalidEventFilter("limit must be between 1 and " + EventSearch.MAX_PAGE);
        Position after = Position.decode("changed", cursor);
        EventSearch.Where where = EventSearch.where(filter);
        where.add("e.updated_at >= :since");
        where.params.put("since", utc(since));
        if (after != null) {
            where.add("(e.updated_at > :afterAt OR (e.updated_at = :afterAt AND e.id > :afterId))");
            where.params.put("afterAt", utc(after.at()));
            where.params.put("afterId", after.id());
        }
        List<TrackedEvent> rows = jdbc.sql("SELECT " + EventRows.SELECT
                        + " FROM intel_events e JOIN intel_documents d ON d.id = e.document_id" + where.sql()
                        + " ORDER BY e.updated_at, e.id FETCH FIRST " + (limit + 1) + " ROWS ONLY")
                .params(where.params)
                .query(EventRows::event)
                .list();
        if (rows.size() <= limit) return new EventPage(List.copyOf(rows), null);
        TrackedEvent last = rows.get(limit - 1);
        return new EventPage(
                List.copyOf(rows.subList(0, limit)), new Position(last.updatedAt(), last.id()).encode("changed"));
    }

    /** Events rejected, merged or withdrawn at or after {@code since}, oldest first (then by id). */
    public RemovalPage removedSince(Instant since, String cursor, int limit) {
        if (limit < 1 || limit > EventSearch.MAX_PAGE)
            throw new InvalidEventFilter("limit must be between 1 and " + EventSearch.MAX_PAGE);
        Position after = Position.decode("removed", cursor);
        String keyset = after == null ? "" : " AND (x.at > :afterAt OR (x.at = :afterAt AND x.id > :afterId))";
        var sql = jdbc.sql("""
                        SELECT x.id, x.reason, x.merged_into, x.at FROM (
                            SELECT w.event_id AS id, 'withdrawn' AS reason, CAST(NULL AS BIGINT) AS merged_into, w.withdrawn_at AS at
                            FROM intel_event_withdrawals w WHERE w.withdrawn_at >= :since
                            UNION ALL
                            SELECT e.id, e.review_state, e.merged_into, e.updated_at FROM intel_events e
                            WHERE e.review_state IN ('rejected', 'merged') AND e.updated_at >= :since
                        ) x WHERE 1 = 1""" + keyset + " ORDER BY x.at, x.id FETCH FIRST " + (limit + 1) + " ROWS ONLY")
                .param("since", utc(since));
        if (after != null) sql = sql.param("afterAt", utc(after.at())).param("afterId", after.id());
        List<Removal> rows = new ArrayList<>(sql.query((rs, n) -> new Removal(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, Long.class),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list());
        if (rows.size() <= limit) return new RemovalPage(List.copyOf(rows), null);
        Removal last = rows.get(limit - 1);
        return new RemovalPage(
                List.copyOf(rows.subList(0, limit)), new Position(last.at(), last.id()).encode("removed"));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** Where a page ended: the change time and id of its last row, opaque to clients and tied to its list. */
    private record Position(Instant at, long id) {
        String encode(String list) {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((list + "/" + at + "/" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String list, String text) {
            if (text == null || text.isBlank()) return null;
            try {
                String[] parts =
                        new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8).split("/", -1);
                if (parts.length == 3 && parts[0].equals(list))
                    return new Position(Instant.parse(parts[1]), Long.parseLong(parts[2]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // answered below
            }
            throw new InvalidEventFilter("cursor is not one this server gave out");
        }
    }
}
