package org.sitrep.intel;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The actors the analysed documents mention or events name (as actor 1 or 2): their kind and side,
 * how many events and documents each has, and for one actor where its events happened, whom they
 * were against or with, and the documents naming it. Rejected and merged events are not counted.
 */
@Service
public class ActorDirectory {
    public static final int PROFILE_PLACES = 50, PROFILE_COUNTERPARTS = 20, PROFILE_DOCUMENTS = 100;

    /** An actor by its canonical name; kind and side come from the engine's actor list, when it knew them. */
    public record Actor(String name, String kind, String side, long events, long documents) {}

    /** A place where an actor's events happened. */
    public record PlaceCount(long gazetteerId, String name, String country, long events) {}

    /** The other actor in an actor's events. */
    public record Counterpart(String actor, long events) {}

    public record Profile(
            Actor actor,
            LocalDate firstEvent,
            LocalDate lastEvent,
            List<PlaceCount> places,
            List<Counterpart> counterparts,
            List<TrackedEvent.Source> documents) {}

    // Every document mention and every visible event naming an actor, one row each.
    private static final String MENTIONS = """
            WITH mentions AS (
                SELECT canonical AS name, document_id, kind, side, 0 AS ev FROM intel_document_actors
                UNION ALL
                SELECT actor1, document_id, NULL, NULL, 1 FROM intel_events WHERE actor1 IS NOT NULL AND review_state IN (:states)
                UNION ALL
                SELECT actor2, document_id, NULL, NULL, 1 FROM intel_events
                 WHERE actor2 IS NOT NULL AND (actor1 IS NULL OR actor2 <> actor1) AND review_state IN (:states))
            SELECT name, MAX(kind) AS kind, MAX(side) AS side, SUM(ev) AS events, COUNT(DISTINCT document_id) AS documents
              FROM mentions""";

    private final JdbcClient jdbc;

    public ActorDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Actors whose name starts with {@code namePrefix} (case-insensitive) and of {@code kind}, both optional; most events first. */
    public DirectoryPage<Actor> list(String namePrefix, String kind, int offset, int limit) {
        DirectoryPage.check(offset, limit);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("states", PlaceDirectory.visibleStates());
        String where = "";
        if (namePrefix != null && !namePrefix.isBlank()) {
            where = " WHERE LOWER(name) LIKE :prefix ESCAPE '\\'";
            params.put("prefix", PlaceDirectory.likePrefix(namePrefix));
        }
        String having = "";
        if (kind != null && !kind.isBlank()) {
            having = " HAVING LOWER(MAX(kind)) = :kind";
            params.put("kind", kind.trim().toLowerCase(Locale.ROOT));
        }
        List<Actor> rows = jdbc.sql(MENTIONS + where + " GROUP BY name" + having + " ORDER BY events DESC, name"
                        + " OFFSET " + offset + " ROWS FETCH FIRST " + (limit + 1) + " ROWS ONLY")
                .params(params)
                .query(ActorDirectory::actor)
                .list();
        return DirectoryPage.of(rows, offset, limit);
    }

    /** One actor by name: the exact canonical name, else the one name that matches ignoring case. */
    public Optional<Profile> find(String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        List<Actor> matches = jdbc.sql(MENTIONS + " WHERE LOWER(name) = :name GROUP BY name ORDER BY name")
                .param("states", PlaceDirectory.visibleStates())
                .param("name", name.trim().toLowerCase(Locale.ROOT))
                .query(ActorDirectory::actor)
                .list();
        Optional<Actor> actor = matches.stream()
                .filter(a -> a.name().equals(name.trim()))
                .findFirst()
                .or(() -> matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty());
        return actor.map(this::profile);
    }

    private Profile profile(Actor a) {
        List<String> states = PlaceDirectory.visibleStates();
        String mine = "(actor1 = :name OR actor2 = :name) AND review_state IN (:states)";
        Map<String, Object> span = jdbc.sql("SELECT MIN(date_earliest) AS first_event, MAX(date_latest) AS last_event"
                        + " FROM intel_events WHERE " + mine)
                .param("name", a.name())
                .param("states", states)
                .query()
                .singleRow();
        List<PlaceCount> places = jdbc.sql(
                        "SELECT gazetteer_id, MAX(place_name), MAX(country), COUNT(*) AS events FROM intel_events"
                                + " WHERE gazetteer_id IS NOT NULL AND " + mine
                                + " GROUP BY gazetteer_id ORDER BY events DESC, gazetteer_id FETCH FIRST "
                                + PROFILE_PLACES + " ROWS ONLY")
                .param("name", a.name())
                .param("states", states)
                .query((rs, n) -> new PlaceCount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
        List<Counterpart> counterparts = jdbc.sql("""
                SELECT other, COUNT(*) AS events FROM (
                    SELECT actor2 AS other FROM intel_events WHERE actor1 = :name AND actor2 IS NOT NULL AND actor2 <> :name
                       AND review_state IN (:states)
                    UNION ALL
                    SELECT actor1 FROM intel_events WHERE actor2 = :name AND actor1 IS NOT NULL AND actor1 <> :name
                       AND review_state IN (:states)
                ) o GROUP BY other ORDER BY events DESC, other FETCH FIRST %d ROWS ONLY""".formatted(PROFILE_COUNTERPARTS))
                .param("name", a.name())
                .param("states", states)
                .query((rs, n) -> new Counterpart(rs.getString(1), rs.getLong(2)))
                .list();
        List<TrackedEvent.Source> documents = jdbc.sql("""
                SELECT id, source_kind, source_id, title, url, source_name, published_on FROM intel_documents
                 WHERE id IN (SELECT document_id FROM intel_document_actors WHERE canonical = :name)
                    OR id IN (SELECT document_id FROM intel_events WHERE (actor1 = :name OR actor2 = :name) AND review_state IN (:states))
                 ORDER BY published_on DESC, id DESC FETCH FIRST %d ROWS ONLY""".formatted(PROFILE_DOCUMENTS))
                .param("name", a.name())
                .param("states", states)
                .query(PlaceDirectory::source)
                .list();
        return new Profile(
                a,
                PlaceDirectory.date(span.get("first_event")),
                PlaceDirectory.date(span.get("last_event")),
                places,
                counterparts,
                documents);
    }

    private static Actor actor(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Actor(
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("side"),
                rs.getLong("events"),
                rs.getLong("documents"));
    }
}
