package org.sitrep.intel;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What changed, from the stored events: events per week by type, each admin-1 area's last 30 days against the 90
 * before, and actors first seen in an area in the last 30 days. Every figure is an aggregate query (or the map
 * index's per-day counts), so they cost the same over a million events as over a hundred; {@code V140} adds the
 * indexes they walk.
 *
 * <p>Trends are "as of" a day: the filter's {@code to} when given, else the newest event the filter matches (so the
 * sample data, months old, still has a last month). Fatalities per week are a follow-up: this counts events.
 */
@Service
public class EventTrends {
    /** Weeks the weekly chart shows, ending with the as-of day's week. */
    public static final int WEEKS = 26;
    /** "This month": the 30 days up to the as-of day; compared with the 90 days before it, per 30 days. */
    public static final int RECENT_DAYS = 30, EARLIER_DAYS = 90;
    public static final int MAX_AREAS = 200, MAX_NEW_ACTORS = 100;

    /**
     * Events in one week (from Monday) by type label, in ACLED's order of the labels seen, and the deaths its events
     * report (each event's own figure; merged duplicates and rejected events are not shown, so a death counts once).
     */
    public record Week(LocalDate monday, Map<String, Long> byType, long fatalities) {
        public long total() {
            return byType.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public record Weekly(LocalDate asOf, List<Week> weeks, List<String> types) {}

    /**
     * One admin-1 area (or a country's events without a division, admin1 null): events in the last 30 days, in the
     * 90 before, and where its events are on average (the change map's symbol goes there).
     */
    public record AreaChange(String country, String admin1, long recent, long earlier, double lat, double lon) {
        /** The earlier period's events per 30 days, the base the recent count is compared with. */
        public double earlierPerMonth() {
            return earlier / 3.0;
        }

        /** Recent minus the earlier monthly average, rounded to a whole number of events. */
        public long change() {
            return Math.round(recent - earlierPerMonth());
        }

        /** The change in percent of the earlier monthly average; null when there was nothing before (new). */
        public Long percent() {
            return earlier == 0 ? null : Math.round(100.0 * (recent - earlierPerMonth()) / earlierPerMonth());
        }

        public String name() {
            return (admin1 == null || admin1.isBlank() ? "(no division)" : admin1) + (country == null ? "" : ", " + country);
        }
    }

    public record Changes(LocalDate asOf, LocalDate recentFrom, LocalDate earlierFrom, List<AreaChange> areas) {}

    /** An actor seen in an area in the last 30 days and never before there (in events shown by default). */
    public record NewActor(String actor, String country, String admin1, LocalDate firstSeen, long events) {}

    /** What a drafted report records it was built from: how many events matched and when the newest changed. */
    public record DataVersion(long events, Instant lastChange) {
        public String text() {
            return events + " events, last changed " + (lastChange == null ? "never" : lastChange.toString());
        }
    }

    private final JdbcClient jdbc;
    private final EventSearch search;

    public EventTrends(JdbcClient jdbc, EventSearch search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    /** The filter's {@code to}, else the newest matching event's date, else null (no events). */
    public LocalDate asOf(EventFilter filter) {
        if (filter.to() != null) return filter.to();
        List<TrackedEvent> newest = search.search(filter, null, 1).events();
        return newest.isEmpty() ? null : newest.get(0).dateEarliest();
    }

    /** Events per week and type for the {@link #WEEKS} weeks up to the as-of day (the filter's own dates are replaced). */
    public Weekly weekly(EventFilter filter) {
        LocalDate asOf = asOf(filter);
        if (asOf == null) return new Weekly(null, List.of(), List.of());
        LocalDate lastMonday = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = lastMonday.minusWeeks(WEEKS - 1);
        Map<LocalDate, Map<String, Long>> weeks = new TreeMap<>();
        for (LocalDate m = first; !m.isAfter(lastMonday); m = m.plusWeeks(1)) weeks.put(m, new LinkedHashMap<>());
        List<String> types = new ArrayList<>();
        for (EventSearch.DayCount d : search.perDay(filter.withDates(first, asOf))) {
            if (d.day().isBefore(first) || d.day().isAfter(asOf)) continue; // started before the window, or ran into it
            LocalDate monday = d.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            weeks.get(monday).merge(d.eventType(), d.count(), Long::sum);
            if (!types.contains(d.eventType())) types.add(d.eventType());
        }
        types.sort(Comparator.comparingInt(EventTrends::acledOrder).thenComparing(Comparator.naturalOrder()));
        Map<LocalDate, Long> deaths = fatalitiesPerWeek(filter.withDates(first, asOf), first, asOf);
        List<Week> out = new ArrayList<>();
        weeks.forEach((monday, byType) -> {
            Map<String, Long> ordered = new LinkedHashMap<>();
            for (String t : types) ordered.put(t, byType.getOrDefault(t, 0L));
            out.add(new Week(monday, ordered, deaths.getOrDefault(monday, 0L)));
        });
        return new Weekly(asOf, out, types);
    }

    /** Reported deaths per week (by Monday) of the events the filter shows, by each event's first day, as {@link #weekly}. */
    private Map<LocalDate, Long> fatalitiesPerWeek(EventFilter filter, LocalDate first, LocalDate asOf) {
        EventSearch.Where where = EventSearch.where(filter);
        where.add("e.fatalities IS NOT NULL");
        Map<LocalDate, Long> perWeek = new TreeMap<>();
        jdbc.sql("SELECT e.date_earliest, SUM(e.fatalities) FROM intel_events e JOIN intel_documents d ON d.id = e.document_id"
                        + where.sql() + " GROUP BY e.date_earliest")
                .params(where.params)
                .query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2))).list()
                .forEach(day -> {
                    if (day.getKey().isBefore(first) || day.getKey().isAfter(asOf)) return;
                    perWeek.merge(day.getKey().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), day.getValue(), Long::sum);
                });
        return perWeek;
    }

    private static int acledOrder(String label) {
        return org.sitrep.analysis.EventType.of(label).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }

    /** Each area's last 30 days against the 90 before, by the events' earliest dates; busiest recent first. */
    public Changes changes(EventFilter filter) {
        LocalDate asOf = asOf(filter);
        if (asOf == null) return new Changes(null, null, null, List.of());
        LocalDate recentFrom = asOf.minusDays(RECENT_DAYS - 1), earlierFrom = recentFrom.minusDays(EARLIER_DAYS);
        EventSearch.Where where = EventSearch.where(filter.withDates(null, null));
        where.add("e.date_earliest BETWEEN :earlierFrom AND :asOf");
        where.params.put("earlierFrom", earlierFrom);
        where.params.put("asOf", asOf);
        where.params.put("recentFrom", recentFrom);
        List<AreaChange> areas = jdbc.sql("SELECT e.country, e.admin1,"
                        + " SUM(CASE WHEN e.date_earliest >= :recentFrom THEN 1 ELSE 0 END) AS recent,"
                        + " SUM(CASE WHEN e.date_earliest < :recentFrom THEN 1 ELSE 0 END) AS earlier,"
                        + " AVG(e.latitude) AS lat, AVG(e.longitude) AS lon"
                        + " FROM intel_events e JOIN intel_documents d ON d.id = e.document_id" + where.sql()
                        + " AND e.latitude IS NOT NULL AND e.country IS NOT NULL"
                        + " GROUP BY e.country, e.admin1 ORDER BY recent DESC, earlier DESC, e.country, e.admin1"
                        + " FETCH FIRST " + MAX_AREAS + " ROWS ONLY")
                .params(where.params)
                .query((rs, n) -> new AreaChange(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getDouble(5), rs.getDouble(6)))
                .list();
        return new Changes(asOf, recentFrom, earlierFrom, areas);
    }

    /**
     * Actors (either side) of the filter's events in the last 30 days whose first event in that area (country and
     * admin-1) is in those 30 days; newest first. "Before" counts every event shown by default, whatever the filter.
     */
    public List<NewActor> newActors(EventFilter filter) {
        LocalDate asOf = asOf(filter);
        if (asOf == null) return List.of();
        LocalDate since = asOf.minusDays(RECENT_DAYS - 1);
        List<NewActor> out = new ArrayList<>();
        for (String side : List.of("actor1", "actor2")) {
            EventSearch.Where where = EventSearch.where(filter.withDates(null, null));
            where.add("e.date_earliest BETWEEN :since AND :asOf AND e." + side + " IS NOT NULL AND e.country IS NOT NULL");
            where.params.put("since", since);
            where.params.put("asOf", asOf);
            where.params.put("hidden", List.of(ReviewState.REJECTED.dbValue(), ReviewState.MERGED.dbValue()));
            String seenBefore = "SELECT 1 FROM intel_events o WHERE o.%1$s = g.actor AND o.country = g.country"
                    + " AND (o.admin1 = g.admin1 OR (o.admin1 IS NULL AND g.admin1 IS NULL))"
                    + " AND o.date_earliest < :since AND o.review_state NOT IN (:hidden)";
            out.addAll(jdbc.sql("SELECT g.actor, g.country, g.admin1, g.first_seen, g.events FROM ("
                            + "SELECT e." + side + " AS actor, e.country, e.admin1, MIN(e.date_earliest) AS first_seen, COUNT(*) AS events"
                            + " FROM intel_events e JOIN intel_documents d ON d.id = e.document_id" + where.sql()
                            + " GROUP BY e." + side + ", e.country, e.admin1) g"
                            + " WHERE NOT EXISTS (" + seenBefore.formatted("actor1") + ")"
                            + " AND NOT EXISTS (" + seenBefore.formatted("actor2") + ")")
                    .params(where.params)
                    .query((rs, n) -> new NewActor(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getLong(5)))
                    .list());
        }
        // an actor on side 1 in one event and side 2 in another is one new actor in that area
        Map<String, NewActor> merged = new LinkedHashMap<>();
        for (NewActor a : out) {
            merged.merge(a.actor() + "\u0000" + a.country() + "\u0000" + a.admin1(), a, (x, y) -> new NewActor(x.actor(), x.country(),
                    x.admin1(), x.firstSeen().isBefore(y.firstSeen()) ? x.firstSeen() : y.firstSeen(), x.events() + y.events()));
        }
        return merged.values().stream()
                .sorted(Comparator.comparing(NewActor::firstSeen).reversed().thenComparing(NewActor::actor))
                .limit(MAX_NEW_ACTORS).toList();
    }

    /** Events in one area (country and admin-1; admin1 null for events placed no closer than the country). */
    public record AreaCount(String country, String admin1, long events) {}

    /** The filter's events by area, busiest first (events without a country are left out). */
    public List<AreaCount> byArea(EventFilter filter, int limit) {
        EventSearch.Where where = EventSearch.where(filter);
        return jdbc.sql("SELECT e.country, e.admin1, COUNT(*) AS n FROM intel_events e JOIN intel_documents d ON d.id = e.document_id"
                        + where.sql() + " AND e.country IS NOT NULL GROUP BY e.country, e.admin1 ORDER BY n DESC, e.country, e.admin1"
                        + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
                .params(where.params)
                .query((rs, n) -> new AreaCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** Events of the filter by type label (each event once, by its type), most first. */
    public Map<String, Long> byType(EventFilter filter) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (EventSearch.DayCount d : search.perDay(filter)) counts.merge(d.eventType(), d.count(), Long::sum);
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** How many events the filter matches and when the last of them changed: recorded with a drafted report. */
    public DataVersion dataVersion(EventFilter filter) {
        EventSearch.Where where = EventSearch.where(filter);
        return jdbc.sql("SELECT COUNT(*), MAX(e.updated_at) FROM intel_events e JOIN intel_documents d ON d.id = e.document_id"
                        + where.sql())
                .params(where.params)
                .query((rs, n) -> {
                    OffsetDateTime last = rs.getObject(2, OffsetDateTime.class);
                    return new DataVersion(rs.getLong(1), last == null ? null : last.toInstant());
                })
                .single();
    }
}
