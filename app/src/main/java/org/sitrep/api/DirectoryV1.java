package org.sitrep.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.sitrep.intel.ActorDirectory;
import org.sitrep.intel.DirectoryPage;
import org.sitrep.intel.PlaceDirectory;

/**
 * Places and actors in version 1 of the API ({@code /api/v1/places…}, {@code /api/v1/actors…}): the API's own
 * types, mapped from intel's directories, with the fields v1 has always sent (as {@link EventsV1} does for
 * events). {@code components/schemas/Place…} and {@code Actor…} in {@code api/openapi.json} describe them.
 */
final class DirectoryV1 {
    private DirectoryV1() {}

    record Place(
            long gazetteerId,
            String name,
            String country,
            String admin1,
            Double latitude,
            Double longitude,
            String geoPrecision,
            long events,
            long documents) {
        static Place of(PlaceDirectory.Place p) {
            return new Place(
                    p.gazetteerId(),
                    p.name(),
                    p.country(),
                    p.admin1(),
                    p.latitude(),
                    p.longitude(),
                    p.geoPrecision(),
                    p.events(),
                    p.documents());
        }
    }

    record PlaceList(
            List<Place> places,
            @JsonInclude(JsonInclude.Include.ALWAYS) String next) {
        static PlaceList of(DirectoryPage<PlaceDirectory.Place> page, String next) {
            return new PlaceList(page.items().stream().map(Place::of).toList(), next);
        }
    }

    /** An actor and its number of events (at a place, or against or with another actor). */
    record ActorCount(String actor, long events) {}

    record PlaceProfile(
            Place place,
            LocalDate firstEvent,
            LocalDate lastEvent,
            List<ActorCount> actors,
            List<EventsV1.Source> documents) {
        static PlaceProfile of(PlaceDirectory.Profile p) {
            return new PlaceProfile(
                    Place.of(p.place()),
                    p.firstEvent(),
                    p.lastEvent(),
                    p.actors().stream()
                            .map(a -> new ActorCount(a.actor(), a.events()))
                            .toList(),
                    p.documents().stream().map(EventsV1.Source::of).toList());
        }
    }

    record Actor(String name, String kind, String side, long events, long documents) {
        static Actor of(ActorDirectory.Actor a) {
            return new Actor(a.name(), a.kind(), a.side(), a.events(), a.documents());
        }
    }

    record ActorList(
            List<Actor> actors,
            @JsonInclude(JsonInclude.Include.ALWAYS) String next) {
        static ActorList of(DirectoryPage<ActorDirectory.Actor> page, String next) {
            return new ActorList(page.items().stream().map(Actor::of).toList(), next);
        }
    }

    /** A place where an actor's events happened. */
    record PlaceCount(long gazetteerId, String name, String country, long events) {}

    record ActorProfile(
            Actor actor,
            LocalDate firstEvent,
            LocalDate lastEvent,
            List<PlaceCount> places,
            List<ActorCount> counterparts,
            List<EventsV1.Source> documents) {
        static ActorProfile of(ActorDirectory.Profile p) {
            return new ActorProfile(
                    Actor.of(p.actor()),
                    p.firstEvent(),
                    p.lastEvent(),
                    p.places().stream()
                            .map(c -> new PlaceCount(c.gazetteerId(), c.name(), c.country(), c.events()))
                            .toList(),
                    p.counterparts().stream()
                            .map(c -> new ActorCount(c.actor(), c.events()))
                            .toList(),
                    p.documents().stream().map(EventsV1.Source::of).toList());
        }
    }
}
