package org.sitrep.intel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored event as analysts, the tracker and the API see it: what happened, who, where, when,
 * the sentence it came from, and where it stands in review.
 *
 * @param latitude, longitude   null when the event could not be placed
 * @param evidenceStart/End     character offsets of the evidence sentence in the document's text
 * @param version               raised by every change, by an analyst or the engine: a review names the version it saw
 */
public record TrackedEvent(long id, Source source, String origin, String eventType, String subEventType, String actor1,
                           String actor2, String placeName, String country, String admin1, Double latitude, Double longitude,
                           String geoPrecision, Long gazetteerId, LocalDate dateEarliest, LocalDate dateLatest, String dateText,
                           String trigger, String evidenceSentence, Integer evidenceStart, Integer evidenceEnd,
                           double confidence, ReviewState reviewState, Long mergedInto, String engineVersion,
                           Instant updatedAt, long version) {

    /** The analysed document an event came from. */
    public record Source(long documentId, String kind, long sourceId, String title, String url, String name,
                         LocalDate publishedOn) {}

    public boolean located() {
        return latitude != null && longitude != null;
    }
}
