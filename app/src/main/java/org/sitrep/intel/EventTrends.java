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
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What changed, from the stored events: events per week by type, each admin-1 area's last 30 days against the 90
 * before, and actors first seen in an area in the last 30 days. Every figure is an aggregate query (or the map
 * index's per-day counts), so they cost the same over a million events as over a hundred; {@code V140} adds the
 * indexes they walk.
 *
 * <p>Trends are "as of" a day: the filter's {@code to} when given, else the newest event the filter matches (so the
 * sample data, months old, still has a last month). Each figure is given in events and in the deaths they report.
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
     * 90 before, the deaths those events report (each event's own figure, so a death told in two linked articles
     * counts once), and where its events are on average (the change map's symbol goes there).
     */
    public record AreaChange(
            String country,
            String admin1,
            long recent,
            long earlier,
            long recentDeaths,
            long earlierDeaths,
            double lat,
            double lon) {
        /** The earlier period's reported deaths per 30 days. */
        public double earlierDeathsPerMonth() {
            return earlierDeaths / 3.0;
        }

        /** Recent reported deaths minus the earlier monthly average, rounded. */
        public long deathsChange() {
            return Math.round(recentDeaths - earlierDeathsPerMonth());
        }

        /** The deaths' change in percent of the earlier monthly average; null when none were reported before. */
        public Long deathsPercent() {
            return earlierDeaths == 0
                    ? null
                    : Math.round(100.0 * (recentDeaths - earlierDeathsPerMonth()) / earlierDeathsPerMonth());
        }

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
            return (admin1 == null || admin1.isBlank() ? "(no division)" : admin1)
                    + (country == null ? "" : ", " + country);
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
    private final TransactionTemplate transaction;
    private final boolean postgres;

    public EventTrends(
            JdbcClient jdbc, EventSearch search, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.search = search;
        this.transaction = new TransactionTemplate(transactions);
        this.postgres = "PostgreSQL".equals(new JdbcTemplate(dataSource).execute((ConnectionCallback<String>)
                        c -> c.getMetaData().getDatabaseProductName()));
    }

    /**
     * Runs one figure's queries with PostgreSQL's JIT compiler off. Their cost estimates (a window of a million events,
     * a probe per new-actor candidate) pass {@code jit_above_cost}, and compiling them took 2.5 s on the loaded
     * benchmark machine for a query that runs in 0.3 s without (bench/results/trends.md). {@code SET LOCAL}: for this
     * transaction only, the connection goes back to the pool as it came.
     */
    private <T> T aggregate(Supplier<T> figure) {
        if (!postgres) return figure.get();
        return transaction.execute(status -> {
            jdbc.sql("SET LOCAL jit = off").update();
            return figure.get();
        });
    }

    /** The filter's {@code to}, else the newest matching event's date, else null (no events). */
    public LocalDate asOf(EventFilter filter) {
        if (filter.to() != null) return filter.to();
        List<TrackedEvent> newest = search.search(filter, null, 1).events();
        return newest.isEmpty() ? null : newest.get(0).dateEarliest();
    }

    /** Events per week and type for the {@link #WEEKS} weeks up to the as-of day (the filter's own dates are replaced). */
    public Weekly weekly(EventFilter filter) {
        return aggregate(() -> weeklyFigures(filter));
    }

    private Weekly weeklyFigures(EventFilter filter) {
        LocalDate asOf = asOf(filter);
        if (asOf == null) return new Weekly(null, List.of(), List.of());
        LocalDate lastMonday = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = lastMonday.minusWeeks(WEEKS - 1);
        Map<LocalDate, Map<String, Long>> weeks = new TreeMap<>();
        for (LocalDate m = first; !m.isAfter(lastMonday); m = m.plusWeeks(1)) weeks.put(m, new LinkedHashMap<>());
        List<String> types = new ArrayList<>();
        for (EventSearch.DayCount d : search.perFirstDay(filter, first, asOf)) {
            if (d.day().isBefore(first) || d.day().isAfter(asOf)) continue; // started before the window, or ran into it
            LocalDate monday = d.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            weeks.get(monday).merge(d.eventType(), d.count(), Long::sum);
            if (!types.contains(d.eventType())) types.add(d.eventType());
        }
        types.sort(Comparator.comparingInt(EventTrends::acledOrder).thenComparing(Comparator.naturalOrder()));
        Map<LocalDate, Long> deaths = fatalitiesPerWeek(filter, first, asOf);
        List<Week> out = new ArrayList<>();
        weeks.forEach((monday, byType) -> {
            Map<String, Long> ordered = new LinkedHashMap<>();
            for (String t : types) ordered.put(t, byType.getOrDefault(t, 0L));
            out.add(new Week(monday, ordered, deaths.getOrDefault(monday, 0L)));
        });
        return new Weekly(asOf, out, types);
    }

    /**
     * Reported deaths per week (by Monday) of the events the filter shows, by each event's first day, as {@link #weekly}:
     * the window is a range of first days (not the filter's overlap of spans), so it is read from {@code
     * ix_intel_events_trends} alone, which holds the figure (V200).
     */
    private Map<LocalDate, Long> fatalitiesPerWeek(EventFilter filter, LocalDate first, LocalDate asOf) {
        EventSearch.Where where = EventSearch.where(filter.withDates(null, null));
        where.add("e.date_earliest BETWEEN :first AND :asOf AND e.fatalities IS NOT NULL");
        where.params.put("first", first);
        where.params.put("asOf", asOf);
        Map<LocalDate, Long> perWeek = new TreeMap<>();
        jdbc.sql("SELECT e.date_earliest, SUM(e.fatalities)" + where.from() + where.sql() + " GROUP BY e.date_earliest")
                .params(where.params)
                .query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list()
                .forEach(day -> {
                    if (day.getKey().isBefore(first) || day.getKey().isAfter(asOf)) return;
                    perWeek.merge(
                            day.getKey().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                            day.getValue(),
                            Long::sum);
                });
        return perWeek;
    }

    private static int acledOrder(String label) {
        return org.sitrep.analysis.EventType.of(label).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }

    /**
     * Each area's last 30 days against the 90 before, in events and in reported deaths, by the events' earliest dates;
     * busiest recent first.
     */
    public Changes changes(EventFilter filter) {
        return aggregate(() -> changeFigures(filter));
    }

    private Changes changeFigures(EventFilter filter) {
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
                        + " SUM(CASE WHEN e.date_earliest >= :recentFrom THEN COALESCE(e.fatalities, 0) ELSE 0 END) AS recent_deaths,"
                        + " SUM(CASE WHEN e.date_earliest < :recentFrom THEN COALESCE(e.fatalities, 0) ELSE 0 END) AS earlier_deaths,"
                        + " AVG(e.latitude) AS lat, AVG(e.longitude) AS lon"
                        + where.from() + where.sql()
                        + " AND e.latitude IS NOT NULL AND e.country IS NOT NULL"
                        + " GROUP BY e.country, e.admin1 ORDER BY recent DESC, earlier DESC, e.country, e.admin1"
                        + " FETCH FIRST " + MAX_AREAS + " ROWS ONLY")
                .params(where.params)
                .query((rs, n) -> new AreaChange(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getDouble(7),
                        rs.getDouble(8)))
                .list();
        return new Changes(asOf, recentFrom, earlierFrom, areas);
    }

    /**
     * Actors (either side) of the filter's events in the last 30 days whose first event in that area (country and
     * admin-1) is in those 30 days; newest first. "Before" counts every event shown by default, whatever the filter.
     */
    public List<NewActor> newActors(EventFilter filter) {
        return aggregate(() -> newActorFigures(filter));
    }

    private List<NewActor> newActorFigures(EventFilter filter) {
        LocalDate asOf = asOf(filter);
        if (asOf == null) return List.of();
        LocalDate since = asOf.minusDays(RECENT_DAYS - 1);
        List<NewActor> out = new ArrayList<>();
        for (String side : List.of("actor1", "actor2")) {
            EventSearch.Where where = EventSearch.where(filter.withDates(null, null));
            where.add("e.date_earliest BETWEEN :since AND :asOf AND e." + side
                    + " IS NOT NULL AND e.country IS NOT NULL");
            where.params.put("since", since);
            where.params.put("asOf", asOf);
            where.params.put("hidden", List.of(ReviewState.REJECTED.dbValue(), ReviewState.MERGED.dbValue()));
            // A scalar subquery, not NOT EXISTS: PostgreSQL turns NOT EXISTS into an anti join and, over a million
            // events,
            // hashes every earlier event (7.5 s); a scalar subquery stays one index probe per candidate (actor1_area,
            // actor2_area), stopping at the first earlier event.
            String seenBefore = "(SELECT 1 FROM intel_events o WHERE o.%1$s = g.actor AND o.country = g.country"
                    + " AND (o.admin1 = g.admin1 OR (o.admin1 IS NULL AND g.admin1 IS NULL))"
                    + " AND o.date_earliest < :since AND o.review_state NOT IN (:hidden) FETCH FIRST 1 ROWS ONLY) IS NULL";
            out.addAll(jdbc.sql("SELECT g.actor, g.country, g.admin1, g.first_seen, g.events FROM ("
                            + "SELECT e." + side
                            + " AS actor, e.country, e.admin1, MIN(e.date_earliest) AS first_seen, COUNT(*) AS events"
                            + where.from() + where.sql()
                            + " GROUP BY e." + side + ", e.country, e.admin1) g"
                            + " WHERE " + seenBefore.formatted("actor1") + " AND " + seenBefore.formatted("actor2"))
                    .params(where.params)
                    .query((rs, n) -> new NewActor(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getObject(4, LocalDate.class),
                            rs.getLong(5)))
                    .list());
        }
        // an actor on side 1 in one event and side 2 in another is one new actor in that area
        Map<String, NewActor> merged = new LinkedHashMap<>();
        for (NewActor a : out) {
            merged.merge(
                    a.actor() + "\u0000" + a.country() + "\u0000" + a.admin1(),
                    a,
                    (x, y) -> new NewActor(
                            x.actor(),
                            x.country(),
                            x.admin1(),
                            x.firstSeen().isBefore(y.firstSeen()) ? x.firstSeen() : y.firstSeen(),
                            x.events() + y.events()));
        }
        return merged.values().stream()
                .sorted(Comparator.comparing(NewActor::firstSeen).reversed().thenComparing(NewActor::actor))
                .limit(MAX_NEW_ACTORS)
                .toList();
    }

    /** Events in one area (country and admin-1; admin1 null for events placed no closer than the country). */
    public record AreaCount(String country, String admin1, long events) {}

    /** The filter's events by area, busiest first (events without a country are left out). */
    public List<AreaCount> byArea(EventFilter filter, int limit) {
        EventSearch.Where where = EventSearch.where(filter);
        return jdbc.sql("SELECT e.country, e.admin1, COUNT(*) AS n" + where.from()
                        + where.sql()
                        + " AND e.country IS NOT NULL GROUP BY e.country, e.admin1 ORDER BY n DESC, e.country, e.admin1"
                        + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
                .params(where.params)
                .query((rs, n) -> new AreaCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** Events of the filter by type label (each event once, by its type), most first. */
    public Map<String, Long> byType(EventFilter filter) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (EventSearch.DayCount d : search.perDay(filter)) counts.merge(d.eventType(), d.count(), Long::sum);
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** How many events the filter matches and when the last of them changed: recorded with a drafted report. */
    public DataVersion dataVersion(EventFilter filter) {
        EventSearch.Where where = EventSearch.where(filter);
        return jdbc.sql("SELECT COUNT(*), MAX(e.updated_at)" + where.from() + where.sql())
                .params(where.params)
                .query((rs, n) -> {
                    OffsetDateTime last = rs.getObject(2, OffsetDateTime.class);
                    return new DataVersion(rs.getLong(1), last == null ? null : last.toInstant());
                })
                .single();
    }
}
