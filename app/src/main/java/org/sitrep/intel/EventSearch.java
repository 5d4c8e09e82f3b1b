package org.sitrep.intel;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The read side of stored events: the one place the tracker, the API and the exports filter and page
 * them. Pages are newest first (by the event's earliest date, then id) with keyset cursors, so paging
 * through a million events costs the same on the last page as on the first.
 */
@Service
public class EventSearch {
    public static final int MAX_PAGE = 1000;

    /** Events per day and type, for the timeline. */
    public record DayCount(LocalDate day, String eventType, long count) {}

    /** Events in one admin-1 area (a province, governorate, state) of a country. */
    public record AreaCount(String country, String admin1, long count) {}

    private final JdbcClient jdbc;
    private final EventMapIndex mapIndex;

    public EventSearch(JdbcClient jdbc, EventMapIndex mapIndex) {
        this.jdbc = jdbc;
        this.mapIndex = mapIndex;
    }

    /** One page of events matching the filter; {@code cursor} is null for the first page. */
    public EventPage search(EventFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) throw new InvalidEventFilter("limit must be between 1 and " + MAX_PAGE);
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        EventMapIndex.Match match = mapIndex.match(filter);
        List<TrackedEvent> rows =
                match != null ? pageFromMapIndex(match, after, limit + 1) : pageFromDatabase(filter, after, limit + 1);
        if (rows.size() <= limit) return new EventPage(List.copyOf(rows), null);
        List<TrackedEvent> page = rows.subList(0, limit);
        TrackedEvent last = page.get(limit - 1);
        return new EventPage(List.copyOf(page), new Cursor(last.dateEarliest(), last.id()).encode());
    }

    /**
     * A page's ids from the map index, then those events from the database. An event the index has not caught up
     * with (changed since) fails the filter's re-check and the page asks the index for more.
     */
    private List<TrackedEvent> pageFromMapIndex(EventMapIndex.Match match, Cursor after, int rows) {
        List<TrackedEvent> page = new ArrayList<>(rows);
        Cursor from = after;
        while (page.size() < rows) {
            int wanted = rows - page.size();
            List<EventMapIndex.Hit> hits = mapIndex.page(match, from, wanted);
            if (hits.isEmpty()) break;
            for (TrackedEvent e : byIds(hits.stream().map(EventMapIndex.Hit::id).toList())) {
                if (match.test(e)) page.add(e);
            }
            if (hits.size() < wanted) break;
            EventMapIndex.Hit last = hits.get(hits.size() - 1);
            from = new Cursor(LocalDate.ofEpochDay(last.day()), last.id());
        }
        return page;
    }

    /** The database alone: before the map index is built, and for filters it does not answer (actor, place, source…). */
    List<TrackedEvent> pageFromDatabase(EventFilter filter, Cursor after, int limit) {
        List<TrackedEvent> rows;
        if (filter.bbox() != null
                && filter.from() != null
                && filter.bbox().east() - filter.bbox().west() > NARROW_BOX_DEGREES) {
            // A map view with a date window. Walk the date index newest first through the events that start in the
            // window (or up to WINDOW_SLACK days before it): a page usually fills there, and since pages are ordered by
            // start date, nothing older could come before it. Only a page left short asks again, box index first, for
            // older events still running in the window. (Left to itself, H2 would take the box index every time, and a
            // wide box over a busy region is a quarter of all events.) A narrow box is cheaper by its own index: its
            // longitude band is small, and a date window can hold a year of events.
            LocalDate floor = filter.from().minusDays(WINDOW_SLACK_DAYS);
            Where recent = where(filter, false);
            recent.add("e.date_earliest >= :floor");
            recent.params.put("floor", floor);
            rows = new ArrayList<>(page(recent, after, limit));
            if (rows.size() < limit) {
                Where older = where(filter, true);
                older.add("e.date_earliest < :floor");
                older.params.put("floor", floor);
                Cursor from = rows.isEmpty()
                        ? after
                        : new Cursor(
                                rows.get(rows.size() - 1).dateEarliest(),
                                rows.get(rows.size() - 1).id());
                rows.addAll(page(older, from, limit - rows.size()));
            }
        } else if (filter.bbox() != null
                && filter.bbox().east() - filter.bbox().west() <= NARROW_BOX_DEGREES
                && onlyBoxDatesAndStates(filter)) {
            rows = pageByIds(where(filter, true), after, limit);
        } else {
            rows = page(where(filter, true), after, limit);
        }
        return rows;
    }

    /** Events may run this long before a date window and still be found by the first, date-ordered query of a map view. */
    static final int WINDOW_SLACK_DAYS = 31;
    /** Boxes at most this wide (east-west) are looked up by the box index. */
    static final double NARROW_BOX_DEGREES = 0.5;

    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /** Whether every condition of the filter is in {@code ix_intel_events_box_dates}. */
    private static boolean onlyBoxDatesAndStates(EventFilter f) {
        return f.types().isEmpty()
                && !present(f.actor())
                && !present(f.place())
                && f.gazetteerId() == null
                && f.countries().isEmpty()
                && !present(f.admin1())
                && !present(f.source())
                && f.minConfidence() == null
                && f.documentId() == null;
    }

    /** A page's ids from the covering box index alone, then those events' rows. */
    private List<TrackedEvent> pageByIds(Where where, Cursor after, int rows) {
        cursorCondition(where, after);
        List<Long> ids = jdbc.sql("SELECT e.id FROM intel_events e" + where.sql()
                        + " ORDER BY e.date_earliest DESC, e.id DESC FETCH FIRST " + rows + " ROWS ONLY")
                .params(where.params)
                .query(Long.class)
                .list();
        return byIds(ids);
    }

    /** These events, in page order. */
    private List<TrackedEvent> byIds(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("SELECT " + EventRows.SELECT
                        + " FROM intel_events e JOIN intel_documents d ON d.id = e.document_id"
                        + " WHERE e.id IN (:ids) ORDER BY e.date_earliest DESC, e.id DESC")
                .param("ids", ids)
                .query(EventRows::event)
                .list();
    }

    private List<TrackedEvent> page(Where where, Cursor after, int rows) {
        cursorCondition(where, after);
        return jdbc.sql("SELECT " + EventRows.SELECT
                        + " FROM intel_events e JOIN intel_documents d ON d.id = e.document_id" + where.sql()
                        + " ORDER BY e.date_earliest DESC, e.id DESC FETCH FIRST " + rows + " ROWS ONLY")
                .params(where.params)
                .query(EventRows::event)
                .list();
    }

    public long count(EventFilter filter) {
        EventMapIndex.Match match = mapIndex.match(filter);
        if (match != null) return mapIndex.count(match);
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM intel_events e JOIN intel_documents d ON d.id = e.document_id"
                        + where.sql())
                .params(where.params)
                .query(Long.class)
                .single();
    }

    /** Any event by id, whatever its review state. */
    public Optional<TrackedEvent> find(long id) {
        return jdbc.sql("SELECT " + EventRows.SELECT
                        + " FROM intel_events e JOIN intel_documents d ON d.id = e.document_id WHERE e.id = :id")
                .param("id", id)
                .query(EventRows::event)
                .optional();
    }

    /** The cleaned text of an analysed document: what the events' evidence offsets point into. */
    public Optional<String> documentText(long documentId) {
        return jdbc.sql("SELECT text FROM intel_documents WHERE id = :id")
                .param("id", documentId)
                .query(String.class)
                .optional();
    }

    /** Events per day (by earliest date) and type, oldest day first. */
    public List<DayCount> perDay(EventFilter filter) {
        EventMapIndex.Match match = mapIndex.match(filter);
        if (match != null) return mapIndex.perDay(match);
        Where where = where(filter);
        return jdbc.sql("SELECT e.date_earliest, e.event_type, COUNT(*)" + where.from() + where.sql()
                        + " GROUP BY e.date_earliest, e.event_type ORDER BY e.date_earliest, e.event_type")
                .params(where.params)
                .query((rs, n) -> new DayCount(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /**
     * Events per day and type of the events whose <em>first</em> day is in {@code first..last} (the filter's own dates
     * ignored), oldest first; may also hold days outside the window (the map index answers by overlap), which the
     * caller drops. By first day, the database reads it from {@code ix_intel_events_trends} alone for the filters the
     * map index does not answer (a country, a type): the overlap of {@link #perDay} needs each row's last day.
     */
    public List<DayCount> perFirstDay(EventFilter filter, LocalDate first, LocalDate last) {
        EventMapIndex.Match match = mapIndex.match(filter.withDates(first, last));
        if (match != null) return mapIndex.perDay(match);
        Where where = where(filter.withDates(null, null));
        where.add("e.date_earliest BETWEEN :firstDay AND :lastDay");
        where.params.put("firstDay", first);
        where.params.put("lastDay", last);
        return jdbc.sql("SELECT e.date_earliest, e.event_type, COUNT(*)" + where.from() + where.sql()
                        + " GROUP BY e.date_earliest, e.event_type ORDER BY e.date_earliest, e.event_type")
                .params(where.params)
                .query((rs, n) -> new DayCount(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** Events matching the filter per admin-1 area; events whose area is not known are left out. */
    public List<AreaCount> perArea(EventFilter filter) {
        Where where = where(filter);
        where.add("e.admin1 IS NOT NULL AND e.country IS NOT NULL");
        return jdbc.sql("SELECT e.country, e.admin1, COUNT(*)" + where.from() + where.sql()
                        + " GROUP BY e.country, e.admin1 ORDER BY e.country, e.admin1")
                .params(where.params)
                .query((rs, n) -> new AreaCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    static Where where(EventFilter f) {
        return where(f, true);
    }

    // Always a range on date_earliest, even a redundant one: without it H2 sorts every event instead of walking
    // the date index backwards and stopping after one page.
    private static void cursorCondition(Where where, Cursor after) {
        if (after != null) {
            where.add("e.date_earliest <= :cursorDate AND (e.date_earliest < :cursorDate OR e.id < :cursorId)");
            where.params.put("cursorDate", after.date());
            where.params.put("cursorId", after.id());
        } else {
            where.add("e.date_earliest <= :ceiling");
            where.params.put("ceiling", LATEST);
        }
    }

    /** {@code boxIndex}: whether the database may look the box up by its index (see {@link #search}). */
    private static Where where(EventFilter f, boolean boxIndex) {
        Where w = new Where();
        if (f.from() != null) {
            w.add("e.date_latest >= :from");
            w.params.put("from", f.from());
        }
        if (f.to() != null) {
            w.add("e.date_earliest <= :to");
            w.params.put("to", f.to());
        }
        if (!f.types().isEmpty()) {
            w.add("e.event_type IN (:types)");
            w.params.put("types", List.copyOf(f.types()));
        }
        if (present(f.actor())) {
            w.add("(LOWER(e.actor1) = :actor OR LOWER(e.actor2) = :actor)");
            w.params.put("actor", f.actor().trim().toLowerCase(Locale.ROOT));
        }
        if (present(f.place())) {
            w.add("LOWER(e.place_name) = :place");
            w.params.put("place", f.place().trim().toLowerCase(Locale.ROOT));
        }
        if (f.gazetteerId() != null) {
            w.add("e.gazetteer_id = :gazetteerId");
            w.params.put("gazetteerId", f.gazetteerId());
        }
        if (!f.countries().isEmpty()) {
            w.add("e.country IN (:countries)");
            w.params.put(
                    "countries",
                    f.countries().stream()
                            .map(c -> c.trim().toUpperCase(Locale.ROOT))
                            .sorted()
                            .toList());
        }
        if (present(f.admin1())) {
            w.add("LOWER(e.admin1) = :admin1");
            w.params.put("admin1", f.admin1().trim().toLowerCase(Locale.ROOT));
        }
        if (present(f.source())) {
            w.add("d.source_name = :source");
            w.params.put("source", f.source().trim());
        }
        if (f.minConfidence() != null) {
            w.add("e.confidence >= :minConfidence");
            w.params.put("minConfidence", f.minConfidence());
        }
        // The default (every state but the hidden ones) is written as NOT IN: H2 would otherwise walk the review-state
        // index, which holds nearly every event, instead of the date or box index.
        boolean byDefault = f.states().isEmpty();
        List<String> states = new ArrayList<>();
        for (ReviewState s : byDefault ? List.of(ReviewState.values()) : f.states()) {
            if (!byDefault || !s.shownByDefault()) states.add(s.dbValue());
        }
        w.add(byDefault ? "e.review_state NOT IN (:states)" : "e.review_state IN (:states)");
        w.params.put("states", states);
        if (f.bbox() != null) {
            // "+ 0" keeps the database off the box index when the date index should lead
            w.add(
                    boxIndex
                            ? "e.longitude BETWEEN :west AND :east AND e.latitude BETWEEN :south AND :north"
                            : "e.longitude + 0 BETWEEN :west AND :east AND e.latitude + 0 BETWEEN :south AND :north");
            w.params.put("west", f.bbox().west());
            w.params.put("east", f.bbox().east());
            w.params.put("south", f.bbox().south());
            w.params.put("north", f.bbox().north());
        }
        if (f.documentId() != null) {
            w.add("e.document_id = :documentId");
            w.params.put("documentId", f.documentId());
        }
        return w;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** Conditions and parameters of a query over {@code intel_events e JOIN intel_documents d} (EventTrends shares them). */
    static final class Where {
        final List<String> clauses = new ArrayList<>();
        final Map<String, Object> params = new LinkedHashMap<>();

        void add(String clause) {
            clauses.add(clause);
        }

        String sql() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }

        /**
         * {@code FROM intel_events e}, joined to its documents ({@code d}) only when a condition reads them: every event
         * has its document (a foreign key), so the join filters nothing, and over a month of a million events it is a
         * hash of every document that the aggregate queries of the trends do not need.
         */
        String from() {
            return clauses.stream().anyMatch(c -> DOCUMENT_COLUMN.matcher(c).find())
                    ? " FROM intel_events e JOIN intel_documents d ON d.id = e.document_id"
                    : " FROM intel_events e";
        }

        private static final java.util.regex.Pattern DOCUMENT_COLUMN = java.util.regex.Pattern.compile("\\bd\\.");
    }

    /** Position after the last event of a page: its earliest date and id, base64url-encoded so clients treat it as opaque. */
    record Cursor(LocalDate date, long id) {
        String encode() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((date + "/" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
                int slash = plain.indexOf('/');
                return new Cursor(
                        LocalDate.parse(plain.substring(0, slash)), Long.parseLong(plain.substring(slash + 1)));
            } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                throw new InvalidEventFilter("cursor is not one this server gave out");
            }
        }
    }
}
