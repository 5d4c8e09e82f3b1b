package org.sitrep.intel;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which events to show. Every field is optional (null or empty means "any").
 *
 * @param from, to       events whose date range overlaps [from, to], inclusive
 * @param types          ACLED event types
 * @param actor          an actor name matching actor1 or actor2, case-insensitive
 * @param place          a place name, case-insensitive
 * @param gazetteerId    a place by its gazetteer id (more exact than its name)
 * @param country        ISO 3166-1 alpha-2
 * @param source         a document's source name, e.g. "Sitrep" or a wire
 * @param minConfidence  at least this confidence (0..1)
 * @param states         review states; empty means every state except rejected and merged
 * @param bbox           events located inside this box (events without coordinates are then left out)
 * @param documentId     events of one analysed document
 */
public record EventFilter(LocalDate from, LocalDate to, Set<String> types, String actor, String place, Long gazetteerId,
                          String country, String source, Double minConfidence, Set<ReviewState> states, BoundingBox bbox,
                          Long documentId) {

    public EventFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
        states = states == null ? Set.of() : Set.copyOf(states);
        if (from != null && to != null && from.isAfter(to)) throw new InvalidEventFilter("from must not be after to");
        if (minConfidence != null && !(minConfidence >= 0 && minConfidence <= 1)) {
            throw new InvalidEventFilter("minConfidence must be between 0 and 1");
        }
        if (country != null && !country.isBlank() && !country.matches("[A-Za-z]{2}")) {
            throw new InvalidEventFilter("country must be a two-letter ISO 3166-1 code");
        }
    }

    public static EventFilter any() {
        return new EventFilter(null, null, Set.of(), null, null, null, null, null, null, Set.of(), null, null);
    }

    public EventFilter withDocument(long id) {
        return new EventFilter(from, to, types, actor, place, gazetteerId, country, source, minConfidence, states, bbox, id);
    }

    public EventFilter withDates(LocalDate newFrom, LocalDate newTo) {
        return new EventFilter(newFrom, newTo, types, actor, place, gazetteerId, country, source, minConfidence, states, bbox,
                documentId);
    }

    public EventFilter withStates(Set<ReviewState> newStates) {
        return new EventFilter(from, to, types, actor, place, gazetteerId, country, source, minConfidence, newStates, bbox,
                documentId);
    }
}
