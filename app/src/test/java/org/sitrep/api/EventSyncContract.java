package org.sitrep.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.testsupport.TestEvents.battle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.intel.AnalysisStore;
import org.sitrep.intel.EventReview;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The sync-ready API: a client keeping a copy asks for what changed since its last visit
 * ({@code /api/v1/events?updatedSince=}, oldest change first, keyset-paged) and for what left the set
 * ({@code /api/v1/events/removed?since=}: rejected, merged, withdrawn), and ends with exactly the server's set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.intel.workers=0",
            "SITREP_BOOTSTRAP_API_KEY=" + EventSyncContract.KEY
        })
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EventSyncContract {
    static final String KEY = "sk_test-sync-key-0123456789abcdefgh";
    static final LocalDate D = LocalDate.of(2026, 2, 20);
    static final String TEXT =
            "Rebels attacked Aleppo. Fighting in Idlib. Clashes near Hama. Shelling in Homs. A raid in Daraa.";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    EventReview review;

    @Autowired
    AnalysisStore store;

    final HttpClient http = HttpClient.newHttpClient();
    long doc, withdrawnDoc, aleppo, idlib, hama, homs, daraa;
    final Instant t0 = Instant.parse("2026-03-01T08:00:00Z");

    @BeforeAll
    void seed() {
        TestEvents events = new TestEvents(jdbc);
        doc = events.document("Fighting across the north", "Wire One", D, TEXT);
        aleppo = events.event(
                doc,
                battle(D)
                        .at("Aleppo", "SY", "Aleppo", 36.2, 37.16, 170063)
                        .evidence("Rebels attacked Aleppo.", "attacked"));
        idlib = events.event(
                doc,
                battle(D).at("Idlib", "SY", "Idlib", 35.93, 36.63, 169388).evidence("Fighting in Idlib.", "Fighting"));
        hama = events.event(
                doc,
                battle(D).at("Hama", "SY", "Hama", 35.13, 36.75, 170017).evidence("Clashes near Hama.", "Clashes"));
        homs = events.event(
                doc,
                battle(D).at("Homs", "SY", "Homs", 34.73, 36.72, 169577).evidence("Shelling in Homs.", "Shelling"));
        withdrawnDoc = events.document("item", 4242, "A raid", "https://wire.example/raid", "Wire Two", D, TEXT);
        daraa = events.event(
                withdrawnDoc,
                battle(D).at("Daraa", "SY", "Daraa", 32.62, 36.1, 170592).evidence("A raid in Daraa.", "raid"));
        // Each event last changed a minute after the one before, from t0.
        long[] ids = {aleppo, idlib, hama, homs, daraa};
        for (int i = 0; i < ids.length; i++) {
            jdbc.sql("UPDATE intel_events SET updated_at = :at WHERE id = :id")
                    .param("at", java.time.OffsetDateTime.ofInstant(t0.plusSeconds(60L * i), java.time.ZoneOffset.UTC))
                    .param("id", ids[i])
                    .update();
        }
    }

    @Test
    void aClientKeepsAnExactCopyWithSmallCalls() throws Exception {
        // 1. the first visit: everything changed since long ago, in pages of two, oldest change first
        List<Long> copy = new ArrayList<>(walk("/api/v1/events?updatedSince=2000-01-01T00:00:00Z&limit=2"));
        assertThat(copy).containsExactly(aleppo, idlib, hama, homs, daraa);
        JsonNode first = json(200, "/api/v1/events?updatedSince=2000-01-01T00:00:00Z&limit=1")
                .get("events")
                .get(0);
        assertThat(first.get("version").asLong())
                .as("every row carries its version")
                .isZero();
        assertThat(first.get("updatedAt").asText()).isEqualTo("2026-03-01T08:00:00Z");

        // only what changed at or after a moment; an offset other than Z is the same moment
        assertThat(walk("/api/v1/events?updatedSince=2026-03-01T10:02:00%2B02:00&limit=1"))
                .containsExactly(hama, homs, daraa);
        assertThat(walk("/api/v1/events?updatedSince=2026-03-01T08:03:30Z&limit=1"))
                .containsExactly(daraa);

        // 2. the analysts and the engine act: Idlib is rejected, Homs merged into Hama, Aleppo corrected, Daraa's
        // source withdrawn
        Instant visit = Instant.parse("2026-03-02T09:00:00Z");
        clock.set(visit.plusSeconds(60));
        review.reject(idlib, 0, "analyst@example.org");
        clock.set(visit.plusSeconds(120));
        review.merge(homs, 0, hama, "analyst@example.org");
        clock.set(visit.plusSeconds(180));
        review.confirm(aleppo, 0, "analyst@example.org");
        clock.set(visit.plusSeconds(240));
        store.withdraw("item", 4242);

        // 3. the next visit: changed events, and removals, since the last visit
        List<Long> changed = walk("/api/v1/events?updatedSince=" + visit + "&limit=1");
        assertThat(changed)
                .as("the merge target (confirmed by the merge) and the confirmed event")
                .containsExactly(hama, aleppo);
        JsonNode aleppoNow = json(200, "/api/v1/events/" + aleppo);
        assertThat(aleppoNow.get("version").asLong())
                .as("a review raises the version")
                .isGreaterThan(0);
        JsonNode removed = json(200, "/api/v1/events/removed?since=" + visit);
        List<String> reasons = new ArrayList<>();
        removed.get("removed")
                .forEach(r -> reasons.add(r.get("id").asLong() + ":"
                        + r.get("reason").asText()
                        + (r.has("mergedInto") ? ">" + r.get("mergedInto").asLong() : "")));
        assertThat(reasons).containsExactly(idlib + ":rejected", homs + ":merged>" + hama, daraa + ":withdrawn");
        assertThat(removed.get("next").isNull()).isTrue();
        assertThat(json(200, "/api/v1/events/removed?since=" + visit + "&limit=1")
                        .get("next")
                        .isNull())
                .isFalse();
        assertThat(walkRemoved("/api/v1/events/removed?since=" + visit + "&limit=1"))
                .containsExactly(idlib, homs, daraa);
        assertThat(json(200, "/api/v1/events/removed?since=" + visit.plusSeconds(200))
                        .get("removed"))
                .hasSize(1);

        copy.removeAll(walkRemoved("/api/v1/events/removed?since=" + visit + "&limit=2"));
        for (long id : changed) if (!copy.contains(id)) copy.add(id);
        List<Long> server = new ArrayList<>();
        json(200, "/api/v1/events?limit=100")
                .get("events")
                .forEach(e -> server.add(e.get("id").asLong()));
        assertThat(copy)
                .as("the copy kept by small calls is the server's set")
                .containsExactlyInAnyOrderElementsOf(server);
        assertThat(server).containsExactlyInAnyOrder(aleppo, hama);

        // the answers are what the OpenAPI document describes (strict schemas: no undescribed field)
        JsonNode doc = JSON.readTree(get("/api/v1/openapi.json").body());
        assertThat(ApiContract.schema(doc, "RemovalList").validate(removed)).isEmpty();
        assertThat(ApiContract.schema(doc, "RemovalList")
                        .validate(
                                ((com.fasterxml.jackson.databind.node.ObjectNode) removed.deepCopy()).put("extra", 1)))
                .isNotEmpty();
        assertThat(ApiContract.schema(doc, "EventList")
                        .validate(json(200, "/api/v1/events?updatedSince=" + visit + "&limit=1")))
                .isEmpty();
    }

    @Test
    void badSyncParametersAre400WithAMessage() throws Exception {
        String[][] bad = {
            {"/api/v1/events?updatedSince=yesterday", "updatedSince"},
            {"/api/v1/events?updatedSince=2026-03-01", "updatedSince"},
            {"/api/v1/events?updatedSince=2026-03-01T08:00:00", "updatedSince"},
            {"/api/v1/events/removed", "since"},
            {"/api/v1/events/removed?since=2026-13-01T00:00:00Z", "since"},
            {"/api/v1/events/removed?since=2026-03-01T00:00:00Z&limit=0", "limit"},
            {"/api/v1/events/removed?since=2026-03-01T00:00:00Z&cursor=Zm9yZ2Vk", "cursor"},
            {"/api/v1/events?updatedSince=2026-03-01T00:00:00Z&cursor=Zm9yZ2Vk", "cursor"}
        };
        for (String[] b : bad) {
            assertThat(json(400, b[0]).get("error").asText()).as(b[0]).startsWith(b[1]);
        }
        // a cursor of one list is not accepted by another: the date-ordered list's, the changes', the removals'
        String dated = json(200, "/api/v1/events?limit=1").get("next").asText();
        String changes = json(200, "/api/v1/events?updatedSince=2000-01-01T00:00:00Z&limit=1")
                .get("next")
                .asText();
        assertThat(json(400, "/api/v1/events?updatedSince=2000-01-01T00:00:00Z&cursor=" + dated)
                        .get("error")
                        .asText())
                .startsWith("cursor");
        assertThat(json(400, "/api/v1/events?cursor=" + changes).get("error").asText())
                .startsWith("cursor");
        assertThat(json(400, "/api/v1/events/removed?since=2000-01-01T00:00:00Z&cursor=" + changes)
                        .get("error")
                        .asText())
                .startsWith("cursor");
        // no key, no answer
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(
                                                base() + "/api/v1/events/removed?since=2000-01-01T00:00:00Z"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theCsvAndGeoJsonExportsTakeUpdatedSinceAsTheJsonListDoes() throws Exception {
        // Whatever the other test has done by now, the exports list what the JSON list lists, in its order (oldest
        // change first).
        String since = "2026-03-01T08:02:00Z";
        List<Long> changed = walk("/api/v1/events?updatedSince=" + since + "&limit=1");
        assertThat(changed).isNotEmpty();
        HttpResponse<String> csv = get("/api/v1/events.csv?updatedSince=" + since);
        assertThat(csv.statusCode()).isEqualTo(200);
        List<Long> csvIds = csv.body()
                .lines()
                .skip(1)
                .map(l -> Long.parseLong(l.substring(0, l.indexOf(','))))
                .toList();
        assertThat(csvIds).containsExactlyElementsOf(changed);
        JsonNode geo = JSON.readTree(
                get("/api/v1/events.geojson?updatedSince=" + since).body());
        List<Long> geoIds = new ArrayList<>();
        geo.get("features")
                .forEach(f -> geoIds.add(f.get("properties").get("event_id").asLong()));
        assertThat(geoIds).containsExactlyElementsOf(changed);

        // Nothing changed after a future moment: the header alone, an empty collection; without it, every event.
        assertThat(get("/api/v1/events.csv?updatedSince=2030-01-01T00:00:00Z")
                        .body()
                        .lines()
                        .count())
                .isEqualTo(1);
        assertThat(JSON.readTree(get("/api/v1/events.geojson?updatedSince=2030-01-01T00:00:00Z")
                                .body())
                        .get("features"))
                .isEmpty();
        assertThat(get("/api/v1/events.csv").body().lines().count()).isGreaterThan(1);

        // A bad moment is a JSON 400 naming the parameter, as on the JSON list.
        assertThat(json(400, "/api/v1/events.csv?updatedSince=yesterday")
                        .get("error")
                        .asText())
                .startsWith("updatedSince");
        assertThat(json(400, "/api/v1/events.geojson?updatedSince=2026-03-01")
                        .get("error")
                        .asText())
                .startsWith("updatedSince");
    }

    List<Long> walk(String path) throws Exception {
        return walkList(path, "events");
    }

    List<Long> walkRemoved(String path) throws Exception {
        return walkList(path, "removed");
    }

    private List<Long> walkList(String path, String field) throws Exception {
        List<Long> ids = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = json(200, path + (next == null ? "" : "&cursor=" + next));
            page.get(field).forEach(e -> ids.add(e.get("id").asLong()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null && ++pages < 20);
        return ids;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Authorization", "Bearer " + KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(int status, String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    String base() {
        return "http://localhost:" + port;
    }
}
