package org.sitrep.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.testsupport.TestEvents.battle;
import static org.sitrep.testsupport.TestEvents.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.StringReader;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.intel.EventExports;
import org.sitrep.intel.EventSearch;
import org.sitrep.members.Plans;
import org.sitrep.members.Role;
import org.sitrep.members.Subscriptions;
import org.sitrep.members.UserAccounts;
import org.sitrep.testsupport.GisTools;
import org.sitrep.testsupport.TestEvents;
import org.sitrep.testsupport.TestPieces;
import org.sitrep.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The data API over real HTTP: events with filters and cursors, CSV and GeoJSON exports, places,
 * actors, pieces, 400/404 answers as JSON, API keys (account page, bootstrap key, data-access plans,
 * revocation, stateless calls) and the OpenAPI description against the controllers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.intel.workers=0",
            "SITREP_BOOTSTRAP_API_KEY=" + ApiContract.BOOTSTRAP
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContract {
    static final String BOOTSTRAP = "sk_test-bootstrap-key-0123456789abcdef";
    static final LocalDate D = LocalDate.of(2024, 3, 10);
    static final String TEXT =
            "Rebels launched an offensive on west Aleppo. Regime aircraft bombed Ramouseh on Monday. "
                    + "Protesters gathered in Idlib city, chanting \"freedom, now\". Fighting was reported somewhere in the north.";
    static final String ADMIN = "admin@example.org",
            STAFF = "analyst@example.org",
            MEMBER = "data.member@example.org",
            PLAIN = "plain.member@example.org",
            PASSWORD = "a long enough passphrase";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    Plans plans;

    @Autowired
    ApiKeys keys;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    EventSearch search;

    @Autowired
    org.sitrep.intel.PlaceDirectory placeDirectory;

    @Autowired
    org.sitrep.intel.ActorDirectory actorDirectory;

    @Autowired
    ObjectMapper appJson;

    final HttpClient http = HttpClient.newHttpClient();
    long wire, offensive, airstrike, protest, unplaced, rejected, plainMemberId;
    long news1, news2, memo;

    @BeforeAll
    void seed() {
        TestEvents events = new TestEvents(jdbc);
        wire = events.document("Rebels push into west Aleppo", "Wire One", D, TEXT);
        offensive = events.event(
                wire,
                battle(D.minusDays(3))
                        .until(D.minusDays(1))
                        .actors("Islamic Front", "Syrian Arab Army")
                        .at("Aleppo", "SY", "Aleppo", 36.2, 37.16, 170063)
                        .evidence("Rebels launched an offensive on west Aleppo.", "offensive")
                        .confidence(0.9));
        airstrike = events.event(
                wire,
                spec("Explosions/Remote violence", "Air/drone strike", D.minusDays(4))
                        .actors("=HYPERLINK(\"http://evil.example\")", null)
                        .at("Ramouseh", "SY", "Aleppo", 36.17, 37.13, 1)
                        .evidence("Regime aircraft bombed Ramouseh on Monday.", "bombed")
                        .confidence(0.6));
        protest = events.event(
                wire,
                spec("Protests", "Peaceful protest", D.plusDays(1))
                        .actors("Protesters (Syria)", null)
                        .at("Idlib", "SY", "Idlib", 35.93, 36.63, 169388)
                        .evidence("Protesters gathered in Idlib city, chanting \"freedom, now\".", "gathered"));
        unplaced = events.event(
                wire,
                battle(D)
                        .actors("Islamic Front", null)
                        .evidence("Fighting was reported somewhere in the north.", "Fighting"));
        rejected = events.event(wire, battle(D).actors("Islamic Front", null).state("rejected"));
        // the deaths the engine read for the air strike ("killing four"), so every answer carries one figure to check
        jdbc.sql(
                        "UPDATE intel_events SET fatalities = 4, fatalities_low = 4, fatalities_high = 4, fatalities_text = 'killing four', "
                                + "fatalities_start = 10, fatalities_end = 22 WHERE id = :id")
                .param("id", airstrike)
                .update();

        TestPieces pieces = new TestPieces(jdbc, publisher);
        long tag = pieces.tag("aleppo", "Aleppo");
        news1 = pieces.piece("first-news")
                .headline("First")
                .publishAt(Instant.parse("2026-01-01T10:00:00Z"))
                .tag(tag)
                .insert();
        news2 = pieces.piece("second-news")
                .headline("Second")
                .publishAt(Instant.parse("2026-01-02T10:00:00Z"))
                .insert();
        memo = pieces.piece("a-memo")
                .kind("MEMO")
                .headline("Memo")
                .publishAt(Instant.parse("2026-01-03T10:00:00Z"))
                .tag(tag)
                .insert();
        pieces.piece("draft").status("DRAFT").insert();

        accounts.create(STAFF, "Analyst", PASSWORD, Role.ANALYST);
        accounts.create(ADMIN, "Admin", PASSWORD, Role.ADMIN);
        long member =
                accounts.create(MEMBER, "Data Member", PASSWORD, Role.MEMBER).id();
        plainMemberId =
                accounts.create(PLAIN, "Plain Member", PASSWORD, Role.MEMBER).id();
        Plans.Plan annual = plans.all().stream()
                .filter(p -> p.code().equals("annual"))
                .findFirst()
                .orElseThrow();
        plans.setDataAccess(annual.id(), true);
        subscriptions.start(member, "annual", Subscriptions.State.ACTIVE, "TEST", null);
        subscriptions.start(plainMemberId, "monthly", Subscriptions.State.ACTIVE, "TEST", null);
    }

    // --- events -------------------------------------------------------------------------------

    @Test
    void eventsNewestFirstWithCursorPages() throws Exception {
        List<Long> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = json(200, "/api/v1/events?limit=2" + (next == null ? "" : "&cursor=" + next));
            page.get("events").forEach(e -> seen.add(e.get("id").asLong()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (next != null && pages < 10);
        assertThat(seen).containsExactly(protest, unplaced, offensive, airstrike);
        assertThat(pages).isEqualTo(2);
        JsonNode first = json(200, "/api/v1/events").get("events").get(0);
        assertThat(first.get("evidenceSentence").asText()).startsWith("Protesters gathered");
        assertThat(first.get("source").get("name").asText()).isEqualTo("Wire One");
    }

    @Test
    void eventFilters() throws Exception {
        assertThat(ids("/api/v1/events?bbox=37.0,36.0,37.3,36.3")).containsExactly(offensive, airstrike);
        assertThat(ids("/api/v1/events?from=" + D.minusDays(2) + "&to=" + D.minusDays(2)))
                .containsExactly(offensive);
        assertThat(ids("/api/v1/events?type=Protests&type=Explosions/Remote%20violence"))
                .containsExactly(protest, airstrike);
        assertThat(ids("/api/v1/events?actor=syrian%20arab%20army")).containsExactly(offensive);
        assertThat(ids("/api/v1/events?place=idlib")).containsExactly(protest);
        assertThat(ids("/api/v1/events?gazetteerId=170063")).containsExactly(offensive);
        assertThat(ids("/api/v1/events?country=sy&minConfidence=0.85")).containsExactly(offensive);
        assertThat(ids("/api/v1/events?source=Wire%20One&state=rejected")).containsExactly(rejected);
        assertThat(ids("/api/v1/events?source=Nobody")).isEmpty();
    }

    @Test
    void oneEventWithEvidenceAndSource() throws Exception {
        JsonNode e = json(200, "/api/v1/events/" + airstrike);
        assertThat(e.get("eventType").asText()).isEqualTo("Explosions/Remote violence");
        assertThat(e.get("evidenceSentence").asText()).isEqualTo("Regime aircraft bombed Ramouseh on Monday.");
        assertThat(TEXT.substring(
                        e.get("evidenceStart").asInt(), e.get("evidenceEnd").asInt()))
                .isEqualTo("Regime aircraft bombed Ramouseh on Monday.");
        assertThat(e.get("source").get("title").asText()).isEqualTo("Rebels push into west Aleppo");
        assertThat(e.get("fatalities").get("best").asInt()).isEqualTo(4);
        assertThat(e.get("fatalities").get("words").asText()).isEqualTo("killing four");
        assertThat(json(200, "/api/v1/events/" + offensive).has("fatalities"))
                .as("no word on deaths: left out")
                .isFalse();
        assertThat(json(200, "/api/v1/events/" + rejected).get("reviewState").asText())
                .isEqualTo("REJECTED");
        assertThat(json(404, "/api/v1/events/987654321").get("error").asText()).contains("987654321");
    }

    @Test
    void invalidParametersGet400WithAMessage() throws Exception {
        Map<String, String> bad = Map.ofEntries(
                Map.entry("/api/v1/events?from=2024-13-01", "from"),
                Map.entry("/api/v1/events?to=yesterday", "to"),
                Map.entry("/api/v1/events?from=2024-03-10&to=2024-03-01", "from"),
                Map.entry("/api/v1/events?bbox=1,2,3", "bbox"),
                Map.entry("/api/v1/events?bbox=40,30,20,10", "bbox"),
                Map.entry("/api/v1/events?bbox=a,b,c,d", "bbox"),
                Map.entry("/api/v1/events?type=Skirmish", "type"),
                Map.entry("/api/v1/events?limit=0", "limit"),
                Map.entry("/api/v1/events?limit=1001", "limit"),
                Map.entry("/api/v1/events?limit=ten", "limit"),
                Map.entry("/api/v1/events?cursor=Zm9yZ2Vk", "cursor"),
                Map.entry("/api/v1/events?cursor=%25%25", "cursor"),
                Map.entry("/api/v1/events?minConfidence=2", "minConfidence"),
                Map.entry("/api/v1/events?minConfidence=NaN", "minConfidence"),
                Map.entry("/api/v1/events?country=Syria", "country"),
                Map.entry("/api/v1/events?state=pending", "state"),
                Map.entry("/api/v1/events?gazetteerId=aleppo", "gazetteerId"),
                Map.entry("/api/v1/events/abc", "id"),
                Map.entry("/api/v1/events.csv?bbox=1,2,3", "bbox"),
                Map.entry("/api/v1/events.geojson?type=Skirmish", "type"),
                Map.entry("/api/v1/places?cursor=forged", "cursor"),
                Map.entry("/api/v1/places?limit=5000", "limit"),
                Map.entry("/api/v1/places?country=Iraq", "country"),
                Map.entry("/api/v1/places/xyz", "id"),
                Map.entry("/api/v1/actors?cursor=" + PageCursor.encode("places", "0"), "cursor"),
                Map.entry("/api/v1/pieces?kind=podcast", "kind"),
                Map.entry("/api/v1/pieces?since=last-week", "since"),
                Map.entry("/api/v1/pieces?limit=101", "limit"),
                Map.entry("/api/v1/pieces?cursor=" + PageCursor.encode("piece", "not-a-time/1"), "cursor"));
        for (var e : bad.entrySet()) {
            HttpResponse<String> r = get(e.getKey(), BOOTSTRAP);
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse(""))
                    .as(e.getKey())
                    .startsWith("application/json");
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("status").asInt()).isEqualTo(400);
            assertThat(body.get("error").asText()).as(e.getKey()).contains(e.getValue());
            assertThat(r.body()).as(e.getKey()).doesNotContain("Exception").doesNotContain("at org.");
        }
        assertThat(json(404, "/api/v1/places/424242").get("status").asInt()).isEqualTo(404);
        assertThat(json(404, "/api/v1/actors/Nobody%20At%20All").get("error").asText())
                .contains("Nobody At All");
    }

    // --- exports ------------------------------------------------------------------------------

    @Test
    void csvHasAcledColumnsParsesAndIsFormulaSafe() throws Exception {
        HttpResponse<String> r = get("/api/v1/events.csv", BOOTSTRAP);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("sitrep-events.csv");
        try (CSVParser csv = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(new StringReader(r.body()))) {
            assertThat(csv.getHeaderNames()).containsExactlyElementsOf(EventExports.COLUMNS);
            assertThat(csv.getHeaderNames())
                    .startsWith("event_id", "event_date", "year", "time_precision", "event_type");
            List<CSVRecord> rows = csv.getRecords();
            assertThat(rows)
                    .extracting(row -> Long.parseLong(row.get("event_id")))
                    .containsExactly(protest, unplaced, offensive, airstrike);
            CSVRecord off = rows.get(2);
            assertThat(off.get("event_date")).isEqualTo(D.minusDays(3).toString());
            assertThat(off.get("year")).isEqualTo("2024");
            assertThat(off.get("time_precision"))
                    .as("a three-day range: within a week")
                    .isEqualTo("2");
            assertThat(off.get("country")).isEqualTo("Syria");
            assertThat(off.get("iso")).isEqualTo("SY");
            assertThat(off.get("location")).isEqualTo("Aleppo");
            assertThat(Double.parseDouble(off.get("latitude"))).isEqualTo(36.2);
            assertThat(Double.parseDouble(off.get("longitude"))).isEqualTo(37.16);
            assertThat(off.get("geo_precision")).as("a city").isEqualTo("1");
            assertThat(off.get("source")).isEqualTo("Wire One");
            assertThat(off.get("source_url")).startsWith("https://wire.example/");
            assertThat(off.get("notes")).isEqualTo("Rebels launched an offensive on west Aleppo.");
            assertThat(off.get("review_state")).isEqualTo("unreviewed");
            assertThat(off.get("fatalities")).as("none reported: ACLED's 0").isEqualTo("0");
            assertThat(rows.get(3).get("fatalities")).isEqualTo("4");
            assertThat(rows.get(0).get("notes"))
                    .as("commas and quotes survive")
                    .isEqualTo("Protesters gathered in Idlib city, chanting \"freedom, now\".");
            assertThat(rows.get(3).get("actor1"))
                    .as("formula guarded")
                    .isEqualTo("'=HYPERLINK(\"http://evil.example\")");
            assertThat(rows.get(1).get("latitude"))
                    .as("unplaced event: empty coordinates")
                    .isEmpty();
            assertThat(rows.get(1).get("time_precision")).isEqualTo("1");
        }
        HttpResponse<String> filtered = get("/api/v1/events.csv?type=Protests", BOOTSTRAP);
        assertThat(filtered.body().split("\r\n")).hasSize(2);
    }

    @Test
    void geojsonValidatesAndCountsUnlocatedEvents() throws Exception {
        HttpResponse<String> r = get("/api/v1/events.geojson", BOOTSTRAP);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        JsonNode doc = JSON.readTree(r.body());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(ApiContract.class.getResourceAsStream("/api/geojson-points.schema.json"));
        assertThat(schema.validate(doc)).isEmpty();
        assertThat(doc.get("features")).hasSize(3);
        assertThat(doc.get("unlocated").asInt()).isEqualTo(1);
        for (JsonNode f : doc.get("features")) {
            JsonNode coordinates = f.get("geometry").get("coordinates");
            JsonNode p = f.get("properties");
            assertThat(coordinates.get(0).asDouble())
                    .as("longitude first")
                    .isEqualTo(p.get("longitude").asDouble());
            assertThat(coordinates.get(1).asDouble())
                    .isEqualTo(p.get("latitude").asDouble());
            assertThat(f.get("id").asLong()).isEqualTo(p.get("event_id").asLong());
        }
        JsonNode aleppo = doc.get("features").get(1);
        assertThat(aleppo.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(37.16);
        assertThat(aleppo.get("properties").get("event_type").asText()).isEqualTo("Battles");
        assertThat(aleppo.get("properties").get("notes").asText())
                .isEqualTo("Rebels launched an offensive on west Aleppo.");
        // a bad document would fail the schema: check the check
        JsonNode swapped = JSON.readTree(r.body().replace("\"type\":\"Point\"", "\"type\":\"Pointy\""));
        assertThat(schema.validate(swapped)).isNotEmpty();
    }

    @Test
    void exportsOpenInPandasAndInGdalAsQgisReadsThem(@TempDir Path dir) throws Exception {
        GisTools.assumePresent();
        Path csv = Files.writeString(
                dir.resolve("events.csv"), get("/api/v1/events.csv", BOOTSTRAP).body());
        Path geojson = Files.writeString(
                dir.resolve("events.geojson"),
                get("/api/v1/events.geojson", BOOTSTRAP).body());

        List<String> pandas = GisTools.pandas("""
                import sys
                import pandas as pd
                df = pd.read_csv(sys.argv[1], parse_dates=["event_date"])
                print("|".join(df.columns))
                print(len(df))
                print(df["latitude"].dtype, df["longitude"].dtype, df["event_date"].dtype)
                print(df.loc[df["event_id"] == int(sys.argv[2]), "notes"].iloc[0])
                """, csv.toString(), Long.toString(protest))
                .lines()
                .toList();
        assertThat(pandas.get(0)).isEqualTo(String.join("|", EventExports.COLUMNS));
        assertThat(pandas.get(1)).isEqualTo("4");
        assertThat(pandas.get(2)).isEqualTo("float64 float64 datetime64[ns]");
        assertThat(pandas.get(3)).isEqualTo("Protesters gathered in Idlib city, chanting \"freedom, now\".");

        String layer = GisTools.ogrinfo(geojson);
        assertThat(layer).contains("Geometry: Point", "Feature Count: 3", "event_type: String");
        String table =
                GisTools.ogrinfo(csv, "X_POSSIBLE_NAMES=longitude", "Y_POSSIBLE_NAMES=latitude", "AUTODETECT_TYPE=YES");
        assertThat(table).contains("Geometry: Point", "Feature Count: 4", "latitude: Real", "event_date: Date");
    }

    // --- places, actors, pieces ---------------------------------------------------------------

    @Test
    void placesAndActors() throws Exception {
        JsonNode places = json(200, "/api/v1/places?limit=1");
        assertThat(places.get("places").get(0).get("name").asText()).isEqualTo("Aleppo");
        JsonNode second =
                json(200, "/api/v1/places?limit=1&cursor=" + places.get("next").asText());
        assertThat(second.get("places").get(0).get("name").asText()).isIn("Idlib", "Ramouseh");
        assertThat(json(200, "/api/v1/places?q=ram&country=SY").get("places")).hasSize(1);
        JsonNode aleppo = json(200, "/api/v1/places/170063");
        assertThat(aleppo.get("place").get("events").asInt()).isEqualTo(1);
        assertThat(aleppo.get("firstEvent").asText()).isEqualTo(D.minusDays(3).toString());
        assertThat(aleppo.get("actors").get(0).get("actor").asText()).isIn("Islamic Front", "Syrian Arab Army");
        assertThat(aleppo.get("documents").get(0).get("documentId").asLong()).isEqualTo(wire);

        JsonNode actors = json(200, "/api/v1/actors?q=islamic");
        assertThat(actors.get("actors").get(0).get("name").asText()).isEqualTo("Islamic Front");
        assertThat(actors.get("actors").get(0).get("events").asInt())
                .as("rejected not counted")
                .isEqualTo(2);
        assertThat(actors.get("next").isNull()).isTrue();
        JsonNode front = json(
                200,
                "/api/v1/actors/"
                        + URLEncoder.encode("islamic front", StandardCharsets.UTF_8)
                                .replace("+", "%20"));
        assertThat(front.get("counterparts").get(0).get("actor").asText()).isEqualTo("Syrian Arab Army");
        assertThat(front.get("places").get(0).get("gazetteerId").asLong()).isEqualTo(170063);
        assertThat(json(200, "/api/v1/actors/Protesters%20(Syria)")
                        .get("actor")
                        .get("events")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void piecesNewestFirstByKindTagAndSince() throws Exception {
        JsonNode first = json(200, "/api/v1/pieces?limit=2");
        assertThat(first.get("pieces")).extracting(p -> p.get("id").asLong()).containsExactly(memo, news2);
        assertThat(first.get("pieces").get(0).get("url").asText()).endsWith("/memos/a-memo");
        assertThat(first.get("pieces").get(0).get("tags").get(0).get("slug").asText())
                .isEqualTo("aleppo");
        JsonNode second =
                json(200, "/api/v1/pieces?limit=2&cursor=" + first.get("next").asText());
        assertThat(second.get("pieces")).extracting(p -> p.get("id").asLong()).containsExactly(news1);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(json(200, "/api/v1/pieces?kind=news").get("pieces"))
                .extracting(p -> p.get("id").asLong())
                .containsExactly(news2, news1);
        assertThat(json(200, "/api/v1/pieces?tag=aleppo&kind=memos").get("pieces"))
                .extracting(p -> p.get("id").asLong())
                .containsExactly(memo);
        assertThat(json(200, "/api/v1/pieces?since=2026-01-02").get("pieces"))
                .extracting(p -> p.get("id").asLong())
                .containsExactly(memo, news2);
    }

    // --- keys and access ----------------------------------------------------------------------

    @Test
    void callsWithoutAGoodKeyAreRefusedAsJson() throws Exception {
        HttpResponse<String> none = get("/api/v1/events", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).get("error").asText()).contains("API key");
        assertThat(get("/api/v1/events", "sk_made-up-key").statusCode()).isEqualTo(401);
        HttpResponse<String> viaHeader = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/events"))
                        .header("X-API-Key", BOOTSTRAP)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaHeader.statusCode()).isEqualTo(200);
        assertThat(viaHeader.headers().allValues("Set-Cookie"))
                .as("stateless: no session")
                .isEmpty();

        // a member whose plan has no data access cannot use a key (made behind the page's back)
        String plainKey = keys.create(plainMemberId, PLAIN, "sneaky").token();
        HttpResponse<String> plain = get("/api/v1/events", plainKey);
        assertThat(plain.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(plain.body()).get("error").asText()).contains("data access");
        // the description is public
        assertThat(get("/api/v1/openapi.json", null).statusCode()).isEqualTo(200);
    }

    /** Through the whole application (security chain, error page): another method than GET gets the API's JSON 405. */
    @Test
    void otherMethodsThanGetAreRefusedAsJson() throws Exception {
        for (String path : List.of("/api/v1/openapi.json", "/api/v1/events")) {
            HttpResponse<String> posted = http.send(
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .header("Authorization", "Bearer " + BOOTSTRAP)
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(path).isEqualTo(405);
            assertThat(posted.headers().firstValue("Allow")).as(path).hasValue("GET");
            assertThat(posted.headers().firstValue("Content-Type").orElse(""))
                    .as(path)
                    .startsWith("application/json");
            JsonNode body = JSON.readTree(posted.body());
            assertThat(body.path("status").asInt()).as(path).isEqualTo(405);
            assertThat(body.path("error").asText()).as(path).isEqualTo("the API only answers GET");
        }
    }

    @Test
    void memberWithADataPlanMakesUsesAndRevokesAKeyInTheAccountPage() throws Exception {
        WebSession web = signedIn(MEMBER);
        assertThat(web.get("/account").body()).contains("/account/api-keys");
        HttpResponse<String> made = web.post("/account/api-keys", "/account/api-keys", Map.of("name", "weekly report"));
        assertThat(made.statusCode()).isEqualTo(302);
        String page = web.get("/account/api-keys").body();
        Matcher m = Pattern.compile("id=\"new-key\"[^>]*value=\"(sk_[A-Za-z0-9_-]+)\"")
                .matcher(page);
        assertThat(m.find()).as("the new key is shown").isTrue();
        String key = m.group(1);
        assertThat(web.get("/account/api-keys").body())
                .as("shown once")
                .doesNotContain(key)
                .contains("weekly report")
                .contains(ApiKeys.prefix(key));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE key_hash = :k")
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .as("never stored in clear")
                .isZero();

        assertThat(get("/api/v1/events", key).statusCode()).isEqualTo(200);
        assertThat(web.get("/account/api-keys").body()).doesNotContain(">Never<");

        long id = jdbc.sql("SELECT id FROM api_keys WHERE name = 'weekly report'")
                .query(Long.class)
                .single();
        web.post("/account/api-keys", "/account/api-keys/" + id + "/revoke", Map.of());
        assertThat(web.get("/account/api-keys").body()).contains(">Revoked<");
        assertThat(get("/api/v1/events", key).statusCode()).isEqualTo(401);

        // a signed-in member's session is not enough: members use keys
        assertThat(web.get("/api/v1/events").statusCode()).isEqualTo(403);
        // and a member without the plan is told so, with no form
        WebSession plain = signedIn(PLAIN);
        assertThat(plain.get("/account/api-keys").body())
                .contains("no-data-access")
                .doesNotContain("create-key");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(plain.get("/account").body());
        assertThat(csrf.find()).isTrue();
        assertThat(plain.postRaw("/account/api-keys", Map.of("name", "x", "_csrf", csrf.group(1)))
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE name = 'x'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void staffSessionsMayCallTheApi() throws Exception {
        WebSession web = signedIn(STAFF);
        HttpResponse<String> r = web.get("/api/v1/events");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("events")).hasSize(4);
    }

    @Test
    void administratorsGiveAPlanDataAccess() {
        WebSession admin = signedIn(ADMIN);
        Plans.Plan monthly = plans.all().stream()
                .filter(p -> p.code().equals("monthly"))
                .findFirst()
                .orElseThrow();
        assertThat(plans.withDataAccess()).doesNotContain(monthly.id());
        assertThat(admin.get("/admin/plans").body()).contains("Includes the data API");
        Map<String, String> form = Map.of(
                "id",
                Long.toString(monthly.id()),
                "name",
                "Monthly",
                "price",
                "10.00",
                "currency",
                "USD",
                "interval",
                "MONTH",
                "active",
                "true",
                "dataAccess",
                "true");
        assertThat(admin.post("/admin/plans", "/admin/plans", form).statusCode())
                .isEqualTo(302);
        assertThat(plans.withDataAccess()).contains(monthly.id());
        Map<String, String> off = new java.util.HashMap<>(form);
        off.remove("dataAccess");
        admin.post("/admin/plans", "/admin/plans", off);
        assertThat(plans.withDataAccess()).doesNotContain(monthly.id());
    }

    @Test
    void bootstrapKeyIsStoredHashedOnce() {
        keys.bootstrap();
        keys.bootstrap();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE user_id IS NULL AND revoked_at IS NULL")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE key_hash = :k OR prefix = :k")
                        .param("k", BOOTSTRAP)
                        .query(Long.class)
                        .single())
                .isZero();
        // another key configured in between revokes this one; configuring this one again brings it back
        ApiKeys other = new ApiKeys(jdbc, java.time.Clock.systemUTC(), "sk_another-bootstrap-key-0123456789");
        other.bootstrap();
        assertThat(keys.authenticate(BOOTSTRAP)).isEmpty();
        assertThat(other.authenticate("sk_another-bootstrap-key-0123456789")).isPresent();
        keys.bootstrap();
        assertThat(keys.authenticate(BOOTSTRAP)).isPresent();
        assertThat(keys.authenticate("sk_another-bootstrap-key-0123456789")).isEmpty();
    }

    // --- the description ----------------------------------------------------------------------

    @Test
    void openApiDescriptionListsEveryEndpointAndParameter() throws Exception {
        JsonNode doc = JSON.readTree(get("/api/v1/openapi.json", null).body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fieldNames().forEachRemaining(documented::add);
        Set<String> served = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mappings.getHandlerMethods().entrySet()) {
            for (String path : e.getKey().getPatternValues()) {
                if (!path.startsWith("/api/")) continue;
                served.add(path);
                JsonNode operation = doc.get("paths").path(path).path("get");
                assertThat(operation.isMissingNode())
                        .as("GET " + path + " documented")
                        .isFalse();
                Set<String> documentedParams = new HashSet<>();
                for (JsonNode p : operation.get("parameters")) {
                    JsonNode param =
                            p.has("$ref") ? doc.at(p.get("$ref").asText().substring(1)) : p;
                    assertThat(param.isMissingNode()).as(p.toString()).isFalse();
                    documentedParams.add(param.get("name").asText());
                }
                Set<String> codeParams = new HashSet<>();
                for (Parameter p : e.getValue().getMethod().getParameters()) {
                    RequestParam rp = p.getAnnotation(RequestParam.class);
                    PathVariable pv = p.getAnnotation(PathVariable.class);
                    if (rp != null) codeParams.add(rp.name().isEmpty() ? rp.value() : rp.name());
                    if (pv != null) codeParams.add(pv.name().isEmpty() ? pv.value() : pv.name());
                    // A record of query parameters (intel.EventFilterParams) is read component by component, by name.
                    if (rp == null
                            && pv == null
                            && p.getType().isRecord()
                            && p.getType().getPackageName().startsWith("org.sitrep")) {
                        for (var component : p.getType().getRecordComponents()) codeParams.add(component.getName());
                    }
                }
                assertThat(documentedParams).as("parameters of " + path).isEqualTo(codeParams);
            }
        }
        assertThat(documented).isEqualTo(served);
        assertThat(served)
                .contains(
                        "/api/v1/events",
                        "/api/v1/events/{id}",
                        "/api/v1/events.csv",
                        "/api/v1/events.geojson",
                        "/api/v1/pieces",
                        "/api/v1/places",
                        "/api/v1/places/{id}",
                        "/api/v1/actors",
                        "/api/v1/actors/{name}");
    }

    // --- one vocabulary: shared filter names, the API's own response types ------------------

    /** The fields of an event in v1, in order, as the API answered them when it still sent intel's record. */
    static final List<String> V1_EVENT_FIELDS = List.of(
            "id",
            "source",
            "origin",
            "eventType",
            "subEventType",
            "actor1",
            "actor2",
            "placeName",
            "country",
            "admin1",
            "latitude",
            "longitude",
            "geoPrecision",
            "gazetteerId",
            "dateEarliest",
            "dateLatest",
            "dateText",
            "trigger",
            "evidenceSentence",
            "evidenceStart",
            "evidenceEnd",
            "confidence",
            "reviewState",
            "mergedInto",
            "engineVersion",
            "updatedAt",
            "version",
            "fatalities");

    static final List<String> V1_SOURCE_FIELDS =
            List.of("documentId", "kind", "sourceId", "title", "url", "name", "publishedOn");

    @Test
    void theTrackersOldParameterNamesAreAliasesOnTheApiToo() throws Exception {
        assertThat(ids("/api/v1/events?placeId=170063"))
                .isEqualTo(ids("/api/v1/events?gazetteerId=170063"))
                .containsExactly(offensive);
        assertThat(ids("/api/v1/events?confidence=0.85"))
                .isEqualTo(ids("/api/v1/events?minConfidence=0.85"))
                .containsExactly(offensive);
        assertThat(get("/api/v1/events.csv?placeId=170063", BOOTSTRAP).body().split("\r\n"))
                .hasSize(2);
        // both names of one filter: a clear 400, never one silently chosen
        for (String both : List.of(
                "/api/v1/events?placeId=1&gazetteerId=2", "/api/v1/events.geojson?confidence=0.1&minConfidence=0.2")) {
            HttpResponse<String> r = get(both, BOOTSTRAP);
            assertThat(r.statusCode()).as(both).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("error").asText()).as(both).contains("old name of");
        }
        // the old names' errors name the parameter as the client wrote it
        assertThat(json(400, "/api/v1/events?placeId=aleppo").get("error").asText())
                .isEqualTo("placeId must be a gazetteer id (a whole number)");
        assertThat(json(400, "/api/v1/events?confidence=2").get("error").asText())
                .isEqualTo("confidence must be between 0 and 1");
        assertThat(json(400, "/api/v1/events?actor=" + "x".repeat(301))
                        .get("error")
                        .asText())
                .contains("actor is too long");
        // shapes of names a data binder would choke on (a 500 before) are not the filter's: left alone
        assertThat(ids("/api/v1/events?actor%5Bx%5D=1&type%5B0%5D=Riots&class.module.classLoader=x"))
                .hasSize(4);
        assertThat(json(400, "/api/v1/events?source=A&source=B").get("error").asText())
                .isEqualTo("source is given 2 times: give it once");
    }

    @Test
    void severalCountriesAndAnAdmin1AreaFilterTheJsonCsvAndGeoJson() throws Exception {
        List<Long> syria = ids("/api/v1/events?country=SY");
        assertThat(syria).contains(offensive, airstrike);
        assertThat(ids("/api/v1/events?country=SY&country=IQ")).isEqualTo(syria);
        assertThat(ids("/api/v1/events?country=IQ&country=LB")).isEmpty();
        // admin1: case-insensitive, the division's events only (Idlib's protest is left out)
        assertThat(ids("/api/v1/events?admin1=aleppo")).containsExactlyInAnyOrder(offensive, airstrike);
        assertThat(ids("/api/v1/events?country=IQ&country=SY&admin1=Aleppo"))
                .containsExactlyInAnyOrder(offensive, airstrike);
        assertThat(ids("/api/v1/events?country=IQ&admin1=Aleppo")).isEmpty();
        assertThat(get("/api/v1/events.csv?country=SY&country=IQ&admin1=ALEPPO", BOOTSTRAP)
                        .body()
                        .split("\r\n"))
                .hasSize(3);
        assertThat(JSON.readTree(get("/api/v1/events.geojson?admin1=Idlib", BOOTSTRAP)
                                .body())
                        .get("features"))
                .hasSize(1);
        assertThat(json(400, "/api/v1/events?country=SY&country=Syria")
                        .get("error")
                        .asText())
                .isEqualTo("country must be a two-letter ISO 3166-1 code");
    }

    @Test
    void anEventsJsonIsWhatV1AnsweredBeforeItHadTypesOfItsOwn() throws Exception {
        for (long id : List.of(offensive, airstrike, unplaced, rejected)) {
            // What the API used to send: intel's record as the application's Jackson writes it.
            JsonNode before =
                    JSON.readTree(appJson.writeValueAsString(search.find(id).orElseThrow()));
            JsonNode after = json(200, "/api/v1/events/" + id);
            List<String> fields = new ArrayList<>();
            after.fieldNames().forEachRemaining(fields::add);
            assertThat(fields)
                    .as("v1's fields in v1's order")
                    .isSubsetOf(V1_EVENT_FIELDS)
                    .isEqualTo(V1_EVENT_FIELDS.stream().filter(after::has).toList());
            for (String f : V1_EVENT_FIELDS) {
                assertThat(after.get(f)).as(id + ": " + f).isEqualTo(before.get(f));
            }
            List<String> sourceFields = new ArrayList<>();
            after.get("source").fieldNames().forEachRemaining(sourceFields::add);
            assertThat(sourceFields)
                    .isEqualTo(V1_SOURCE_FIELDS.stream()
                            .filter(after.get("source")::has)
                            .toList());
            // and the same event in a page
            JsonNode inList = null;
            for (JsonNode e :
                    json(200, "/api/v1/events?state=unreviewed&state=rejected").get("events")) {
                if (e.get("id").asLong() == id) inList = e;
            }
            assertThat(inList).as("event " + id + " listed").isEqualTo(after);
        }
        JsonNode full = json(200, "/api/v1/events/" + offensive);
        assertThat(full.has("actor2") && full.has("latitude") && full.has("evidenceStart") && full.has("engineVersion"))
                .isTrue();
        assertThat(json(200, "/api/v1/events/" + rejected).get("reviewState").asText())
                .isEqualTo("REJECTED");
        assertThat(json(200, "/api/v1/events/" + unplaced).has("latitude"))
                .as("null fields left out")
                .isFalse();
    }

    @Test
    void placesAndActorsJsonIsWhatV1AnsweredBeforeItHadTypesOfItsOwn() throws Exception {
        // What the API used to send: intel's directory records as the application's Jackson writes them.
        Map<String, Object> before = Map.of(
                "/api/v1/places/170063", placeDirectory.find(170063).orElseThrow(),
                "/api/v1/places/1", placeDirectory.find(1).orElseThrow(),
                "/api/v1/actors/Islamic%20Front",
                        actorDirectory.find("Islamic Front").orElseThrow(),
                "/api/v1/places?limit=2",
                        Map.of("places", placeDirectory.list(null, null, 0, 2).items()),
                "/api/v1/actors?q=islamic",
                        Map.of(
                                "actors",
                                actorDirectory.list("islamic", null, 0, 100).items()));
        for (var b : before.entrySet()) {
            JsonNode was = JSON.readTree(appJson.writeValueAsString(b.getValue()));
            JsonNode now = json(200, b.getKey());
            List<String> fields = new ArrayList<>();
            was.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).isNotEmpty();
            for (String f : fields)
                assertThat(now.get(f)).as(b.getKey() + ": " + f).isEqualTo(was.get(f));
        }
    }

    @Test
    void realResponsesMatchTheSchemasTheOpenApiDocumentDescribes() throws Exception {
        JsonNode doc = JSON.readTree(get("/api/v1/openapi.json", null).body());
        JsonSchema eventList = schema(doc, "EventList"), event = schema(doc, "Event"), error = schema(doc, "Error");
        JsonNode all = json(200, "/api/v1/events?state=unreviewed&state=rejected");
        assertThat(all.get("events")).hasSize(5);
        assertThat(eventList.validate(all)).isEmpty();
        assertThat(eventList.validate(json(200, "/api/v1/events?limit=1")))
                .as("a page with a cursor")
                .isEmpty();
        for (long id : List.of(offensive, airstrike, protest, unplaced, rejected)) {
            assertThat(event.validate(json(200, "/api/v1/events/" + id)))
                    .as("event " + id)
                    .isEmpty();
        }
        assertThat(error.validate(json(400, "/api/v1/events?type=Skirmish"))).isEmpty();
        assertThat(error.validate(json(404, "/api/v1/events/987654321"))).isEmpty();
        String[][] directory = {
            {"PlaceList", "/api/v1/places"},
            {"PlaceList", "/api/v1/places?limit=1"},
            {"PlaceProfile", "/api/v1/places/170063"},
            {"PlaceProfile", "/api/v1/places/1"},
            {"ActorList", "/api/v1/actors"},
            {"ActorProfile", "/api/v1/actors/Islamic%20Front"},
            {"ActorProfile", "/api/v1/actors/Protesters%20(Syria)"}
        };
        for (String[] d : directory) {
            JsonNode answer = json(200, d[1]);
            assertThat(schema(doc, d[0]).validate(answer)).as(d[1]).isEmpty();
            assertThat(schema(doc, d[0])
                            .validate(((com.fasterxml.jackson.databind.node.ObjectNode) answer.deepCopy())
                                    .put("internal", 1)))
                    .as(d[1] + " with a field the document does not describe")
                    .isNotEmpty();
        }

        // the schemas are strict enough to catch drift either way: a field the document does not describe, a
        // type outside the taxonomy, a missing required field
        com.fasterxml.jackson.databind.node.ObjectNode one =
                (com.fasterxml.jackson.databind.node.ObjectNode) json(200, "/api/v1/events/" + offensive);
        assertThat(event.validate(one.deepCopy().put("modelVersion", "x"))).isNotEmpty();
        assertThat(event.validate(one.deepCopy().put("eventType", "Skirmish"))).isNotEmpty();
        assertThat(event.validate(one.deepCopy().put("subEventType", "Picnic"))).isNotEmpty();
        assertThat(event.validate(one.deepCopy().put("reviewState", "unreviewed")))
                .isNotEmpty();
        assertThat(event.validate(one.deepCopy().without("dateEarliest"))).isNotEmpty();

        // the documented enums are the analysis library's taxonomy, so neither can change alone
        List<String> types = java.util.Arrays.stream(org.sitrep.analysis.EventType.values())
                .filter(org.sitrep.analysis.EventType::isEvent)
                .map(org.sitrep.analysis.EventType::label)
                .toList();
        List<String> subTypes = java.util.Arrays.stream(org.sitrep.analysis.SubEventType.values())
                .filter(org.sitrep.analysis.SubEventType::isEvent)
                .map(org.sitrep.analysis.SubEventType::label)
                .toList();
        assertThat(texts(doc.at("/components/schemas/Event/properties/eventType/enum")))
                .isEqualTo(types);
        assertThat(texts(doc.at("/components/parameters/type/schema/items/enum")))
                .isEqualTo(types);
        assertThat(texts(doc.at("/components/schemas/Event/properties/subEventType/enum")))
                .isEqualTo(subTypes);
        assertThat(texts(doc.at("/components/schemas/Event/properties/reviewState/enum")))
                .isEqualTo(java.util.Arrays.stream(EventsV1.ReviewState.values())
                        .map(Enum::name)
                        .toList());
        // the old names are documented, as deprecated
        for (String alias : org.sitrep.intel.EventFilterParams.ALIASES.keySet()) {
            assertThat(doc.at("/components/parameters/" + alias + "/deprecated").asBoolean())
                    .as(alias)
                    .isTrue();
        }
    }

    /** One of the document's component schemas, its references resolved within the document. */
    static JsonSchema schema(JsonNode doc, String name) {
        com.fasterxml.jackson.databind.node.ObjectNode root = doc.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + name);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // --- helpers ------------------------------------------------------------------------------

    String base() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
        if (key != null) b.header("Authorization", "Bearer " + key);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(int status, String path) throws Exception {
        HttpResponse<String> r = get(path, BOOTSTRAP);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    List<Long> ids(String path) throws Exception {
        List<Long> ids = new ArrayList<>();
        json(200, path).get("events").forEach(e -> ids.add(e.get("id").asLong()));
        return ids;
    }

    WebSession signedIn(String email) {
        WebSession web = new WebSession(port);
        HttpResponse<String> in = web.post("/signin", "/signin", Map.of("username", email, "password", PASSWORD));
        assertThat(in.statusCode()).as("signed in " + email).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return web;
    }
}
