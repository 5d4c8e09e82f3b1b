package org.sitrep.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.intel.EventsChanged;
import org.sitrep.members.Role;
import org.sitrep.members.UserAccounts;
import org.sitrep.testsupport.TestEvents;
import org.sitrep.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The tracker over real HTTP on each database: who may see it, the server-rendered list (filters,
 * paging) that works without JavaScript, the JSON the script reads, place and actor pages, and 400
 * with a readable message for every bad parameter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrackerEndpointsContract {
    static final String PASSWORD = "long enough passphrase";
    static final long BASRA_ID = 99532;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    @Autowired
    UserAccounts accounts;

    TrackerFixture fixture;
    WebSession analyst;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void setUp() {
        fixture = new TrackerFixture(jdbc);
        // Sixty small events from one source, for paging and capping.
        TestEvents more = fixture.events;
        long doc = more.document("Many incidents", "Wire Paging", LocalDate.of(2025, 6, 30), "Incident text.");
        for (int i = 0; i < 60; i++) {
            more.event(
                    doc,
                    TestEvents.spec(
                                    "Riots",
                                    "Mob violence",
                                    LocalDate.of(2025, 6, 1).plusDays(i % 30))
                            .at("Basra", "IQ", "Basra", 30.5085, 47.7804, BASRA_ID)
                            .evidence("Incident text.", "incident"));
        }
        accounts.create("analyst@example.org", "Analyst", PASSWORD, Role.ANALYST);
        accounts.create("reader@example.org", "Reader", PASSWORD, Role.MEMBER);
        analyst = signedIn("analyst@example.org");
    }

    WebSession signedIn(String email) {
        WebSession s = new WebSession(port);
        HttpResponse<String> r = s.post("/signin", "/signin", Map.of("username", email, "password", PASSWORD));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return s;
    }

    Document page(String path) {
        HttpResponse<String> r = analyst.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    JsonNode data(String path) throws Exception {
        HttpResponse<String> r = analyst.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return json.readTree(r.body());
    }

    List<String> listed(Document d) {
        return d.select("#event-list .event-link").eachText();
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndReadersAreRefused() {
        WebSession anonymous = new WebSession(port);
        for (String path : List.of(
                "/tracker",
                "/tracker/data/events",
                "/tracker/events/" + fixture.aleppoEvent,
                "/tracker/places/" + TrackerFixture.ALEPPO,
                "/tracker/tracker.js")) {
            HttpResponse<String> r = anonymous.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow())
                    .as(path)
                    .endsWith("/signin");
        }
        assertThat(signedIn("reader@example.org").get("/tracker").statusCode()).isEqualTo(403);
    }

    @Test
    void theListFiltersByEveryFieldWithoutJavaScript() {
        assertThat(listed(page("/tracker?type=Battles")))
                .hasSize(1)
                .allMatch(t -> t.contains("Battles · 2 Mar 2026 · Aleppo"));
        assertThat(listed(page("/tracker?actor=northern+brigade"))).hasSize(2);
        assertThat(listed(page("/tracker?place=Baghdad"))).containsExactly("P Protests · 10 Apr 2026 · Baghdad");
        assertThat(listed(page("/tracker?source=Wire+B"))).hasSize(1).allMatch(t -> t.contains("Damascus"));
        assertThat(listed(page("/tracker?confidence=0.85"))).hasSize(1).allMatch(t -> t.contains("Aleppo"));
        assertThat(listed(page("/tracker?state=confirmed"))).containsExactly("P Protests · 10 Apr 2026 · Baghdad");
        assertThat(listed(page("/tracker?state=rejected"))).hasSize(1).allMatch(t -> t.contains("Idlib"));
        assertThat(listed(page("/tracker?from=2026-03-15&to=2026-03-31")))
                .hasSize(1)
                .allMatch(t -> t.contains("Damascus"));
        assertThat(listed(page("/tracker?placeId=" + TrackerFixture.DAMASCUS))).hasSize(1);
        // The form shows the filters it was given, so the page reloads as it was.
        Document d = page("/tracker?type=Protests&actor=Students&from=2026-04-01");
        assertThat(d.selectFirst("#type-protests").hasAttr("checked")).isTrue();
        assertThat(d.selectFirst("#type-battles").hasAttr("checked")).isFalse();
        assertThat(d.selectFirst("#actor").val()).isEqualTo("Students");
        assertThat(d.selectFirst("#from").val()).isEqualTo("2026-04-01");
    }

    @Test
    void theListPagesWithTheFiltersKept() {
        Document first = page("/tracker?source=Wire+Paging");
        assertThat(listed(first)).hasSize(TrackerController.PAGE_SIZE);
        assertThat(first.selectFirst("#list-count").text()).startsWith("Showing 50 of 60 events");
        String next = first.selectFirst("a[rel=next]").attr("href");
        assertThat(next).contains("source=Wire+Paging").contains("after=");
        Document second = page(next);
        assertThat(listed(second)).hasSize(10);
        assertThat(second.selectFirst("a[rel=next]")).isNull();
        List<String> all =
                new ArrayList<>(first.select("#event-list .event-link").eachAttr("href"));
        all.addAll(second.select("#event-list .event-link").eachAttr("href"));
        assertThat(all).doesNotHaveDuplicates().hasSize(60);
    }

    @Test
    void mapPointsAreCompactAndCapped() throws Exception {
        JsonNode all = data("/tracker/data/events");
        assertThat(all.path("total").asLong()).isEqualTo(64);
        assertThat(all.path("shown").asInt()).isEqualTo(63); // the unplaced event has no point
        assertThat(all.path("capped").asBoolean()).isFalse();
        JsonNode point = all.path("events").get(0);
        assertThat(point.path("type").asText()).isEqualTo("Protests");
        assertThat(point.path("lat").asDouble()).isEqualTo(33.3406);
        assertThat(point.has("evidence")).isFalse();

        JsonNode capped = data("/tracker/data/events?source=Wire+Paging&limit=25");
        assertThat(capped.path("shown").asInt()).isEqualTo(25);
        assertThat(capped.path("total").asLong()).isEqualTo(60);
        assertThat(capped.path("capped").asBoolean()).isTrue();

        JsonNode boxed = data("/tracker/data/events?bbox=35,32,40,38");
        assertThat(boxed.path("total").asLong()).isEqualTo(2); // Aleppo and Damascus, not Baghdad or Basra
    }

    @Test
    void thePanelDataCarriesTheArticleCutAroundTheEvidence() throws Exception {
        JsonNode e = data("/tracker/data/events/" + fixture.aleppoEvent);
        assertThat(e.path("type").asText()).isEqualTo("Battles");
        assertThat(e.path("actor1").asText()).isEqualTo("Northern Brigade");
        assertThat(e.path("reviewUrl").asText()).isEqualTo("/intel/events/" + fixture.aleppoEvent);
        JsonNode ev = e.path("evidence");
        assertThat(ev.path("found").asBoolean()).isTrue();
        assertThat(ev.path("evidence").asText()).isEqualTo(TrackerFixture.ALEPPO_SENTENCE);
        assertThat(ev.path("before").asText()).isEqualTo("Opening paragraph about the week.\n\n");
        assertThat(ev.path("after").asText()).startsWith(" Residents fled west.");
        assertThat(analyst.get("/tracker/data/events/999999").statusCode()).isEqualTo(404);

        // A source link that is not http(s) is never handed to the page.
        long doc = fixture.events.document(
                "item", 77, "Bad link", "javascript:alert(1)", "Wire X", LocalDate.of(2026, 1, 1), "Text.");
        long id = fixture.events.event(
                doc, TestEvents.battle(LocalDate.of(2026, 1, 1)).evidence("Text.", "text"));
        try {
            assertThat(data("/tracker/data/events/" + id).hasNonNull("sourceUrl"))
                    .isFalse();
            assertThat(page("/tracker/events/" + id).select("main a").eachAttr("href"))
                    .noneMatch(h -> h.startsWith("javascript"));
        } finally {
            jdbc.sql("DELETE FROM intel_events WHERE id = :id").param("id", id).update();
            publisher.publishEvent(
                    EventsChanged.events(id)); // written behind the application's back: tell the map index
        }
    }

    @Test
    void theTimelineCountsPerDayIgnoringTheDateFilter() throws Exception {
        JsonNode days = data("/tracker/data/timeline?from=2026-04-01&type=Battles&type=Protests")
                .path("days");
        List<String> seen = new ArrayList<>();
        days.forEach(d -> seen.add(d.path("day").asText() + " "
                + d.path("eventType").asText() + " " + d.path("count").asLong()));
        assertThat(seen).containsExactly("2026-03-02 Battles 1", "2026-04-10 Protests 1");
    }

    @Test
    void townLabelsComeFromTheGazetteer() throws Exception {
        JsonNode towns = data("/tracker/data/places?bbox=35,32,40,38&limit=5");
        assertThat(towns.size()).isEqualTo(5);
        List<String> names = new ArrayList<>();
        towns.forEach(t -> names.add(t.path("name").asText()));
        assertThat(names).contains("Aleppo", "Damascus");
        assertThat(towns.get(0).path("population").asLong())
                .isGreaterThanOrEqualTo(towns.get(4).path("population").asLong());
    }

    @Test
    void theAdmin1LayerIsBuiltFromNaturalEarthAndBrowsersMayKeepIt() throws Exception {
        HttpResponse<String> r = analyst.get("/tracker/vendor/admin1-borders.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("max-age=86400", "private");
        JsonNode layer = json.readTree(r.body());
        JsonNode aleppo = null, syria = null;
        for (JsonNode f : layer.path("features")) {
            if ("SY-HL".equals(f.path("properties").path("code").asText())) aleppo = f;
            if (f.path("geometry").path("type").asText().equals("MultiLineString")
                    && "SY".equals(f.path("properties").path("country").asText())) syria = f;
        }
        // Aleppo governorate's label point lies in north-west Syria
        assertThat(aleppo).isNotNull();
        assertThat(aleppo.path("properties").path("name").asText()).isEqualTo("Aleppo");
        double lon = aleppo.path("geometry").path("coordinates").get(0).asDouble(),
                lat = aleppo.path("geometry").path("coordinates").get(1).asDouble();
        assertThat(lon).isBetween(36.5, 38.6);
        assertThat(lat).isBetween(35.6, 36.9);
        // Syria's internal borders are lines inside Syria (its 14 governorates meet along many of them)
        assertThat(syria).isNotNull();
        assertThat(syria.path("geometry").path("coordinates").size()).isGreaterThan(5);
        for (JsonNode line : syria.path("geometry").path("coordinates")) {
            for (JsonNode p : line) {
                assertThat(p.get(0).asDouble()).isBetween(35.5, 42.5);
                assertThat(p.get(1).asDouble()).isBetween(32.2, 37.4);
            }
        }
        // simplified: the world in a few MB, not Natural Earth's 34
        assertThat(r.body().length()).isLessThan(4_000_000);
        assertThat(analyst.get("/tracker/vendor/countries-50m.json")
                        .headers()
                        .firstValue("Cache-Control")
                        .orElse(""))
                .contains("max-age=86400");
    }

    @Test
    void placeAndActorPagesShowEventsActorsPlacesAndDocuments() {
        Document place = page("/tracker/places/" + TrackerFixture.ALEPPO);
        assertThat(place.selectFirst("h1").text()).isEqualTo("Aleppo");
        assertThat(listed(place)).hasSize(1);
        assertThat(place.select("section[aria-labelledby=actors-heading] a").eachText())
                .containsExactlyInAnyOrder("Northern Brigade", "Government forces");
        assertThat(place.select("section[aria-labelledby=documents-heading] li").text())
                .contains("Clashes in Aleppo");
        // written with the filter's current name (placeId is its old one, still read: see oldAndNewParameterNames…)
        assertThat(place.selectFirst("#profile-map").attr("data-query"))
                .isEqualTo("gazetteerId=" + TrackerFixture.ALEPPO);
        assertThat(analyst.get("/tracker/places/424242").statusCode()).isEqualTo(404);

        Document actor = page("/tracker/actors/Northern%20Brigade");
        assertThat(actor.selectFirst("h1").text()).isEqualTo("Northern Brigade");
        assertThat(listed(actor)).hasSize(2);
        assertThat(actor.select("section[aria-labelledby=places-heading] a").eachAttr("href"))
                .containsExactly("/tracker/places/" + TrackerFixture.ALEPPO);
        assertThat(actor.select("section[aria-labelledby=counterparts-heading] a")
                        .eachText())
                .containsExactly("Government forces");
        assertThat(actor.selectFirst("#profile-map").attr("data-query")).isEqualTo("actor=Northern+Brigade");
        // Hostile names are text, not markup.
        Document hostile = page("/tracker/actors?name=%3Cb%3EUnknown%3C%2Fb%3E+drone+operator");
        assertThat(hostile.selectFirst("h1").text()).isEqualTo("<b>Unknown</b> drone operator");
        assertThat(hostile.select("main b")).isEmpty();
        assertThat(analyst.get("/tracker/actors/Nobody%20At%20All").statusCode())
                .isEqualTo(404);
        // Links to it use the query form, since a slash cannot travel in a path segment.
        assertThat(page("/tracker/events/" + fixture.hostileEvent)
                        .select("main dd a")
                        .eachAttr("href"))
                .contains("/tracker/actors?name=%3Cb%3EUnknown%3C%2Fb%3E+drone+operator");
    }

    @Test
    void oldAndNewParameterNamesFilterAlikeAndTheTrackerWritesTheNewOnes() throws Exception {
        // The API's names (one set for the tracker and the API) and the tracker's old ones, on the page and in its
        // JSON.
        assertThat(listed(page("/tracker?gazetteerId=" + TrackerFixture.DAMASCUS)))
                .isEqualTo(listed(page("/tracker?placeId=" + TrackerFixture.DAMASCUS)))
                .hasSize(1);
        assertThat(listed(page("/tracker?minConfidence=0.85")))
                .isEqualTo(listed(page("/tracker?confidence=0.85")))
                .hasSize(1)
                .allMatch(t -> t.contains("Aleppo"));
        assertThat(data("/tracker/data/events?minConfidence=0.85").path("total").asLong())
                .isEqualTo(data("/tracker/data/events?confidence=0.85")
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        // filters the tracker's form has no field for, from the shared set: country, and a box on the list
        assertThat(listed(page("/tracker?country=IQ&source=Wire+Paging"))).hasSize(TrackerController.PAGE_SIZE);
        assertThat(listed(page("/tracker?country=SY")))
                .hasSize(2); // Aleppo and Damascus: the unplaced event has no country
        assertThat(listed(page("/tracker?bbox=35,32,40,38"))).hasSize(2);
        // the form submits the current name, and links carry it
        Document d = page("/tracker?confidence=0.85");
        assertThat(d.selectFirst("#confidence").attr("name")).isEqualTo("minConfidence");
        assertThat(d.selectFirst("#confidence").val()).isEqualTo("0.85");
        assertThat(d.selectFirst("#tracker-visual").attr("data-query")).isEqualTo("minConfidence=0.85");
        Document paged = page("/tracker?source=Wire+Paging&placeId=" + BASRA_ID);
        assertThat(paged.selectFirst("a[rel=next]").attr("href"))
                .contains("gazetteerId=" + BASRA_ID)
                .doesNotContain("placeId");
        // parameters that are not the filter's are left alone, whatever their shape (a binder would choke on some)
        assertThat(listed(page("/tracker?actor%5Bx%5D=1&state%5B%5D=x&class.module.classLoader=x&placeId="
                        + TrackerFixture.DAMASCUS)))
                .hasSize(1);
        // both names at once, and bad values, are refused with the API's messages
        Map<String, String> cases = Map.of(
                "placeId=1&gazetteerId=2", "placeId is the old name of gazetteerId",
                "gazetteerId=aleppo", "gazetteerId must be a gazetteer id",
                "minConfidence=2", "minConfidence must be between 0 and 1",
                "country=Syria", "country must be a two-letter ISO 3166-1 code",
                "bbox=10,10,5,5", "bbox must be",
                "type=Battles&type=None", "type must be one of Battles, Explosions/Remote violence",
                "actor=A&actor=B", "actor is given 2 times: give it once");
        for (var c : cases.entrySet()) {
            HttpResponse<String> html = analyst.get("/tracker?" + c.getKey());
            assertThat(html.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(Jsoup.parse(html.body()).selectFirst("[role=alert]").text())
                    .as(c.getKey())
                    .contains(c.getValue());
            HttpResponse<String> api = analyst.get("/tracker/data/timeline?" + c.getKey());
            assertThat(api.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(json.readTree(api.body()).path("error").asText())
                    .as(c.getKey())
                    .contains(c.getValue());
            assertThat(api.body()).doesNotContain("Exception");
        }
    }

    @Test
    void badParametersAreAnsweredWith400AndAMessage() throws Exception {
        Map<String, String> cases = Map.of(
                "from=yesterday", "from must be a date written YYYY-MM-DD",
                "from=2026-05-01&to=2026-04-01", "from must not be after to",
                "type=Picnics", "type must be one of",
                "state=maybe", "state must be one of",
                "confidence=2", "confidence must be between 0 and 1",
                "confidence=lots", "confidence must be a number",
                "placeId=aleppo", "placeId must be a gazetteer id",
                "after=not-a-cursor", "cursor is not one this server gave out");
        for (var c : cases.entrySet()) {
            HttpResponse<String> html = analyst.get("/tracker?" + c.getKey());
            assertThat(html.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(Jsoup.parse(html.body()).selectFirst("[role=alert]").text())
                    .as(c.getKey())
                    .contains(c.getValue());
            if (c.getKey().startsWith("after")) continue;
            HttpResponse<String> api = analyst.get("/tracker/data/events?" + c.getKey());
            assertThat(api.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(json.readTree(api.body()).path("error").asText())
                    .as(c.getKey())
                    .contains(c.getValue());
        }
        for (String bad : List.of(
                "/tracker/data/events?bbox=1,2,3",
                "/tracker/data/events?bbox=10,10,5,5",
                "/tracker/data/events?limit=0",
                "/tracker/data/events?limit=10001",
                "/tracker/data/places?bbox=a,b,c,d",
                "/tracker/data/places?bbox=0,0,1,1&limit=1000",
                "/tracker/data/timeline?to=soon")) {
            HttpResponse<String> r = analyst.get(bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json.readTree(r.body()).path("error").asText()).as(bad).isNotBlank();
        }
    }
}
