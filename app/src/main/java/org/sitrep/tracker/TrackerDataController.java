package org.sitrep.tracker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sitrep.intel.BoundingBox;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.EventFilterParams;
import org.sitrep.intel.EventLabels;
import org.sitrep.intel.EventPage;
import org.sitrep.intel.EventSearch;
import org.sitrep.intel.EvidenceInText;
import org.sitrep.intel.InvalidEventFilter;
import org.sitrep.intel.SourceLinks;
import org.sitrep.intel.TrackedEvent;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON for the tracker's script (staff and data subscribers, like the page): compact map points, one event
 * in full for the panel, per-day counts for the timeline, and town labels for the basemap.
 */
@RestController
class TrackerDataController {
    /** Most map points one request returns; beyond this the page says "showing N of M". */
    static final int MAX_POINTS = 10_000;

    static final int MAX_LABELS = 300;

    private final EventSearch events;
    private final PopulatedPlaces places;

    TrackerDataController(EventSearch events, PopulatedPlaces places) {
        this.events = events;
        this.places = places;
    }

    /** A map point: just enough to draw and label a marker. */
    record Point(long id, String type, double lat, double lon, LocalDate date, String place) {}

    record Points(long total, int shown, boolean capped, List<Point> events) {}

    @GetMapping("/tracker/data/events")
    Points points(EventFilterParams params, @RequestParam(name = "limit", required = false) Integer limit) {
        int cap = limit == null ? MAX_POINTS : limit;
        if (cap < 1 || cap > MAX_POINTS) throw new InvalidEventFilter("limit must be between 1 and " + MAX_POINTS);
        EventFilter filter = params.filter(); // with the map's bbox, one of the filter's parameters
        List<Point> points = new ArrayList<>();
        String cursor = null;
        boolean more;
        do {
            EventPage page = events.search(filter, cursor, Math.min(EventSearch.MAX_PAGE, cap - points.size()));
            for (TrackedEvent e : page.events()) {
                if (e.located())
                    points.add(new Point(
                            e.id(), e.eventType(), e.latitude(), e.longitude(), e.dateEarliest(), e.placeName()));
            }
            cursor = page.nextCursor();
            more = cursor != null;
        } while (more && points.size() < cap);
        long total = events.count(filter);
        return new Points(total, points.size(), more, points);
    }

    /** One event as the panel shows it. */
    record Detail(
            long id,
            String type,
            String subType,
            String actor1,
            String actor2,
            String place,
            Long gazetteerId,
            String country,
            String admin1,
            Double lat,
            Double lon,
            String precision,
            LocalDate dateEarliest,
            LocalDate dateLatest,
            String dateText,
            double confidence,
            String reviewState,
            String origin,
            String sourceTitle,
            String sourceName,
            String sourceUrl,
            LocalDate publishedOn,
            String evidenceSentence,
            EvidenceInText evidence,
            String reviewUrl,
            String pageUrl,
            String deaths,
            String deathsWords) {

        static Detail of(TrackedEvent e, EvidenceInText evidence, boolean staff) {
            return new Detail(
                    e.id(),
                    e.eventType(),
                    e.subEventType(),
                    e.actor1(),
                    e.actor2(),
                    e.placeName(),
                    e.gazetteerId(),
                    e.country(),
                    e.admin1(),
                    e.latitude(),
                    e.longitude(),
                    e.geoPrecision(),
                    e.dateEarliest(),
                    e.dateLatest(),
                    e.dateText(),
                    e.confidence(),
                    e.reviewState().dbValue(),
                    e.origin(),
                    e.source().title(),
                    e.source().name(),
                    SourceLinks.http(e.source().url()),
                    e.source().publishedOn(),
                    e.evidenceSentence(),
                    evidence,
                    staff ? "/intel/events/" + e.id() : null,
                    "/tracker/events/" + e.id(),
                    EventLabels.deaths(e.fatalities()),
                    e.fatalities() == null ? null : e.fatalities().words());
        }
    }

    @GetMapping("/tracker/data/events/{id}")
    ResponseEntity<Detail> event(@PathVariable("id") long id, Authentication who) {
        boolean staff = TrackerReaders.isStaff(who); // subscribers read; only staff are sent to review
        return events.find(id)
                .map(e -> ResponseEntity.ok(Detail.of(
                        e,
                        EvidenceInText.of(
                                e, events.documentText(e.source().documentId()).orElse("")),
                        staff)))
                .orElse(ResponseEntity.notFound().build());
    }

    record Timeline(List<EventSearch.DayCount> days) {}

    /** Per-day counts for the filters without their dates, so the brushed range can be widened again. */
    @GetMapping("/tracker/data/timeline")
    Timeline timeline(EventFilterParams params) {
        return new Timeline(events.perDay(params.filter().withDates(null, null)));
    }

    @GetMapping("/tracker/data/places")
    List<PopulatedPlaces.Label> labels(
            @RequestParam("bbox") String bbox, @RequestParam(name = "limit", defaultValue = "80") int limit) {
        BoundingBox box = BoundingBox.parse(bbox);
        if (box == null) throw new InvalidEventFilter("bbox is required");
        if (limit < 1 || limit > MAX_LABELS) throw new InvalidEventFilter("limit must be between 1 and " + MAX_LABELS);
        return places.largestIn(box, limit);
    }

    @ExceptionHandler(InvalidEventFilter.class)
    ResponseEntity<Map<String, String>> invalid(InvalidEventFilter e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage()));
    }
}
