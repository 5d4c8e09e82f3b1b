package org.sitrep.tracker;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.EventFilterParams;
import org.sitrep.intel.EventPage;
import org.sitrep.intel.EventSearch;
import org.sitrep.intel.EventTrends;
import org.sitrep.intel.InvalidEventFilter;
import org.sitrep.intel.TrackedEvent;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Trends for any tracker view (the same filters): the weekly chart with its table, the change map with its table,
 * and new actors; and the downloads a report needs: chart, change map and event map as PNG or SVG, tables as CSV.
 */
@Controller
class TrendsController {
    /** Most events drawn on a downloaded event map (newest first); the legend counts what is drawn. */
    static final int MAP_POINTS = 5000;

    private final EventTrends trends;
    private final EventSearch events;
    private final StaticMap maps;
    private final TrendViews views;

    TrendsController(EventTrends trends, EventSearch events, StaticMap maps, TrendViews views) {
        this.trends = trends;
        this.events = events;
        this.maps = maps;
        this.views = views;
    }

    @GetMapping("/tracker/trends")
    String page(EventFilterParams params, Model model) {
        EventFilter filter = params.filter();
        model.addAttribute("trends", views.of(filter));
        String qs = EventFilterParams.queryString(filter);
        model.addAttribute("trackerUrl", "/tracker" + (qs.isEmpty() ? "" : "?" + qs));
        return "tracker/trends";
    }

    @GetMapping("/tracker/trends/weekly.{format}")
    ResponseEntity<byte[]> weekly(EventFilterParams params, @PathVariable("format") String format) {
        EventTrends.Weekly weekly = trends.weekly(params.filter());
        return switch (format) {
            case "svg" ->
                file(
                        "weekly.svg",
                        "image/svg+xml",
                        TrendChart.svg(weekly, "Events per week by type").getBytes(StandardCharsets.UTF_8));
            case "png" -> file("weekly.png", MediaType.IMAGE_PNG_VALUE, TrendChart.png(weekly));
            case "csv" -> file("weekly.csv", "text/csv", weeklyCsv(weekly));
            default -> throw new ResponseStatusNotFound();
        };
    }

    /** {@code measure=deaths}: the map of reported deaths instead of events (the CSV has both either way). */
    @GetMapping("/tracker/trends/changes.{format}")
    ResponseEntity<byte[]> changes(
            EventFilterParams params,
            @PathVariable("format") String format,
            @RequestParam(name = "measure", defaultValue = "events") String measure) {
        boolean deaths =
                switch (measure) {
                    case "events" -> false;
                    case "deaths" -> true;
                    default -> throw new InvalidEventFilter("measure must be events or deaths");
                };
        EventTrends.Changes changes = trends.changes(params.filter());
        String name = deaths ? "changes-deaths" : "changes";
        return switch (format) {
            case "svg" ->
                file(
                        name + ".svg",
                        "image/svg+xml",
                        changeMap(changes, deaths).svg().getBytes(StandardCharsets.UTF_8));
            case "png" ->
                file(
                        name + ".png",
                        MediaType.IMAGE_PNG_VALUE,
                        changeMap(changes, deaths).png());
            case "csv" -> file("changes.csv", "text/csv", changesCsv(changes));
            default -> throw new ResponseStatusNotFound();
        };
    }

    @GetMapping("/tracker/trends/new-actors.csv")
    ResponseEntity<byte[]> newActors(EventFilterParams params) {
        StringBuilder csv = new StringBuilder("actor,country,admin1,first_seen,events\r\n");
        for (EventTrends.NewActor a : trends.newActors(params.filter())) {
            csv.append(Csv.row(a.actor(), a.country(), a.admin1(), a.firstSeen(), a.events()));
        }
        return file("new-actors.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The filter's located events (the newest {@link #MAP_POINTS}) on a static map. */
    @GetMapping("/tracker/map.{format}")
    ResponseEntity<byte[]> map(EventFilterParams params, @PathVariable("format") String format) {
        if (!format.equals("png") && !format.equals("svg")) throw new ResponseStatusNotFound();
        EventFilter filter = params.filter();
        StaticMap.Picture picture = maps.draw(points(events, filter, MAP_POINTS), box(filter), "Events on the tracker");
        return format.equals("png")
                ? file("events.png", MediaType.IMAGE_PNG_VALUE, picture.png())
                : file("events.svg", "image/svg+xml", picture.svg().getBytes(StandardCharsets.UTF_8));
    }

    static StaticMap.Box box(EventFilter filter) {
        var b = filter.bbox();
        if (b == null) return null;
        return new StaticMap.Box(b.west(), Math.max(-85, b.south()), b.east(), Math.min(85, b.north()));
    }

    /** Located events of the filter, newest first, at most {@code cap}. */
    static List<StaticMap.Point> points(EventSearch events, EventFilter filter, int cap) {
        List<StaticMap.Point> points = new ArrayList<>();
        String cursor = null;
        do {
            EventPage page = events.search(filter, cursor, Math.min(EventSearch.MAX_PAGE, cap - points.size()));
            for (TrackedEvent e : page.events()) {
                if (e.located()) points.add(new StaticMap.Point(e.latitude(), e.longitude(), e.eventType()));
            }
            cursor = page.nextCursor();
        } while (cursor != null && points.size() < cap);
        return points;
    }

    StaticMap.Picture changeMap(EventTrends.Changes changes, boolean deaths) {
        List<StaticMap.Change> marks = changes.areas().stream()
                .map(a -> deaths
                        ? new StaticMap.Change(a.lat(), a.lon(), a.name(), a.recentDeaths(), a.earlierDeathsPerMonth())
                        : new StaticMap.Change(a.lat(), a.lon(), a.name(), a.recent(), a.earlierPerMonth()))
                .toList();
        String title = changes.asOf() == null
                ? "Change map: no events"
                : (deaths ? "Change in reported deaths by area: " : "Change by area: ") + day(changes.recentFrom())
                        + " to " + day(changes.asOf()) + " against the monthly average of the 90 days before";
        return maps.drawChanges(marks, null, title, deaths ? "reported deaths" : "events");
    }

    private static String day(LocalDate d) {
        return d == null
                ? "—"
                : java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK)
                        .format(d);
    }

    private static byte[] weeklyCsv(EventTrends.Weekly weekly) {
        StringBuilder csv = new StringBuilder("week_starting");
        for (String t : weekly.types()) csv.append(',').append(Csv.cell(t));
        csv.append(",total,fatalities\r\n");
        for (EventTrends.Week w : weekly.weeks()) {
            List<Object> cells = new ArrayList<>();
            cells.add(w.monday());
            for (String t : weekly.types()) cells.add(w.byType().get(t));
            cells.add(w.total());
            cells.add(w.fatalities());
            csv.append(Csv.row(cells.toArray()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] changesCsv(EventTrends.Changes changes) {
        StringBuilder csv = new StringBuilder(
                "country,admin1,recent_30_days,earlier_90_days,earlier_per_30_days,change,change_percent,"
                        + "fatalities_recent_30_days,fatalities_earlier_90_days,fatalities_earlier_per_30_days,fatalities_change,"
                        + "fatalities_change_percent,recent_from,as_of\r\n");
        for (EventTrends.AreaChange a : changes.areas()) {
            csv.append(Csv.row(
                    a.country(),
                    a.admin1(),
                    a.recent(),
                    a.earlier(),
                    String.format(java.util.Locale.ROOT, "%.1f", a.earlierPerMonth()),
                    a.change(),
                    a.percent(),
                    a.recentDeaths(),
                    a.earlierDeaths(),
                    String.format(java.util.Locale.ROOT, "%.1f", a.earlierDeathsPerMonth()),
                    a.deathsChange(),
                    a.deathsPercent(),
                    changes.recentFrom(),
                    changes.asOf()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ResponseEntity<byte[]> file(String name, String type, byte[] body) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        type.startsWith("text/") || type.contains("svg") ? type + ";charset=UTF-8" : type))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                // an SVG opened on its own must not run anything, whatever it held
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    /** CSV cells: quoted when they hold a comma, quote or line break; a leading =, +, - or @ defused for spreadsheets. */
    static final class Csv {
        private Csv() {}

        static String row(Object... cells) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) b.append(',');
                b.append(
                        cells[i] == null
                                ? ""
                                : cells[i] instanceof Number || cells[i] instanceof LocalDate
                                        ? cells[i].toString()
                                        : cell(cells[i].toString()));
            }
            return b.append("\r\n").toString();
        }

        static String cell(String s) {
            return org.sitrep.members.CsvCell.of(s);
        }
    }

    static final class ResponseStatusNotFound extends org.springframework.web.server.ResponseStatusException {
        ResponseStatusNotFound() {
            super(HttpStatus.NOT_FOUND);
        }
    }

    @ExceptionHandler(InvalidEventFilter.class)
    Object invalid(InvalidEventFilter e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message", e.getMessage());
        return "tracker/invalid";
    }
}
