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
 * @param countries      ISO 3166-1 alpha-2 codes; an event in any of them matches
 * @param admin1         a first-level division (governorate, province, state) by name as the events carry it,
 *                       case-insensitive, e.g. "Aleppo"; with countries, the division of one of those countries
 * @param source         a document's source name, e.g. "Sitrep" or a wire
 * @param minConfidence  at least this confidence (0..1)
 * @param states         review states; empty means every state except rejected and merged
 * @param bbox           events located inside this box (events without coordinates are then left out)
 * @param documentId     events of one analysed document
 *
 * <p>Built from a URL's parameters (the tracker's and the API's, one set of names) by {@link EventFilterParams}, which
 * also writes it back as a query string.
 */
public record EventFilter(
        LocalDate from,
        LocalDate to,
        Set<String> types,
        String actor,
        String place,
        Long gazetteerId,
        Set<String> countries,
        String admin1,
        String source,
        Double minConfidence,
        Set<ReviewState> states,
        BoundingBox bbox,
        Long documentId) {

    /** The most countries one filter names (a monitor of a region, not of the world: that is no filter). */
    public static final int MOST_COUNTRIES = 50;

    public EventFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
        states = states == null ? Set.of() : Set.copyOf(states);
        countries = countries == null
                ? Set.of()
                : Set.copyOf(new java.util.LinkedHashSet<>(countries.stream()
                        .filter(c -> c != null && !c.isBlank())
                        .map(String::trim)
                        .toList()));
        admin1 = admin1 == null || admin1.isBlank() ? null : admin1.trim();
        if (countries.size() > MOST_COUNTRIES)
            throw new InvalidEventFilter("country is given more than " + MOST_COUNTRIES + " times");
        for (String country : countries) {
            if (!country.matches("[A-Za-z]{2}"))
                throw new InvalidEventFilter("country must be a two-letter ISO 3166-1 code");
        }
        if (from != null && to != null && from.isAfter(to)) throw new InvalidEventFilter("from must not be after to");
        if (minConfidence != null && !(minConfidence >= 0 && minConfidence <= 1)) {
            throw new InvalidEventFilter("minConfidence must be between 0 and 1");
        }
    }

    /** A filter of one country or none, as the filter was before it took several (and no admin-1 area). */
    public EventFilter(
            LocalDate from,
            LocalDate to,
            Set<String> types,
            String actor,
            String place,
            Long gazetteerId,
            String country,
            String source,
            Double minConfidence,
            Set<ReviewState> states,
            BoundingBox bbox,
            Long documentId) {
        this(
                from,
                to,
                types,
                actor,
                place,
                gazetteerId,
                country == null || country.isBlank() ? Set.of() : Set.of(country),
                null,
                source,
                minConfidence,
                states,
                bbox,
                documentId);
    }

    /** The one country asked for; null when the filter names none or several ({@link #countries()}). */
    public String country() {
        return countries.size() == 1 ? countries.iterator().next() : null;
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
        return new EventFilter(
                from,
                to,
                types,
                actor,
                place,
                gazetteerId,
                countries,
                admin1,
                source,
                minConfidence,
                states,
                box,
                documentId);
    }

    public EventFilter withDocument(long id) {
        return new EventFilter(
                from, to, types, actor, place, gazetteerId, countries, admin1, source, minConfidence, states, bbox, id);
    }

    public EventFilter withDates(LocalDate newFrom, LocalDate newTo) {
        return new EventFilter(
                newFrom,
                newTo,
                types,
                actor,
                place,
                gazetteerId,
                countries,
                admin1,
                source,
                minConfidence,
                states,
                bbox,
                documentId);
    }

    public EventFilter withStates(Set<ReviewState> newStates) {
        return new EventFilter(
                from,
                to,
                types,
                actor,
                place,
                gazetteerId,
                countries,
                admin1,
                source,
                minConfidence,
                newStates,
                bbox,
                documentId);
    }
}
