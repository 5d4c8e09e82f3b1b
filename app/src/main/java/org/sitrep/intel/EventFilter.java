package org.sitrep.intel;

import java.time.LocalDate;
import java.util.Set;
import org.sitrep.analysis.EventType;

/**
 * Which events to show. Every field is optional (null or empty means "any").
 *
 * @param from, to       events whose date range overlaps [from, to], inclusive
 * @param types          ACLED event types, each an {@link EventType#label()} (the events table stores the label); the
 *                       parser refuses others, the filter itself lets them match nothing (the map index's tests rely on it)
 * @param actor          an actor name matching actor1 or actor2, case-insensitive
 * @param place          a place name, case-insensitive
 * @param gazetteerId    a place by its gazetteer id (more exact than its name)
 * @param country        ISO 3166-1 alpha-2
 * @param source         a document's source name, e.g. "Sitrep" or a wire
 * @param minConfidence  at least this confidence (0..1)
 * @param states         review states; empty means every state except rejected and merged
 * @param bbox           events located inside this box (events without coordinates are then left out)
 * @param documentId     events of one analysed document
 *
 * <p>Built from a URL's parameters (the tracker's and the API's, one set of names) by {@link EventFilterParams}, which
 * also writes it back as a query string.
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

    /** Events at one place, by its gazetteer id. */
    public static EventFilter atPlace(long gazetteerId) {
        return new EventFilter(null, null, Set.of(), null, null, gazetteerId, null, null, null, Set.of(), null, null);
    }

    /** Events with this actor on either side. */
    public static EventFilter ofActor(String actor) {
        return new EventFilter(null, null, Set.of(), actor, null, null, null, null, null, Set.of(), null, null);
    }

    /** Whether this type (its ACLED label) is one the filter asks for; false when it asks for every type. */
    public boolean hasType(String label) {
        return types.contains(label);
    }

    /** Whether this review state (as stored, "confirmed") is one the filter asks for. */
    public boolean hasState(String dbValue) {
        return states.stream().anyMatch(s -> s.dbValue().equals(dbValue));
    }

    public EventFilter withBox(BoundingBox box) {
        return new EventFilter(from, to, types, actor, place, gazetteerId, country, source, minConfidence, states, box, documentId);
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
