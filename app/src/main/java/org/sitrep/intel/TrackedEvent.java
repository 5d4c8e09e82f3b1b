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
 * @param fatalities            the deaths reported for it, or null when its text says nothing of deaths
 */
public record TrackedEvent(
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
        Deaths fatalities) {

    /** An event with no word on deaths. */
    public TrackedEvent(
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
            long version) {
        this(
                id,
                source,
                origin,
                eventType,
                subEventType,
                actor1,
                actor2,
                placeName,
                country,
                admin1,
                latitude,
                longitude,
                geoPrecision,
                gazetteerId,
                dateEarliest,
                dateLatest,
                dateText,
                trigger,
                evidenceSentence,
                evidenceStart,
                evidenceEnd,
                confidence,
                reviewState,
                mergedInto,
                engineVersion,
                updatedAt,
                version,
                null);
    }

    /**
     * The deaths reported for an event ({@code intel_events.fatalities…}): {@code best} is the figure to count
     * (ACLED's, the lowest credible one; 0 a report of none), {@code low}..{@code high} the range the words allow
     * ({@code high} null: no upper bound), {@code words} what the engine read it from and their offsets in the
     * document's text (null after an analyst set the figure by hand with no words to show).
     */
    public record Deaths(int best, Integer low, Integer high, String words, Integer start, Integer end) {
        static Deaths of(org.sitrep.analysis.Fatalities f) {
            return f == null ? null : new Deaths(f.best(), f.low(), f.high(), f.text(), f.start(), f.end());
        }

        /** "40", "at least 6", "10–15": the figure as a reader sees it. */
        public String label() {
            if (low == null || (high != null && low.equals(high)) || best != low) return Integer.toString(best);
            if (high == null) return best == 0 ? "0" : "at least " + best;
            return low + "–" + high;
        }
    }

    /** The analysed document an event came from. */
    public record Source(
            long documentId,
            String kind,
            long sourceId,
            String title,
            String url,
            String name,
            LocalDate publishedOn) {}

    public boolean located() {
        return latitude != null && longitude != null;
    }
}
