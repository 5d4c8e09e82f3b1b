package org.sitrep.intel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The places the analysed documents mention or events happened at, by gazetteer id: how many events
 * and documents each has, and for one place its dates, the actors most involved and the documents
 * naming it. Events analysts rejected or merged away are not counted, as in the tracker.
 */
@Service
public class PlaceDirectory {
    /** At most this many actors and documents on one place's profile. */
    public static final int PROFILE_ACTORS = 20, PROFILE_DOCUMENTS = 100;

    /** A place with what the desk knows about it. */
    public record Place(
            long gazetteerId,
            String name,
            String country,
            String admin1,
            Double latitude,
            Double longitude,
            String geoPrecision,
            long events,
            long documents) {}

    /** An actor with the number of events at a place. */
    public record Involvement(String actor, long events) {}

    /** One place in full: its counts, the span of its events, who was involved, and what mentions it (newest first). */
    public record Profile(
            Place place,
            LocalDate firstEvent,
            LocalDate lastEvent,
            List<Involvement> actors,
            List<TrackedEvent.Source> documents) {}

    // Every document mention and every visible event at a place, one row each, so one GROUP BY counts both.
    private static final String MENTIONS = """
            WITH mentions AS (
                SELECT gazetteer_id, document_id, name, country, admin1, latitude, longitude, geo_precision, 0 AS ev
                  FROM intel_document_places
                UNION ALL
                SELECT gazetteer_id, document_id, place_name, country, admin1, latitude, longitude, geo_precision, 1
                  FROM intel_events WHERE gazetteer_id IS NOT NULL AND review_state IN (:states))
            SELECT gazetteer_id, MAX(name) AS name, MAX(country) AS country, MAX(admin1) AS admin1, MAX(latitude) AS latitude,
                   MAX(longitude) AS longitude, MAX(geo_precision) AS geo_precision, SUM(ev) AS events,
                   COUNT(DISTINCT document_id) AS documents
              FROM mentions""";

    private final JdbcClient jdbc;

    public PlaceDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Places whose name starts with {@code namePrefix} (case-insensitive) in {@code country} (ISO alpha-2),
     * both optional; most events first, then by name.
     */
    public DirectoryPage<Place> list(String namePrefix, String country, int offset, int limit) {
        DirectoryPage.check(offset, limit);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("states", visibleStates());
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (namePrefix != null && !namePrefix.isBlank()) {
            where.append(" AND LOWER(name) LIKE :prefix ESCAPE '\\'");
            params.put("prefix", likePrefix(namePrefix));
        }
        if (country != null && !country.isBlank()) {
            if (!country.trim().matches("[A-Za-z]{2}"))
                throw new InvalidEventFilter("country must be a two-letter ISO 3166-1 code");
            where.append(" AND country = :country");
            params.put("country", country.trim().toUpperCase(Locale.ROOT));
        }
        List<Place> rows = jdbc.sql(MENTIONS + where + " GROUP BY gazetteer_id ORDER BY events DESC, name, gazetteer_id"
                        + " OFFSET " + offset + " ROWS FETCH FIRST " + (limit + 1) + " ROWS ONLY")
                .params(params)
                .query(PlaceDirectory::place)
                .list();
        return DirectoryPage.of(rows, offset, limit);
    }

    /** One place by gazetteer id, if any document mentions it or any event happened there. */
    public Optional<Profile> find(long gazetteerId) {
        Optional<Place> place = jdbc.sql(MENTIONS + " WHERE gazetteer_id = :id GROUP BY gazetteer_id")
                .param("states", visibleStates())
                .param("id", gazetteerId)
                .query(PlaceDirectory::place)
                .optional();
        return place.map(p -> {
            Map<String, Object> span = jdbc.sql("""
                    SELECT MIN(date_earliest) AS first_event, MAX(date_latest) AS last_event FROM intel_events
                     WHERE gazetteer_id = :id AND review_state IN (:states)""")
                    .param("id", gazetteerId)
                    .param("states", visibleStates())
                    .query()
                    .singleRow();
            List<Involvement> actors = jdbc.sql("""
                    SELECT actor, COUNT(*) AS events FROM (
                        SELECT actor1 AS actor FROM intel_events WHERE gazetteer_id = :id AND review_state IN (:states) AND actor1 IS NOT NULL
                        UNION ALL
                        SELECT actor2 FROM intel_events WHERE gazetteer_id = :id AND review_state IN (:states) AND actor2 IS NOT NULL
                    ) a GROUP BY actor ORDER BY events DESC, actor FETCH FIRST %d ROWS ONLY""".formatted(PROFILE_ACTORS))
                    .param("id", gazetteerId)
                    .param("states", visibleStates())
                    .query((rs, n) -> new Involvement(rs.getString(1), rs.getLong(2)))
                    .list();
            List<TrackedEvent.Source> documents = jdbc.sql("""
                    SELECT id, source_kind, source_id, title, url, source_name, published_on FROM intel_documents
                     WHERE id IN (SELECT document_id FROM intel_document_places WHERE gazetteer_id = :id)
                        OR id IN (SELECT document_id FROM intel_events WHERE gazetteer_id = :id AND review_state IN (:states))
                     ORDER BY published_on DESC, id DESC FETCH FIRST %d ROWS ONLY""".formatted(PROFILE_DOCUMENTS))
                    .param("id", gazetteerId)
                    .param("states", visibleStates())
                    .query(PlaceDirectory::source)
                    .list();
            return new Profile(p, date(span.get("first_event")), date(span.get("last_event")), actors, documents);
        });
    }

    static List<String> visibleStates() {
        return java.util.Arrays.stream(ReviewState.values())
                .filter(ReviewState::shownByDefault)
                .map(ReviewState::dbValue)
                .toList();
    }

    static String likePrefix(String prefix) {
        return prefix.trim()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }

    static LocalDate date(Object value) {
        if (value == null) return null;
        if (value instanceof LocalDate d) return d;
        if (value instanceof java.sql.Date d) return d.toLocalDate();
        return LocalDate.parse(value.toString());
    }

    static TrackedEvent.Source source(ResultSet rs, int n) throws SQLException {
        return new TrackedEvent.Source(
                rs.getLong("id"),
                rs.getString("source_kind"),
                rs.getLong("source_id"),
                rs.getString("title"),
                rs.getString("url"),
                rs.getString("source_name"),
                rs.getObject("published_on", LocalDate.class));
    }

    private static Place place(ResultSet rs, int n) throws SQLException {
        return new Place(
                rs.getLong("gazetteer_id"),
                rs.getString("name"),
                rs.getString("country"),
                rs.getString("admin1"),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class),
                rs.getString("geo_precision"),
                rs.getLong("events"),
                rs.getLong("documents"));
    }
}
