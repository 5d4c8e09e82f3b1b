package org.sitrep.tracker;

import java.time.LocalDate;
import java.util.List;
import org.sitrep.intel.ActorDirectory;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.EventFilterParams;
import org.sitrep.intel.EventPage;
import org.sitrep.intel.EventSearch;
import org.sitrep.intel.PlaceDirectory;
import org.sitrep.intel.SourceLinks;
import org.sitrep.intel.TrackedEvent;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Place pages (a city: its events on a map, the actors involved, the pieces and items that mention it)
 * and actor pages (its events, where they happened, whom they were against or with, what names it),
 * built on the intel directories.
 */
@Controller
class ProfilePages {
    static final int EVENTS_SHOWN = 50;

    private final PlaceDirectory places;
    private final ActorDirectory actors;
    private final EventSearch events;
    private final TrendViews trends;

    ProfilePages(PlaceDirectory places, ActorDirectory actors, EventSearch events, TrendViews trends) {
        this.places = places;
        this.actors = actors;
        this.events = events;
        this.trends = trends;
    }

    /** A document naming the place or actor, its link kept only when it is http(s). */
    record DocumentLink(String title, String url, String source, LocalDate publishedOn, String kind) {
        static List<DocumentLink> of(List<TrackedEvent.Source> documents) {
            return documents.stream()
                    .map(d ->
                            new DocumentLink(d.title(), SourceLinks.http(d.url()), d.name(), d.publishedOn(), d.kind()))
                    .toList();
        }
    }

    @GetMapping("/tracker/places/{gazetteerId}")
    String place(@PathVariable("gazetteerId") long gazetteerId, Model model) {
        var profile = places.find(gazetteerId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("profile", profile);
        model.addAttribute("documents", DocumentLink.of(profile.documents()));
        model.addAttribute(
                "actors",
                profile.actors().stream()
                        .map(a -> new ActorLinks.Linked(a.actor(), a.events()))
                        .toList());
        addEvents(model, EventFilter.atPlace(gazetteerId));
        return "tracker/place";
    }

    @GetMapping({"/tracker/actors/{name}", "/tracker/actors"})
    String actor(
            @PathVariable(name = "name", required = false) String path,
            @RequestParam(name = "name", required = false) String query,
            Model model) {
        String name = path != null ? path : query;
        if (name == null) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        var profile = actors.find(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("profile", profile);
        model.addAttribute("documents", DocumentLink.of(profile.documents()));
        model.addAttribute(
                "counterparts",
                profile.counterparts().stream()
                        .map(c -> new ActorLinks.Linked(c.actor(), c.events()))
                        .toList());
        addEvents(model, EventFilter.ofActor(profile.actor().name()));
        return "tracker/actor";
    }

    /** The newest of the page's events, and the tracker view of all of them. */
    private void addEvents(Model model, EventFilter filter) {
        String query = EventFilterParams.queryString(filter);
        EventPage page = events.search(filter, null, EVENTS_SHOWN);
        model.addAttribute("rows", TrackerController.Row.of(page.events()));
        model.addAttribute("total", events.count(filter));
        model.addAttribute("eventsQuery", query);
        model.addAttribute("trackerUrl", "/tracker?" + query);
        model.addAttribute("trends", trends.of(filter));
    }
}
