package org.sitrep.intel;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sitrep.analysis.places.Geoparser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Automatic linking of two articles of one story: when a newly analysed document reports an event that another
 * document already holds (ours or ingested), the new event is merged into the existing one, as an analyst's merge
 * would, so trends, change maps and deaths count it once. An analyst undoes it with "Unlink" (a reopen) and the
 * machine never links that event again.
 *
 * <p>Conservative on purpose: a false merge hides a real event from every count, a missed one only counts it twice
 * until an analyst merges it. Two events are one ({@link #same}) only when all of these hold:
 * <ul>
 *   <li>the same ACLED event type;</li>
 *   <li>both placed at a town or finer ({@code neighbourhood}, {@code city}) and at most {@value #KM} km apart: an
 *       event placed only at a province or a country says too little about where it was;</li>
 *   <li>their dates overlap, each a span of at most {@value #MAX_SPAN_DAYS} days ("last month" overlaps too much);</li>
 *   <li>their actors are compatible: one event's named actors are all among the other's (an unnamed side is no
 *       conflict; two different named actors are).</li>
 * </ul>
 * And only when the match is unambiguous: the new event matches exactly one event elsewhere, and no other event of
 * its own document matches that one (an article telling two strikes on one town that day is two events, and which
 * of them the other article tells cannot be known). Only events nobody has reviewed are linked; the event linked
 * into keeps its state (linking is not an analyst's confirmation).
 */
@Service
public class StoryLinks {
    /** Who the audit trail names for an automatic link. */
    public static final String LINKER = "Sitrep (story linking)";

    static final double KM = 10;
    static final int MAX_SPAN_DAYS = 7;
    static final Set<String> PRECISE = Set.of("neighbourhood", "city");

    /** What the rule reads of an event. */
    record Facts(
            long id,
            long documentId,
            String type,
            String actor1,
            String actor2,
            Double lat,
            Double lon,
            String precision,
            LocalDate earliest,
            LocalDate latest) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    StoryLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether two events of two documents report the same event, by the rule above. */
    static boolean same(Facts a, Facts b) {
        if (a.documentId() == b.documentId()) return false;
        if (a.type() == null || !a.type().equals(b.type())) return false;
        if (!located(a) || !located(b)) return false;
        if (Geoparser.km(a.lat(), a.lon(), b.lat(), b.lon()) > KM) return false;
        if (!dated(a) || !dated(b)) return false;
        if (a.earliest().isAfter(b.latest()) || b.earliest().isAfter(a.latest())) return false;
        Set<String> actorsA = actors(a), actorsB = actors(b);
        return actorsA.containsAll(actorsB) || actorsB.containsAll(actorsA);
    }

    private static boolean located(Facts f) {
        return f.lat() != null && f.lon() != null && f.precision() != null && PRECISE.contains(f.precision());
    }

    private static boolean dated(Facts f) {
        return f.earliest() != null
                && f.latest() != null
                && ChronoUnit.DAYS.between(f.earliest(), f.latest()) < MAX_SPAN_DAYS;
    }

    private static Set<String> actors(Facts f) {
        Set<String> s = new HashSet<>();
        for (String a : new String[] {f.actor1(), f.actor2()}) {
            if (a == null || a.isBlank()) continue;
            s.add(Normalizer.normalize(a, Normalizer.Form.NFKC)
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}]+", " ")
                    .strip());
        }
        return s;
    }

    /** One link made: {@code duplicate} (of the new document) now points at {@code into}. */
    public record Link(long duplicate, long into, long intoDocument) {}

    /**
     * Links the document's untouched machine events to the same events of other documents, where the rule is sure.
     * Runs in the caller's transaction (the analysis store's save), so a document's events and its links commit
     * together.
     */
    List<Link> link(long documentId) {
        List<Facts> fresh = jdbc.sql(SELECT
                        + " WHERE e.document_id = :doc AND e.review_state = 'unreviewed' AND e.origin = 'machine'"
                        + " AND NOT EXISTS (SELECT 1 FROM intel_event_reviews r WHERE r.event_id = e.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM intel_events m WHERE m.merged_into = e.id)")
                .param("doc", documentId)
                .query(StoryLinks::facts)
                .list();
        // each new event's matches elsewhere
        Map<Long, List<Facts>> matches = new HashMap<>();
        Map<Long, Integer> claimed = new HashMap<>(); // how many of this document's events match an event elsewhere
        for (Facts e : fresh) {
            if (!located(e) || !dated(e)) continue;
            double dLat = KM / 111.0, dLon = KM / (111.0 * Math.max(0.1, Math.cos(Math.toRadians(e.lat()))));
            List<Facts> found = jdbc
                    .sql(SELECT + " WHERE e.document_id <> :doc AND e.event_type = :type"
                            + " AND e.review_state NOT IN ('rejected', 'merged')"
                            + " AND e.date_earliest <= :latest AND e.date_latest >= :earliest"
                            + " AND e.latitude BETWEEN :south AND :north AND e.longitude BETWEEN :west AND :east"
                            + " ORDER BY e.id FETCH FIRST 50 ROWS ONLY")
                    .param("doc", documentId)
                    .param("type", e.type())
                    .param("latest", e.latest())
                    .param("earliest", e.earliest())
                    .param("south", e.lat() - dLat)
                    .param("north", e.lat() + dLat)
                    .param("west", e.lon() - dLon)
                    .param("east", e.lon() + dLon)
                    .query(StoryLinks::facts)
                    .list()
                    .stream()
                    .filter(o -> same(e, o))
                    .toList();
            matches.put(e.id(), found);
            for (Facts o : found) claimed.merge(o.id(), 1, Integer::sum);
        }
        List<Link> links = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (Map.Entry<Long, List<Facts>> m : matches.entrySet()) {
            if (m.getValue().size() != 1) continue; // none, or ambiguous
            Facts into = m.getValue().get(0);
            if (claimed.get(into.id()) != 1) continue; // two events of this article match it: which one is unknowable
            links.add(merge(m.getKey(), into, now));
        }
        return links;
    }

    private Link merge(long duplicate, Facts into, OffsetDateTime now) {
        jdbc.sql("UPDATE intel_events SET review_state = 'merged', merged_into = :into, updated_at = :now,"
                        + " row_version = row_version + 1 WHERE id = :id")
                .param("into", into.id())
                .param("now", now)
                .param("id", duplicate)
                .update();
        audit(duplicate, "review_state: unreviewed → merged\nmerged_into: — → #" + into.id(), now);
        String absorbed = "sources: — → #" + duplicate + " (linked automatically: same type, place within " + (int) KM
                + " km, overlapping dates, compatible actors)";
        // as an analyst's merge: the deaths are counted once, the kept event's own figure first, else the duplicate's
        Map<String, Object> deaths = jdbc.sql(
                        "SELECT e.fatalities AS kept, d.fatalities AS best, d.fatalities_low AS low,"
                                + " d.fatalities_high AS high FROM intel_events e, intel_events d WHERE e.id = :into AND d.id = :dup")
                .param("into", into.id())
                .param("dup", duplicate)
                .query()
                .singleRow();
        if (deaths.get("kept") == null && deaths.get("best") != null) {
            jdbc.sql(
                            "UPDATE intel_events SET fatalities = :best, fatalities_low = :low, fatalities_high = :high,"
                                    + " fatalities_text = NULL, fatalities_start = NULL, fatalities_end = NULL, updated_at = :now WHERE id = :id")
                    .param("best", deaths.get("best"))
                    .param("low", deaths.get("low"))
                    .param("high", deaths.get("high"))
                    .param("now", now)
                    .param("id", into.id())
                    .update();
            absorbed += "\nfatalities: — → " + deaths.get("best") + " (from #" + duplicate + ")";
        }
        audit(into.id(), absorbed, now);
        return new Link(duplicate, into.id(), into.documentId());
    }

    private void audit(long id, String changes, OffsetDateTime now) {
        jdbc.sql("INSERT INTO intel_event_reviews (event_id, analyst, action, changes, happened_at)"
                        + " VALUES (:id, :analyst, 'link', :changes, :now)")
                .param("id", id)
                .param("analyst", LINKER)
                .param("changes", AnalysisStore.cut(changes, 4000))
                .param("now", now)
                .update();
    }

    private static final String SELECT =
            "SELECT e.id, e.document_id, e.event_type, e.actor1, e.actor2, e.latitude, e.longitude,"
                    + " e.geo_precision, e.date_earliest, e.date_latest FROM intel_events e";

    private static Facts facts(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Facts(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, Double.class),
                rs.getObject(7, Double.class),
                rs.getString(8),
                rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class));
    }
}
