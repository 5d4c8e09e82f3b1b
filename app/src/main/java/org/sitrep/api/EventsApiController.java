package org.sitrep.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.sitrep.intel.EventChanges;
import org.sitrep.intel.EventExports;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.EventFilterParams;
import org.sitrep.intel.EventPage;
import org.sitrep.intel.EventSearch;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events as JSON pages (newest first, keyset cursors), one event with its evidence, and the CSV and GeoJSON exports.
 * The filter parameters are intel's {@link EventFilterParams} (the tracker's too); the JSON is {@link EventsV1}.
 */
@RestController
class EventsApiController {
    static final String CSV = "text/csv;charset=UTF-8", GEOJSON = "application/geo+json";

    private final EventSearch search;
    private final EventExports exports;
    private final EventChanges changes;

    EventsApiController(EventSearch search, EventExports exports, EventChanges changes) {
        this.search = search;
        this.exports = exports;
        this.changes = changes;
    }

    @GetMapping(value = "/api/v1/events", produces = "application/json")
    EventsV1.EventList events(
            EventFilterParams params,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor,
            @RequestParam(name = "updatedSince", required = false) String updatedSince) {
        EventFilter filter = params.filter();
        Instant since = QueryParams.instant("updatedSince", updatedSince);
        int size = QueryParams.limit(limit, EventSearch.MAX_PAGE);
        // With updatedSince the order is the order of changes (oldest first), so a client keeping a copy walks forward.
        EventPage page = since == null
                ? search.search(filter, QueryParams.blankToNull(cursor), size)
                : changes.changedSince(filter, since, QueryParams.blankToNull(cursor), size);
        return EventsV1.EventList.of(page.events(), page.nextCursor());
    }

    /** Events that left the set since a moment: rejected, merged into another, or withdrawn (the engine no longer finds them). */
    @GetMapping(value = "/api/v1/events/removed", produces = "application/json")
    EventsV1.RemovalList removed(
            @RequestParam(name = "since", required = false) String since,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor) {
        Instant from = QueryParams.instant("since", since);
        if (from == null) throw ApiProblem.badRequest("since is required: a date-time such as 2024-03-10T08:00:00Z");
        var page = changes.removedSince(
                from, QueryParams.blankToNull(cursor), QueryParams.limit(limit, EventSearch.MAX_PAGE));
        return EventsV1.RemovalList.of(page.removals(), page.nextCursor());
    }

    @GetMapping(value = "/api/v1/events/{id}", produces = "application/json")
    EventsV1.Event event(@PathVariable("id") String id) {
        Long eventId = QueryParams.number("id", id);
        return search.find(eventId)
                .map(EventsV1.Event::of)
                .orElseThrow(() -> ApiProblem.notFound("no event " + eventId));
    }

    @GetMapping("/api/v1/events.csv")
    void csv(
            EventFilterParams params,
            @RequestParam(name = "updatedSince", required = false) String updatedSince,
            HttpServletResponse response)
            throws IOException {
        EventFilter filter = params.filter();
        Instant since = QueryParams.instant("updatedSince", updatedSince);
        // Written to the response as rows are read (no async timeout, no whole file in memory).
        response.setContentType(CSV);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sitrep-events.csv\"");
        exports.csv(filter, since, response.getOutputStream());
    }

    @GetMapping("/api/v1/events.geojson")
    void geojson(
            EventFilterParams params,
            @RequestParam(name = "updatedSince", required = false) String updatedSince,
            HttpServletResponse response)
            throws IOException {
        EventFilter filter = params.filter();
        Instant since = QueryParams.instant("updatedSince", updatedSince);
        response.setContentType(GEOJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sitrep-events.geojson\"");
        exports.geojson(filter, since, response.getOutputStream());
    }
}
