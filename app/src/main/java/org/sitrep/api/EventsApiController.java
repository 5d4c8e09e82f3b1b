package org.sitrep.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.sitrep.intel.EventExports;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.EventPage;
import org.sitrep.intel.EventSearch;
import org.sitrep.intel.TrackedEvent;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Events as JSON pages (newest first, keyset cursors), one event with its evidence, and the CSV and GeoJSON exports. */
@RestController
class EventsApiController {
    static final String CSV = "text/csv;charset=UTF-8", GEOJSON = "application/geo+json";

    /** A page of events; {@code next} is the cursor of the following page, null on the last. */
    record EventList(List<TrackedEvent> events, @JsonInclude(JsonInclude.Include.ALWAYS) String next) {}

    private final EventSearch search;
    private final EventExports exports;

    EventsApiController(EventSearch search, EventExports exports) {
        this.search = search;
        this.exports = exports;
    }

    @GetMapping(value = "/api/v1/events", produces = "application/json")
    EventList events(EventParams params,
                     @RequestParam(name = "limit", required = false) String limit,
                     @RequestParam(name = "cursor", required = false) String cursor) {
        EventFilter filter = params.filter();
        EventPage page = search.search(filter, EventQuery.blankToNull(cursor), EventQuery.limit(limit, EventSearch.MAX_PAGE));
        return new EventList(page.events(), page.nextCursor());
    }

    @GetMapping(value = "/api/v1/events/{id}", produces = "application/json")
    TrackedEvent event(@PathVariable("id") String id) {
        Long eventId = EventQuery.number("id", id);
        return search.find(eventId).orElseThrow(() -> ApiProblem.notFound("no event " + eventId));
    }

    @GetMapping("/api/v1/events.csv")
    void csv(EventParams params, HttpServletResponse response) throws IOException {
        EventFilter filter = params.filter();
        // Written to the response as rows are read (no async timeout, no whole file in memory).
        response.setContentType(CSV);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sitrep-events.csv\"");
        exports.csv(filter, response.getOutputStream());
    }

    @GetMapping("/api/v1/events.geojson")
    void geojson(EventParams params, HttpServletResponse response) throws IOException {
        EventFilter filter = params.filter();
        response.setContentType(GEOJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sitrep-events.geojson\"");
        exports.geojson(filter, response.getOutputStream());
    }
}
