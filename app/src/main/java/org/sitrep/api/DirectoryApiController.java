package org.sitrep.api;

import org.sitrep.intel.ActorDirectory;
import org.sitrep.intel.DirectoryPage;
import org.sitrep.intel.PlaceDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Places and actors: lists with counts (most events first), and one place or actor in full, as {@link DirectoryV1}. */
@RestController
class DirectoryApiController {

    private final PlaceDirectory places;
    private final ActorDirectory actors;

    DirectoryApiController(PlaceDirectory places, ActorDirectory actors) {
        this.places = places;
        this.actors = actors;
    }

    @GetMapping(value = "/api/v1/places", produces = "application/json")
    DirectoryV1.PlaceList places(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "country", required = false) String country,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor) {
        int offset = PageCursor.offset("places", cursor);
        DirectoryPage<PlaceDirectory.Place> page =
                places.list(q, country, offset, QueryParams.limit(limit, DirectoryPage.MAX_PAGE));
        return DirectoryV1.PlaceList.of(page, next("places", page));
    }

    @GetMapping(value = "/api/v1/places/{id}", produces = "application/json")
    DirectoryV1.PlaceProfile place(@PathVariable("id") String id) {
        long gazetteerId = QueryParams.number("id", id);
        return places.find(gazetteerId)
                .map(DirectoryV1.PlaceProfile::of)
                .orElseThrow(() -> ApiProblem.notFound("no place " + gazetteerId));
    }

    @GetMapping(value = "/api/v1/actors", produces = "application/json")
    DirectoryV1.ActorList actors(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor) {
        int offset = PageCursor.offset("actors", cursor);
        DirectoryPage<ActorDirectory.Actor> page =
                actors.list(q, kind, offset, QueryParams.limit(limit, DirectoryPage.MAX_PAGE));
        return DirectoryV1.ActorList.of(page, next("actors", page));
    }

    @GetMapping(value = "/api/v1/actors/{name}", produces = "application/json")
    DirectoryV1.ActorProfile actor(@PathVariable("name") String name) {
        return actors.find(name)
                .map(DirectoryV1.ActorProfile::of)
                .orElseThrow(() -> ApiProblem.notFound("no actor named " + name));
    }

    private static String next(String kind, DirectoryPage<?> page) {
        return page.more()
                ? PageCursor.encode(
                        kind, Integer.toString(page.offset() + page.items().size()))
                : null;
    }
}
