package org.sitrep.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.sitrep.intel.TrackedEvent;

/**
 * The events' JSON in version 1 of the API ({@code /api/v1/events}, {@code /api/v1/events/{id}}): the API's own
 * types, mapped from intel's {@link TrackedEvent}, so the stored record can change without changing what
 * clients read. The fields, their names and their order are the ones v1 has answered since it opened;
 * {@code components/schemas/Event} in {@code api/openapi.json} describes them and {@code ApiContract} checks a
 * real response against that schema. A field added here is a change to the published API: add it to the
 * schema and to docs/api.md; one removed or renamed needs a v2.
 */
final class EventsV1 {
    private EventsV1() {}

    /** A page of events; {@code next} is the cursor of the following page, null on the last (always written). */
    record EventList(
            List<Event> events,
            @JsonInclude(JsonInclude.Include.ALWAYS) String next) {
        static EventList of(List<TrackedEvent> events, String next) {
            return new EventList(events.stream().map(Event::of).toList(), next);
        }
    }

    /** Where an event stands with the analysts, as v1 spells it. */
    enum ReviewState {
        UNREVIEWED,
        CONFIRMED,
        CORRECTED,
        REJECTED,
        MERGED;

        static ReviewState of(org.sitrep.intel.ReviewState state) {
            return switch (state) { // no default: a new intel state must be given its v1 name here
                case UNREVIEWED -> UNREVIEWED;
                case CONFIRMED -> CONFIRMED;
                case CORRECTED -> CORRECTED;
                case REJECTED -> REJECTED;
                case MERGED -> MERGED;
            };
        }
    }

    /** The analysed document an event came from. */
    record Source(
            long documentId, String kind, long sourceId, String title, String url, String name, LocalDate publishedOn) {
        static Source of(TrackedEvent.Source s) {
            return new Source(s.documentId(), s.kind(), s.sourceId(), s.title(), s.url(), s.name(), s.publishedOn());
        }
    }

    /**
     * One event. Null fields are left out of the JSON (the application's Jackson setting).
     *
     * @param eventType    an ACLED type as {@link org.sitrep.analysis.EventType#label()} spells it
     * @param subEventType an ACLED sub-type as {@link org.sitrep.analysis.SubEventType#label()} spells it
     * @param version      raised by every change to the event (a review or a re-analysis)
     */
    record Event(
            long id,
            Source source,
            String origin,
            String eventType,
            String subEventType,
            String actor1,
            String actor2,
            String placeName,
            String country,
            String admin1,
            Double latitude,
            Double longitude,
            String geoPrecision,
            Long gazetteerId,
            LocalDate dateEarliest,
            LocalDate dateLatest,
            String dateText,
            String trigger,
            String evidenceSentence,
            Integer evidenceStart,
            Integer evidenceEnd,
            double confidence,
            ReviewState reviewState,
            Long mergedInto,
            String engineVersion,
            Instant updatedAt,
            long version,
            Fatalities fatalities) {

        static Event of(TrackedEvent e) {
            return new Event(
                    e.id(),
                    Source.of(e.source()),
                    e.origin(),
                    e.eventType(),
                    e.subEventType(),
                    e.actor1(),
                    e.actor2(),
                    e.placeName(),
                    e.country(),
                    e.admin1(),
                    e.latitude(),
                    e.longitude(),
                    e.geoPrecision(),
                    e.gazetteerId(),
                    e.dateEarliest(),
                    e.dateLatest(),
                    e.dateText(),
                    e.trigger(),
                    e.evidenceSentence(),
                    e.evidenceStart(),
                    e.evidenceEnd(),
                    e.confidence(),
                    ReviewState.of(e.reviewState()),
                    e.mergedInto(),
                    e.engineVersion(),
                    e.updatedAt(),
                    e.version(),
                    Fatalities.of(e.fatalities()));
        }
    }

    /**
     * The deaths reported for an event (left out when its text says nothing of deaths): {@code best} the figure to
     * count (ACLED's convention, the lowest credible one; 0 a report of none), {@code low}..{@code high} the range
     * the words allow ({@code high} left out: no upper bound), {@code words} the words it was read from and their
     * offsets {@code start}..{@code end} in the document's text (left out for a figure an analyst typed).
     */
    record Fatalities(int best, Integer low, Integer high, String words, Integer start, Integer end) {
        static Fatalities of(TrackedEvent.Deaths d) {
            return d == null ? null : new Fatalities(d.best(), d.low(), d.high(), d.words(), d.start(), d.end());
        }
    }

    /** An event that left the set since a moment: {@code reason} is rejected, merged (into {@code mergedInto}) or withdrawn. */
    record Removal(long id, String reason, Long mergedInto, Instant at) {
        static Removal of(org.sitrep.intel.EventChanges.Removal r) {
            return new Removal(r.id(), r.reason(), r.mergedInto(), r.at());
        }
    }

    /** A page of removals, oldest first; {@code next} as in {@link EventList}. */
    record RemovalList(
            List<Removal> removed,
            @JsonInclude(JsonInclude.Include.ALWAYS) String next) {
        static RemovalList of(List<org.sitrep.intel.EventChanges.Removal> removals, String next) {
            return new RemovalList(removals.stream().map(Removal::of).toList(), next);
        }
    }
}
