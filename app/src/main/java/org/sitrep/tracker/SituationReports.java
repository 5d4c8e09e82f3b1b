package org.sitrep.tracker;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sitrep.intel.EventExports;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.EventFilterParams;
import org.sitrep.intel.EventPage;
import org.sitrep.intel.EventSearch;
import org.sitrep.intel.EventTrends;
import org.sitrep.intel.InvalidEventFilter;
import org.sitrep.intel.SourceLinks;
import org.sitrep.intel.TrackedEvent;
import org.sitrep.newsroom.Photo;
import org.sitrep.newsroom.PhotoLibrary;
import org.sitrep.newsroom.PieceDraft;
import org.sitrep.newsroom.PieceEditor;
import org.sitrep.newsroom.PieceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Draft a situation report": for chosen countries and a period, a draft piece of kind report written from the
 * stored events by fixed sentence templates — headline, standfirst, a summary paragraph of the figures (events, by
 * type, against the previous period of the same length, busiest areas), the static map as the lead photo (caption,
 * credit), a table of key events each citing its source with a link, and the list of sources. Every number it
 * writes is a count of stored events or a date of the query; the editor then edits it as any piece. The query and
 * the data version it was built from are kept in {@code tracker_situation_reports}.
 *
 * <p>Fatalities are not in the figures yet (the engine's fatalities land separately): a follow-up adds them to the
 * summary and the table.
 */
@Service
public class SituationReports {
    public static final int MAX_AREAS = 5, KEY_EVENTS = 10, MAX_SOURCES = 40, MAX_DAYS = 366;
    /** Events scanned for the map and the sources, newest first. */
    static final int SCANNED = 5000;

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** What the editor asked for: ISO country codes and an inclusive period. */
    public record Request(List<String> countries, LocalDate from, LocalDate to) {
        public Request {
            countries = countries == null
                    ? List.of()
                    : countries.stream()
                            .filter(c -> c != null && !c.isBlank())
                            .map(c -> c.trim().toUpperCase(Locale.ROOT))
                            .distinct()
                            .toList();
            if (countries.isEmpty()) throw new InvalidEventFilter("choose at least one country");
            if (countries.size() > MAX_AREAS)
                throw new InvalidEventFilter("choose at most " + MAX_AREAS + " countries");
            for (String c : countries) {
                if (!c.matches("[A-Z]{2}"))
                    throw new InvalidEventFilter("country must be a two-letter ISO 3166-1 code");
            }
            if (from == null || to == null) throw new InvalidEventFilter("give the period's first and last day");
            if (from.isAfter(to)) throw new InvalidEventFilter("from must not be after to");
            if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS)
                throw new InvalidEventFilter("a report covers at most a year");
        }

        LocalDate previousFrom() {
            return from.minusDays(ChronoUnit.DAYS.between(from, to) + 1);
        }

        LocalDate previousTo() {
            return from.minusDays(1);
        }

        EventFilter filter(String country, LocalDate first, LocalDate last) {
            return new EventFilter(first, last, Set.of(), null, null, null, country, null, null, Set.of(), null, null);
        }
    }

    /** The figures a draft is written from; the test reads the draft against them. */
    public record Figures(
            long events,
            long previous,
            Map<String, Long> byType,
            List<EventTrends.AreaCount> areas,
            List<TrackedEvent> keyEvents,
            List<TrackedEvent.Source> sources,
            List<StaticMap.Point> located) {}

    public record Drafted(long pieceId, String query, String dataVersion) {}

    private final EventSearch events;
    private final EventTrends trends;
    private final StaticMap maps;
    private final PieceEditor editor;
    private final PhotoLibrary photos;
    private final JdbcClient jdbc;
    private final Clock clock;

    SituationReports(
            EventSearch events,
            EventTrends trends,
            StaticMap maps,
            PieceEditor editor,
            PhotoLibrary photos,
            JdbcClient jdbc,
            Clock clock) {
        this.events = events;
        this.trends = trends;
        this.maps = maps;
        this.editor = editor;
        this.photos = photos;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Figures figures(Request r) {
        long count = 0, previous = 0;
        Map<String, Long> byType = new LinkedHashMap<>();
        List<EventTrends.AreaCount> areas = new ArrayList<>();
        List<TrackedEvent> newest = new ArrayList<>();
        Map<Long, TrackedEvent.Source> sources = new LinkedHashMap<>();
        List<StaticMap.Point> located = new ArrayList<>();
        for (String c : r.countries()) {
            EventFilter now = r.filter(c, r.from(), r.to());
            count += events.count(now);
            previous += events.count(r.filter(c, r.previousFrom(), r.previousTo()));
            trends.byType(now).forEach((t, n) -> byType.merge(t, n, Long::sum));
            areas.addAll(trends.byArea(now, 50));
            String cursor = null;
            int seen = 0;
            do {
                EventPage page = events.search(now, cursor, EventSearch.MAX_PAGE);
                for (TrackedEvent e : page.events()) {
                    if (seen++ < KEY_EVENTS) newest.add(e);
                    sources.putIfAbsent(e.source().documentId(), e.source());
                    if (e.located()) located.add(new StaticMap.Point(e.latitude(), e.longitude(), e.eventType()));
                }
                cursor = page.nextCursor();
            } while (cursor != null && seen < SCANNED);
        }
        Map<String, Long> sortedTypes = new LinkedHashMap<>();
        byType.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sortedTypes.put(e.getKey(), e.getValue()));
        areas.sort(Comparator.comparingLong(EventTrends.AreaCount::events).reversed());
        newest.sort(Comparator.comparing(TrackedEvent::dateEarliest)
                .thenComparing(TrackedEvent::id)
                .reversed());
        List<TrackedEvent.Source> sourceList = sources.values().stream()
                .sorted(Comparator.comparing(TrackedEvent.Source::publishedOn)
                        .reversed()
                        .thenComparing(TrackedEvent.Source::documentId))
                .limit(MAX_SOURCES)
                .toList();
        return new Figures(
                count,
                previous,
                sortedTypes,
                List.copyOf(areas),
                newest.stream().limit(KEY_EVENTS).toList(),
                sourceList,
                located);
    }

    /** Writes the draft (a piece of kind report, status draft) with its map as the lead photo; returns its id. */
    @Transactional
    public Drafted draft(Request r, String editorEmail) {
        Figures f = figures(r);
        String where = String.join(
                ", ", r.countries().stream().map(EventExports::countryName).toList());
        String period = DAY.format(r.from()) + " to " + DAY.format(r.to());
        String caption =
                "Events in " + where + ", " + period + ", by type. Each marker is one event placed by the tracker.";
        StaticMap.Picture map = maps.draw(f.located(), null, "Events in " + where + ", " + period);
        Photo photo = photos.upload(map.png(), "situation-report-map.png");
        photos.describe(
                photo.id(),
                caption,
                "Sitrep from its events; " + StaticMap.CREDIT,
                null,
                "map, situation report",
                "Map of the events in " + where + " from " + period
                        + ", each marked by its type's letter; the key events table lists the newest.");

        PieceDraft d = new PieceDraft();
        d.setKind(PieceKind.REPORT.name());
        d.setHeadline(where + " situation report, " + period);
        d.setStandfirst(standfirst(f));
        d.setBody(SituationReportText.body(r, f, where, period));
        d.setLeadPhotoId(Long.toString(photo.id()));
        d.setSection(r.countries().size() == 1 ? where : "");
        d.setTags("situation report");
        long id = editor.create(d, editorEmail);

        String query = String.join(
                "\n",
                r.countries().stream()
                        .map(c -> EventFilterParams.queryString(r.filter(c, r.from(), r.to())))
                        .toList());
        long matched = 0;
        java.time.Instant last = null;
        for (String c : r.countries()) {
            EventTrends.DataVersion v = trends.dataVersion(r.filter(c, r.from(), r.to()));
            matched += v.events();
            if (v.lastChange() != null && (last == null || v.lastChange().isAfter(last))) last = v.lastChange();
        }
        String version = new EventTrends.DataVersion(matched, last).text();
        jdbc.sql("INSERT INTO tracker_situation_reports (piece_id, query, data_version, drafted_by, drafted_at)"
                        + " VALUES (:piece, :query, :version, :by, :at)")
                .param("piece", id)
                .param("query", query)
                .param("version", version)
                .param("by", editorEmail)
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        return new Drafted(id, query, version);
    }

    /** What a draft was built from, if the piece was drafted here. */
    public java.util.Optional<Drafted> recorded(long pieceId) {
        return jdbc.sql("SELECT piece_id, query, data_version FROM tracker_situation_reports WHERE piece_id = :id")
                .param("id", pieceId)
                .query((rs, n) -> new Drafted(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    private static String standfirst(Figures f) {
        return SituationReportText.eventsWord(f.events()) + " recorded, "
                + SituationReportText.against(f.events(), f.previous()) + " the previous period of the same length.";
    }

    static String link(TrackedEvent.Source s) {
        return SourceLinks.http(s.url());
    }
}
