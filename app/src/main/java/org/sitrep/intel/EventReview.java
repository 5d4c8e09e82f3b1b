package org.sitrep.intel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sitrep.analysis.evaluation.AcledTaxonomy;
import org.sitrep.analysis.places.GazetteerEntry;
import org.sitrep.analysis.places.Geoparser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What analysts do to events: confirm, correct, reject, reopen, and merge a duplicate into the
 * event it repeats. Every action is written to the audit trail ({@code intel_event_reviews}) with
 * who did it and each field's value before and after.
 */
@Service
public class EventReview {
    public static final int MERGE_DAYS = 3;
    public static final double MERGE_KM = 25;
    static final Set<String> PRECISIONS = Set.of("neighbourhood", "city", "admin2", "admin1", "country");

    /** One line of the audit trail. */
    public record Entry(String analyst, String action, String changes, Instant at) {
        /** "2026-03-02 12:00" in UTC, as the page shows it. */
        public String when() {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .withZone(ZoneOffset.UTC)
                    .format(at);
        }
    }

    /** One page of the review queue. */
    public record QueuePage(List<TrackedEvent> events, long total, int page, int pages) {}

    /** A possible duplicate and how far it is from the event under review (null when either has no place). */
    public record Candidate(TrackedEvent event, Double km) {}

    private final JdbcClient jdbc;
    private final EventSearch search;
    private final AnalysisEngine engine;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final PlaceLookup places;

    EventReview(
            JdbcClient jdbc,
            EventSearch search,
            AnalysisEngine engine,
            Clock clock,
            ApplicationEventPublisher publisher,
            PlaceLookup places) {
        this.places = places;
        this.jdbc = jdbc;
        this.search = search;
        this.engine = engine;
        this.clock = clock;
        this.publisher = publisher;
    }

    public static Map<String, List<String>> taxonomy() {
        return AcledTaxonomy.all();
    }

    @Transactional
    public void confirm(long id, long seen, String analyst) {
        TrackedEvent e = open(id, seen);
        if (e.reviewState() == ReviewState.CONFIRMED) throw new InvalidReview("This event is already confirmed.");
        setState(id, ReviewState.CONFIRMED);
        audit(id, analyst, "confirm", change("review_state", e.reviewState().dbValue(), "confirmed"));
    }

    @Transactional
    public void reject(long id, long seen, String analyst) {
        TrackedEvent e = open(id, seen);
        if (e.reviewState() == ReviewState.REJECTED) throw new InvalidReview("This event is already rejected.");
        setState(id, ReviewState.REJECTED);
        audit(id, analyst, "reject", change("review_state", e.reviewState().dbValue(), "rejected"));
    }

    /**
     * Back to the review queue; a merged event is un-merged ("Unlink" for one linked automatically, which the machine
     * then never links again: it has a history). Corrected values stay as they are. The deaths the event it had joined
     * took from it, when that one had none of its own, go back with it, or they would be counted twice.
     */
    @Transactional
    public void reopen(long id, long seen, String analyst) {
        TrackedEvent e = current(id, seen);
        if (e.reviewState() == ReviewState.UNREVIEWED)
            throw new InvalidReview("This event is already waiting for review.");
        jdbc.sql(
                        "UPDATE intel_events SET review_state = 'unreviewed', merged_into = NULL, updated_at = :now WHERE id = :id")
                .param("now", now())
                .param("id", id)
                .update();
        StringBuilder changes =
                new StringBuilder(change("review_state", e.reviewState().dbValue(), "unreviewed"));
        if (e.mergedInto() != null) {
            changes.append('\n').append(change("merged_into", "#" + e.mergedInto(), null));
            returnTakenDeaths(e, analyst);
        }
        audit(id, analyst, "reopen", changes.toString());
    }

    /** Clears the figure {@code e}'s merge copied into the event it joined, if that event still holds exactly it. */
    private void returnTakenDeaths(TrackedEvent e, String analyst) {
        if (e.fatalities() == null) return;
        String taken = "fatalities: — → " + e.fatalities().best() + " (from #" + e.id() + ")";
        boolean copied = jdbc
                .sql("SELECT changes FROM intel_event_reviews WHERE event_id = :into AND action IN ('merge', 'link')")
                .param("into", e.mergedInto())
                .query(String.class)
                .list()
                .stream()
                .anyMatch(c -> c != null && c.contains(taken));
        if (!copied) return;
        int cleared = jdbc.sql(
                        "UPDATE intel_events SET fatalities = NULL, fatalities_low = NULL, fatalities_high = NULL,"
                                + " updated_at = :now WHERE id = :into AND fatalities = :best AND fatalities_text IS NULL")
                .param("now", now())
                .param("into", e.mergedInto())
                .param("best", e.fatalities().best())
                .update();
        if (cleared == 1) {
            audit(
                    e.mergedInto(),
                    analyst,
                    "unlink",
                    change("fatalities", Integer.toString(e.fatalities().best()), null) + " (returned to #" + e.id()
                            + ")");
        }
    }

    @Transactional
    public void correct(long id, long seen, Correction c, String analyst) {
        TrackedEvent e = open(id, seen);
        Map<String, String> errors = new LinkedHashMap<>();
        String type = trim(c.eventType());
        String subType = trim(c.subEventType());
        if (type == null || subType == null || !AcledTaxonomy.valid(type, subType)) {
            errors.put("subEventType", "Choose an event type and one of its ACLED sub-types.");
        }
        String actor1 = limit(trim(c.actor1()), 300, "actor1", errors);
        String actor2 = limit(trim(c.actor2()), 300, "actor2", errors);
        LocalDate earliest = date(c.dateEarliest(), "dateEarliest", errors);
        LocalDate latest = trim(c.dateLatest()) == null ? earliest : date(c.dateLatest(), "dateLatest", errors);
        if (earliest != null && latest != null && latest.isBefore(earliest)) {
            errors.put("dateLatest", "The last day cannot be before the first.");
        }
        Where where = place(e, c, errors);
        TrackedEvent.Deaths deaths = deaths(e.fatalities(), c.fatalities(), errors);
        if (!errors.isEmpty()) throw new InvalidReview(errors);

        List<String> changes = new ArrayList<>();
        diff(changes, "event_type", e.eventType(), type);
        diff(changes, "sub_event_type", e.subEventType(), subType);
        diff(changes, "actor1", e.actor1(), actor1);
        diff(changes, "actor2", e.actor2(), actor2);
        diff(changes, "place_name", e.placeName(), where.name);
        diff(changes, "latitude", e.latitude(), where.lat);
        diff(changes, "longitude", e.longitude(), where.lon);
        diff(changes, "country", e.country(), where.country);
        diff(changes, "admin1", e.admin1(), where.admin1);
        diff(changes, "geo_precision", e.geoPrecision(), where.precision);
        diff(changes, "gazetteer_id", e.gazetteerId(), where.gazetteerId);
        diff(changes, "date_earliest", e.dateEarliest(), earliest);
        diff(changes, "date_latest", e.dateLatest(), latest);
        diff(
                changes,
                "fatalities",
                e.fatalities() == null ? null : e.fatalities().best(),
                deaths == null ? null : deaths.best());
        if (changes.isEmpty())
            throw new InvalidReview("Nothing was changed: to accept the event as it is, confirm it.");
        changes.add(change("review_state", e.reviewState().dbValue(), "corrected"));

        jdbc.sql("""
                UPDATE intel_events SET event_type = :type, sub_event_type = :subType, actor1 = :actor1, actor2 = :actor2,
                    place_name = :place, latitude = :lat, longitude = :lon, country = :country, admin1 = :admin1,
                    geo_precision = :precision, gazetteer_id = :gazetteerId, date_earliest = :earliest, date_latest = :latest,
                    fatalities = :deaths, fatalities_low = :deathsLow, fatalities_high = :deathsHigh,
                    fatalities_text = :deathsText, fatalities_start = :deathsStart, fatalities_end = :deathsEnd,
                    review_state = 'corrected', updated_at = :now WHERE id = :id""")
                .param("type", type)
                .param("subType", subType)
                .param("actor1", actor1)
                .param("actor2", actor2)
                .param("place", where.name)
                .param("lat", where.lat)
                .param("lon", where.lon)
                .param("country", where.country)
                .param("admin1", where.admin1)
                .param("precision", where.precision)
                .param("gazetteerId", where.gazetteerId)
                .param("earliest", earliest)
                .param("latest", latest)
                .param("deaths", deaths == null ? null : deaths.best())
                .param("deathsLow", deaths == null ? null : deaths.low())
                .param("deathsHigh", deaths == null ? null : deaths.high())
                .param("deathsText", deaths == null ? null : deaths.words())
                .param("deathsStart", deaths == null ? null : deaths.start())
                .param("deathsEnd", deaths == null ? null : deaths.end())
                .param("now", now())
                .param("id", id)
                .update();
        audit(id, analyst, "correct", String.join("\n", changes));
    }

    /**
     * {@code duplicate} reports the same event as {@code into}: it becomes "merged", pointing at
     * {@code into}, which keeps its own evidence and lists the duplicate's as another source. Events
     * already merged into the duplicate follow it. An unreviewed {@code into} counts as confirmed.
     */
    @Transactional
    public void merge(long duplicate, long seen, long into, String analyst) {
        if (duplicate == into) throw new InvalidReview(Map.of("into", "An event cannot be merged into itself."));
        TrackedEvent dup = open(duplicate, seen);
        TrackedEvent target = search.find(into)
                .orElseThrow(() -> new InvalidReview(Map.of("into", "There is no event #" + into + ".")));
        if (target.reviewState() == ReviewState.MERGED) {
            throw new InvalidReview(Map.of(
                    "into",
                    "Event #" + into + " was itself merged into #" + target.mergedInto() + ": merge into that one."));
        }
        if (target.reviewState() == ReviewState.REJECTED) {
            throw new InvalidReview(
                    Map.of("into", "Event #" + into + " was rejected: reopen it first, or reject this one too."));
        }
        OffsetDateTime now = now();
        List<Long> followers = jdbc.sql("SELECT id FROM intel_events WHERE merged_into = :dup")
                .param("dup", duplicate)
                .query(Long.class)
                .list();
        for (long f : followers) {
            jdbc.sql(
                            "UPDATE intel_events SET merged_into = :into, updated_at = :now, row_version = row_version + 1 WHERE id = :id")
                    .param("into", into)
                    .param("now", now)
                    .param("id", f)
                    .update();
            audit(f, analyst, "merge", change("merged_into", "#" + duplicate, "#" + into));
        }
        jdbc.sql(
                        "UPDATE intel_events SET review_state = 'merged', merged_into = :into, updated_at = :now WHERE id = :id")
                .param("into", into)
                .param("now", now)
                .param("id", duplicate)
                .update();
        audit(
                duplicate,
                analyst,
                "merge",
                change("review_state", dup.reviewState().dbValue(), "merged") + "\n"
                        + change("merged_into", null, "#" + into));
        String absorbed = change(
                "sources",
                null,
                "#" + duplicate + " (" + dup.source().name() + ": "
                        + Objects.toString(dup.source().title(), "untitled") + ")");
        if (target.reviewState() == ReviewState.UNREVIEWED) {
            setState(into, ReviewState.CONFIRMED);
            absorbed = change("review_state", "unreviewed", "confirmed") + "\n" + absorbed;
        }
        // The same deaths told by two articles are counted once: the merged event leaves every count (its state), and
        // the event it joins keeps its own figure; only when that one has none does it take the duplicate's.
        if (target.fatalities() == null && dup.fatalities() != null) {
            TrackedEvent.Deaths d = dup.fatalities();
            jdbc.sql("""
                    UPDATE intel_events SET fatalities = :best, fatalities_low = :low, fatalities_high = :high,
                        fatalities_text = NULL, fatalities_start = NULL, fatalities_end = NULL, updated_at = :now WHERE id = :id""")
                    .param("best", d.best())
                    .param("low", d.low())
                    .param("high", d.high())
                    .param("now", now)
                    .param("id", into)
                    .update();
            absorbed = absorbed + "\n" + change("fatalities", null, d.best() + " (from #" + duplicate + ")");
        }
        audit(into, analyst, "merge", absorbed);
    }

    /** The audit trail of one event, oldest first. */
    public List<Entry> history(long id) {
        return jdbc.sql(
                        "SELECT analyst, action, changes, happened_at FROM intel_event_reviews WHERE event_id = :id ORDER BY id")
                .param("id", id)
                .query((rs, n) -> new Entry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Events merged into this one: its other sources. */
    public List<TrackedEvent> mergedInto(long id) {
        return events(jdbc.sql("SELECT id FROM intel_events WHERE merged_into = :id ORDER BY id")
                .param("id", id)
                .query(Long.class)
                .list());
    }

    /** Possible duplicates: the same type, within {@value #MERGE_DAYS} days and about {@value #MERGE_KM} km, nearest first. */
    public List<Candidate> mergeCandidates(TrackedEvent e) {
        var sql = new StringBuilder(
                "SELECT id, latitude, longitude FROM intel_events WHERE id <> :id AND event_type = :type "
                        + "AND review_state IN ('unreviewed','confirmed','corrected') AND date_earliest <= :until AND date_latest >= :since");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", e.id());
        params.put("type", e.eventType());
        params.put("until", e.dateLatest().plusDays(MERGE_DAYS));
        params.put("since", e.dateEarliest().minusDays(MERGE_DAYS));
        if (e.located()) {
            double dLat = MERGE_KM / 111.0;
            double dLon = MERGE_KM / (111.0 * Math.max(0.1, Math.cos(Math.toRadians(e.latitude()))));
            sql.append(" AND latitude BETWEEN :south AND :north AND longitude BETWEEN :west AND :east");
            params.put("south", e.latitude() - dLat);
            params.put("north", e.latitude() + dLat);
            params.put("west", e.longitude() - dLon);
            params.put("east", e.longitude() + dLon);
        }
        sql.append(" ORDER BY date_earliest DESC, id DESC FETCH FIRST 200 ROWS ONLY");
        List<Candidate> found = new ArrayList<>();
        jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) ->
                        new Object[] {rs.getLong(1), rs.getObject(2, Double.class), rs.getObject(3, Double.class)})
                .list()
                .forEach(row -> {
                    Double km = e.located() && row[1] != null && row[2] != null
                            ? Geoparser.km(e.latitude(), e.longitude(), (Double) row[1], (Double) row[2])
                            : null;
                    if (km == null || km <= MERGE_KM)
                        search.find((Long) row[0]).ifPresent(c -> found.add(new Candidate(c, km)));
                });
        found.sort(Comparator.comparing((Candidate c) -> c.km() == null ? Double.MAX_VALUE : c.km()));
        return found.size() > 20 ? List.copyOf(found.subList(0, 20)) : found;
    }

    /**
     * Which unreviewed events the queue shows: all of them, or those of one source (the wire's name), one event type,
     * at least a confidence, or a place (its name, case-insensitive). Blank fields do not filter.
     */
    public record QueueFilter(String source, String type, Double minConfidence, String place) {
        public static final QueueFilter ALL = new QueueFilter(null, null, null, null);

        String where(Map<String, Object> params) {
            StringBuilder w = new StringBuilder(" WHERE e.review_state = 'unreviewed'");
            if (source != null && !source.isBlank()) {
                w.append(" AND d.source_name = :source");
                params.put("source", source.strip());
            }
            if (type != null && !type.isBlank()) {
                w.append(" AND e.event_type = :type");
                params.put("type", type.strip());
            }
            if (minConfidence != null) {
                w.append(" AND e.confidence >= :confidence");
                params.put("confidence", minConfidence);
            }
            if (place != null && !place.isBlank()) {
                w.append(" AND LOWER(e.place_name) = :place");
                params.put("place", place.strip().toLowerCase(Locale.ROOT));
            }
            return w.toString();
        }
    }

    /** Unreviewed events, least confident first: where an analyst's eye helps most. */
    public QueuePage queue(int page, int size) {
        return queue(QueueFilter.ALL, page, size);
    }

    public QueuePage queue(QueueFilter filter, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String from = " FROM intel_events e JOIN intel_documents d ON d.id = e.document_id" + filter.where(params);
        long total = jdbc.sql("SELECT COUNT(*)" + from)
                .params(params)
                .query(Long.class)
                .single();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int p = Math.min(Math.max(1, page), pages);
        params.put("limit", size);
        params.put("offset", (p - 1) * size);
        List<Long> ids = jdbc.sql("SELECT e.id" + from + " ORDER BY e.confidence, e.id LIMIT :limit OFFSET :offset")
                .params(params)
                .query(Long.class)
                .list();
        return new QueuePage(events(ids), total, p, pages);
    }

    /**
     * The event the analyst should see after finishing {@code done}: the next unreviewed one in the queue's order
     * (least confident first) after it, else the first still waiting; empty when the queue is empty.
     */
    public Optional<Long> nextInQueue(long done, QueueFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = filter.where(params) + " AND e.id <> :done";
        params.put("done", done);
        String from = " FROM intel_events e JOIN intel_documents d ON d.id = e.document_id";
        Double confidence = jdbc.sql("SELECT confidence FROM intel_events WHERE id = :id")
                .param("id", done)
                .query(Double.class)
                .optional()
                .orElse(null);
        if (confidence != null) {
            Map<String, Object> after = new LinkedHashMap<>(params);
            after.put("c", confidence);
            Optional<Long> next = jdbc.sql(
                            "SELECT e.id" + from + where
                                    + " AND (e.confidence > :c OR (e.confidence = :c AND e.id > :done)) ORDER BY e.confidence, e.id FETCH FIRST 1 ROWS ONLY")
                    .params(after)
                    .query(Long.class)
                    .optional();
            if (next.isPresent()) return next;
        }
        return jdbc.sql("SELECT e.id" + from + where + " ORDER BY e.confidence, e.id FETCH FIRST 1 ROWS ONLY")
                .params(params)
                .query(Long.class)
                .optional();
    }

    public TrackedEvent find(long id) {
        return search.find(id).orElseThrow(() -> new UnknownEvent(id));
    }

    /** Thrown for an event id that does not exist (pages answer 404). */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    public static class UnknownEvent extends RuntimeException {
        public UnknownEvent(long id) {
            super("no event #" + id);
        }
    }

    // --- internals -------------------------------------------------------------------------

    /** An event an analyst may act on: a merged one must be reopened first. */
    /**
     * The event as it is now, provided it is still the version the analyst saw ({@code seen}); its row stays locked
     * until the action commits, so nobody changes it in between.
     */
    private TrackedEvent current(long id, long seen) {
        find(id); // an unknown event is a 404, not a conflict
        int claimed = jdbc.sql(
                        "UPDATE intel_events SET row_version = row_version + 1 WHERE id = :id AND row_version = :seen")
                .param("id", id)
                .param("seen", seen)
                .update();
        if (claimed == 0) {
            TrackedEvent now = find(id);
            List<Entry> trail = history(id);
            throw new StaleReview(now, trail.isEmpty() ? null : trail.get(trail.size() - 1));
        }
        return find(id);
    }

    private TrackedEvent open(long id, long seen) {
        TrackedEvent e = current(id, seen);
        if (e.reviewState() == ReviewState.MERGED) {
            throw new InvalidReview("This event was merged into #" + e.mergedInto() + ": reopen it first.");
        }
        return e;
    }

    private List<TrackedEvent> events(List<Long> ids) {
        List<TrackedEvent> out = new ArrayList<>();
        for (long id : ids) search.find(id).ifPresent(out::add);
        return out;
    }

    private void setState(long id, ReviewState state) {
        jdbc.sql(
                        "UPDATE intel_events SET review_state = :state, updated_at = :now, row_version = row_version + 1 WHERE id = :id")
                .param("state", state.dbValue())
                .param("now", now())
                .param("id", id)
                .update();
    }

    private void audit(long id, String analyst, String action, String changes) {
        jdbc.sql("INSERT INTO intel_event_reviews (event_id, analyst, action, changes, happened_at) "
                        + "VALUES (:id, :analyst, :action, :changes, :now)")
                .param("id", id)
                .param("analyst", AnalysisStore.cut(analyst, 320))
                .param("action", action)
                .param("changes", AnalysisStore.cut(changes, 4000))
                .param("now", now())
                .update();
        publisher.publishEvent(EventsChanged.events(id)); // every change is audited: the map index hears of it here
    }

    private record Where(
            String name, Double lat, Double lon, String country, String admin1, String precision, Long gazetteerId) {}

    /**
     * The corrected place: a place picked from the gazetteer (its id; the analyst's spelling kept); cleared (no name,
     * no coordinates); the same name without coordinates (taken off the map); unchanged; typed coordinates kept as
     * written; or a new name looked up in the gazetteer (the candidate in the event's country first, then the most
     * populous). A new name the gazetteer lacks needs new coordinates: keeping the old ones would leave the event where
     * the analyst just said it is not.
     */
    private Where place(TrackedEvent e, Correction c, Map<String, String> errors) {
        String name = trim(c.placeName());
        String latText = trim(c.latitude());
        String lonText = trim(c.longitude());
        String picked = trim(c.gazetteerId());
        if (name != null && name.length() > 300) {
            errors.put("placeName", "A place name is at most 300 characters.");
            return null;
        }
        if (picked != null) {
            Optional<PlaceLookup.Place> p;
            try {
                p = places.byId(Long.parseLong(picked));
            } catch (NumberFormatException ex) {
                p = Optional.empty();
            }
            if (p.isEmpty()) {
                errors.put("placeName", "That place is not in the gazetteer: choose one from the suggestions.");
                return null;
            }
            PlaceLookup.Place g = p.get();
            return new Where(
                    name == null ? g.name() : name, g.lat(), g.lon(), g.country(), g.admin1(), g.precision(), g.id());
        }
        if (name == null) {
            if (latText != null || lonText != null) errors.put("placeName", "Name the place at these coordinates.");
            return new Where(null, null, null, null, null, null, null);
        }
        Double lat = number(latText, -90, 90, "latitude", errors);
        Double lon = number(lonText, -180, 180, "longitude", errors);
        if ((lat == null) != (lon == null) && !errors.containsKey("latitude") && !errors.containsKey("longitude")) {
            errors.put(
                    lat == null ? "latitude" : "longitude",
                    "Give both latitude and longitude, or neither to look the place up.");
            return null;
        }
        if (errors.containsKey("latitude") || errors.containsKey("longitude")) return null;
        boolean sameName = name.equalsIgnoreCase(Objects.toString(e.placeName(), ""));
        if (sameName && lat == null) {
            // The coordinates were cleared: the place keeps its name but is no longer put on the map.
            return new Where(e.placeName(), null, null, e.country(), e.admin1(), null, null);
        }
        boolean sameSpot = lat != null && Objects.equals(lat, e.latitude()) && Objects.equals(lon, e.longitude());
        if (sameName && sameSpot) {
            return new Where(
                    e.placeName(),
                    e.latitude(),
                    e.longitude(),
                    e.country(),
                    e.admin1(),
                    e.geoPrecision(),
                    e.gazetteerId());
        }
        if (lat != null && !sameSpot) {
            String country = trim(c.country());
            if (country != null && !country.matches("[A-Za-z]{2}")) {
                errors.put("country", "A country is its two-letter ISO code, e.g. SY.");
            }
            String precision =
                    trim(c.precision()) == null ? "city" : trim(c.precision()).toLowerCase(Locale.ROOT);
            if (!PRECISIONS.contains(precision)) errors.put("precision", "Choose a precision from the list.");
            return new Where(
                    name, lat, lon, country == null ? null : country.toUpperCase(Locale.ROOT), null, precision, null);
        }
        List<GazetteerEntry> named = engine.gazetteer().named(name);
        if (named.isEmpty()) {
            errors.put(
                    "placeName",
                    "No place called “" + name + "” in the gazetteer: choose one from the suggestions, "
                            + "click the map, or enter its latitude and longitude.");
            return null;
        }
        String country = trim(c.country()) != null ? trim(c.country()).toUpperCase(Locale.ROOT) : e.country();
        GazetteerEntry best = named.stream()
                .max(Comparator.comparing(
                                (GazetteerEntry g) -> g.country().equalsIgnoreCase(Objects.toString(country, "")))
                        .thenComparingLong(GazetteerEntry::population))
                .orElseThrow();
        // The analyst's spelling stays (it is what the desk writes); the gazetteer supplies where it is.
        return new Where(
                name,
                best.lat(),
                best.lon(),
                best.country(),
                best.admin1().isEmpty() ? null : best.admin1(),
                best.precision().word(),
                best.id());
    }

    /** Most deaths one event can be said to have: more is a typing slip, not a report. */
    static final int MOST_DEATHS = 1_000_000;

    /**
     * The reported deaths after a correction: unchanged when the form did not send the field or sent the figure the
     * event has (its range and words stay); none when emptied (the reports give no figure); else the analyst's
     * figure, exact (low = high = it), with the engine's words kept when there were any: they are still what the
     * text says about deaths.
     */
    private static TrackedEvent.Deaths deaths(TrackedEvent.Deaths now, String typed, Map<String, String> errors) {
        if (typed == null) return now;
        String t = trim(typed);
        if (t == null) return null;
        int n;
        try {
            n = Integer.parseInt(t.replace(",", "").replace(" ", ""));
        } catch (NumberFormatException notANumber) {
            n = -1;
        }
        if (n < 0 || n > MOST_DEATHS) {
            errors.put(
                    "fatalities",
                    "Enter the number of people reported killed (a whole number, 0 for none), "
                            + "or leave it empty when the reports give no figure.");
            return now;
        }
        if (now != null && now.best() == n) return now;
        return new TrackedEvent.Deaths(
                n,
                n,
                n,
                now == null ? null : now.words(),
                now == null ? null : now.start(),
                now == null ? null : now.end());
    }

    private static Double number(String text, double min, double max, String field, Map<String, String> errors) {
        if (text == null) return null;
        try {
            double v = Double.parseDouble(text.replace(',', '.'));
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.put(field, "Enter a number between " + (int) min + " and " + (int) max + ".");
        return null;
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        String t = trim(text);
        if (t == null) {
            errors.put(field, "Enter a date (YYYY-MM-DD).");
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter a date as YYYY-MM-DD.");
            return null;
        }
    }

    private static String limit(String s, int max, String field, Map<String, String> errors) {
        if (s != null && s.length() > max) errors.put(field, "At most " + max + " characters.");
        return s;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void diff(List<String> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) changes.add(change(field, before, after));
    }

    private static String change(String field, Object before, Object after) {
        return field + ": " + (before == null ? "—" : before) + " → " + (after == null ? "—" : after);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
