package org.sitrep.tracker;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.EventFilterParams;
import org.sitrep.intel.EventPage;
import org.sitrep.intel.EventSearch;
import org.sitrep.intel.EvidenceInText;
import org.sitrep.intel.InvalidEventFilter;
import org.sitrep.intel.ReviewState;
import org.sitrep.intel.SourceLinks;
import org.sitrep.intel.TrackedEvent;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The tracker's pages. Each works without JavaScript (filters are a GET form, the events a paged
 * list); tracker.js adds the map, the timeline and the event panel on top.
 */
@Controller
class TrackerController {
    static final int PAGE_SIZE = 50;

    private final EventSearch events;

    TrackerController(EventSearch events) {
        this.events = events;
    }

    /** An event as a list row shows it, with its type's letter and colour class. */
    record Row(TrackedEvent event, EventTypes.Key key) {
        static List<Row> of(List<TrackedEvent> events) {
            return events.stream()
                    .map(e -> new Row(e, EventTypes.of(e.eventType())))
                    .toList();
        }
    }

    @GetMapping("/tracker")
    String tracker(
            EventFilterParams params, @RequestParam(name = "after", required = false) String after, Model model) {
        EventFilter filter = params.filter();
        EventPage page = events.search(filter, after, PAGE_SIZE);
        String qs = EventFilterParams.queryString(filter);
        model.addAttribute("q", filter);
        model.addAttribute("queryString", qs);
        model.addAttribute("rows", Row.of(page.events()));
        model.addAttribute("total", events.count(filter));
        model.addAttribute("firstPage", after == null || after.isBlank());
        model.addAttribute("firstUrl", "/tracker" + (qs.isEmpty() ? "" : "?" + qs));
        model.addAttribute(
                "nextUrl",
                page.nextCursor() == null
                        ? null
                        : "/tracker?" + (qs.isEmpty() ? "" : qs + "&") + "after=" + page.nextCursor());
        model.addAttribute("typeKeys", EventTypes.KEYS);
        model.addAttribute("states", List.of(ReviewState.values()));
        return "tracker/tracker";
    }

    /** One event in full: what the panel shows, as a page of its own for links and for readers without JavaScript. */
    @GetMapping("/tracker/events/{id}")
    String event(@PathVariable("id") long id, Model model) {
        TrackedEvent e = events.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("e", e);
        model.addAttribute("key", EventTypes.of(e.eventType()));
        model.addAttribute(
                "actors",
                Stream.of(e.actor1(), e.actor2())
                        .filter(Objects::nonNull)
                        .map(a -> new ActorLinks.Linked(a, 1))
                        .toList());
        model.addAttribute(
                "evidence",
                EvidenceInText.of(
                        e, events.documentText(e.source().documentId()).orElse("")));
        model.addAttribute("sourceUrl", SourceLinks.http(e.source().url()));
        return "tracker/event";
    }

    @ExceptionHandler(InvalidEventFilter.class)
    String invalid(InvalidEventFilter e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("message", e.getMessage());
        return "tracker/invalid";
    }
}
