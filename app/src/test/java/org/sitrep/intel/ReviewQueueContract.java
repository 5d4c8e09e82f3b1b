package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * Review an analyst can trust, over real HTTP on each database: a place chosen from the gazetteer look-up is stored
 * with its coordinates, precision and gazetteer id; clearing a place (or only its coordinates) works; a new name the
 * gazetteer lacks never keeps the old coordinates; the queue's filters; bulk confirm under the version rules (a
 * stale one is left and named); the next event after a decision; an analyst added in the staff form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReviewQueueContract {
    static final String PASSWORD = "long enough passphrase", ANALYST = "queue-analyst@example.org";
    static final long ALEPPO = 170063;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    EventSearch search;

    TestEvents events;
    WebSession analyst;
    long doc;

    @BeforeAll
    void setUp() {
        events = new TestEvents(jdbc);
        accounts.create(ANALYST, "Queue Analyst", PASSWORD, Role.ANALYST);
        accounts.create("queue-admin@example.org", "Queue Admin", PASSWORD, Role.ADMIN);
        analyst = signedIn(ANALYST);
        doc = events.document("Queue wire", "Wire Q", LocalDate.of(2026, 5, 1), "Text of the queue wire.");
    }

    WebSession signedIn(String email) {
        WebSession s = new WebSession(port);
        HttpResponse<String> r = s.post("/signin", "/signin", Map.of("username", email, "password", PASSWORD));
        assertThat(r.statusCode()).isEqualTo(302);
        return s;
    }

    /** An unreviewed event placed in Sweden by mistake. */
    long misplaced(double confidence) {
        return events.event(
                doc,
                TestEvents.battle(LocalDate.of(2026, 5, 1))
                        .actors("Northern Brigade", null)
                        .at("Aleppo", "SE", "Skane", 55.6, 13.0, 2_000_000 + (long) (confidence * 1000))
                        .evidence("Text of the queue wire.", "Text")
                        .confidence(confidence));
    }

    TrackedEvent event(long id) {
        return search.find(id).orElseThrow();
    }

    HttpResponse<String> correct(long id, Map<String, String> fields) {
        TrackedEvent e = event(id);
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "eventType",
                e.eventType(),
                "subEventType",
                e.subEventType(),
                "dateEarliest",
                e.dateEarliest().toString(),
                "dateLatest",
                e.dateLatest().toString()));
        form.put("actor1", e.actor1() == null ? "" : e.actor1());
        form.put("version", Long.toString(e.version()));
        form.putAll(fields);
        return analyst.post("/intel/events/" + id, "/intel/events/" + id + "/correct", form);
    }

    @Test
    void aPlaceChosenFromTheLookUpIsStoredWithItsCoordinatesPrecisionAndGazetteerId() throws Exception {
        String found = analyst.get("/intel/places/lookup?q=Alepp").body();
        assertThat(found)
                .contains("\"id\":" + ALEPPO)
                .contains("\"country\":\"SY\"")
                .contains("\"admin1\":");
        assertThat(analyst.get("/intel/places/nearest?lat=36.2012&lon=37.1612").body())
                .contains("\"id\":" + ALEPPO);
        assertThat(analyst.get("/intel/places/nearest?lat=91&lon=0").statusCode())
                .isEqualTo(400);

        long id = misplaced(0.31);
        // The form still carries the old (Swedish) coordinates; the chosen gazetteer id decides.
        HttpResponse<String> r = correct(
                id,
                Map.of(
                        "placeName",
                        "Aleppo city",
                        "gazetteerId",
                        Long.toString(ALEPPO),
                        "latitude",
                        "55.6",
                        "longitude",
                        "13.0",
                        "country",
                        "SE"));
        assertThat(r.statusCode()).isEqualTo(302);
        TrackedEvent moved = event(id);
        assertThat(moved.placeName()).isEqualTo("Aleppo city");
        assertThat(moved.gazetteerId()).isEqualTo(ALEPPO);
        assertThat(moved.latitude()).isBetween(36.1, 36.3);
        assertThat(moved.longitude()).isBetween(37.0, 37.3);
        assertThat(moved.country()).isEqualTo("SY");
        assertThat(moved.geoPrecision()).isEqualTo("city");
        // The tracker's map data follows at once.
        assertThat(analyst.get("/tracker/data/events?bbox=36,35,38,37").body()).contains("\"id\":" + id);

        // An id that is not in the gazetteer is refused with the reason, nothing stored.
        HttpResponse<String> bad = correct(id, Map.of("placeName", "Nowhere", "gazetteerId", "999999999999"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).text()).contains("not in the gazetteer");
        assertThat(event(id).placeName()).isEqualTo("Aleppo city");
    }

    @Test
    void aNewNameTheGazetteerLacksNeverKeepsTheOldCoordinates() {
        long id = misplaced(0.32);
        HttpResponse<String> r =
                correct(id, Map.of("placeName", "Qqzzxx Nowhere", "latitude", "55.6", "longitude", "13.0"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(r.body()).text()).contains("No place called “Qqzzxx Nowhere” in the gazetteer");
        assertThat(event(id).latitude()).isEqualTo(55.6);
        assertThat(event(id).placeName()).isEqualTo("Aleppo");
    }

    @Test
    void clearingThePlaceOrItsCoordinatesWorks() {
        long id = misplaced(0.33);
        assertThat(correct(id, Map.of("placeName", "Aleppo", "latitude", "", "longitude", ""))
                        .statusCode())
                .isEqualTo(302);
        TrackedEvent offMap = event(id);
        assertThat(offMap.placeName()).isEqualTo("Aleppo");
        assertThat(offMap.located()).isFalse();
        assertThat(offMap.gazetteerId()).isNull();

        long other = misplaced(0.34);
        assertThat(correct(other, Map.of("placeName", "", "latitude", "", "longitude", "", "country", ""))
                        .statusCode())
                .isEqualTo(302);
        TrackedEvent cleared = event(other);
        assertThat(cleared.placeName()).isNull();
        assertThat(cleared.located()).isFalse();
        assertThat(cleared.country()).isNull();
    }

    @Test
    void theQueueFiltersBySourceTypeConfidenceAndPlace() {
        long otherDoc = events.document("Other wire", "Wire Filter", LocalDate.of(2026, 5, 2), "Protest text.");
        long protest = events.event(
                otherDoc,
                TestEvents.spec("Protests", "Peaceful protest", LocalDate.of(2026, 5, 2))
                        .at("Homs", "SY", "Homs", 34.73, 36.71, 169577)
                        .evidence("Protest text.", "Protest")
                        .confidence(0.95));
        Document bySource =
                Jsoup.parse(analyst.get("/intel/review?source=Wire+Filter").body());
        assertThat(bySource.select("tbody a").eachText()).containsExactly("#" + protest);
        assertThat(Jsoup.parse(analyst.get("/intel/review?type=Protests&place=homs")
                                .body())
                        .select("tbody a")
                        .eachText())
                .containsExactly("#" + protest);
        assertThat(Jsoup.parse(analyst.get("/intel/review?confidence=0.9&type=Battles")
                                .body())
                        .select("tbody a"))
                .isEmpty();
        // Bad input is said, not a crash: the queue is shown without it.
        HttpResponse<String> bad = analyst.get("/intel/review?confidence=lots&source=Wire+Filter");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(bad.body()).select("[role=alert]").text())
                .contains("Confidence is a number from 0 to 1");
    }

    @Test
    void bulkConfirmConfirmsTheTickedVersionsAndLeavesAStaleOne() {
        long a = misplaced(0.41), b = misplaced(0.42), c = misplaced(0.43);
        Document queue = Jsoup.parse(analyst.get("/intel/review?source=Wire+Q").body());
        String va = queue.select("input[name=event][value^=" + a + ":]").val();
        String vb = queue.select("input[name=event][value^=" + b + ":]").val();
        String vc = queue.select("input[name=event][value^=" + c + ":]").val();
        assertThat(va).isEqualTo(a + ":" + event(a).version());
        // A colleague corrects c after the queue page was shown.
        WebSession colleague = signedIn("queue-admin@example.org");
        colleague.post(
                "/intel/events/" + c,
                "/intel/events/" + c + "/correct",
                Map.of(
                        "eventType",
                        "Battles",
                        "subEventType",
                        "Armed clash",
                        "actor1",
                        "Someone else",
                        "placeName",
                        "Aleppo",
                        "latitude",
                        "55.6",
                        "longitude",
                        "13.0",
                        "dateEarliest",
                        "2026-05-01",
                        "dateLatest",
                        "2026-05-01",
                        "version",
                        Long.toString(event(c).version())));
        assertThat(event(c).reviewState()).isEqualTo(ReviewState.CORRECTED);

        String csrf = queue.select("form#bulk input[name=_csrf]").val();
        HttpResponse<String> r = analyst.postRaw(
                "/intel/review/confirm?event=" + va + "&event=" + vb + "&event=" + vc + "&back=source%3DWire%2BQ",
                Map.of("_csrf", csrf));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/intel/review?source=Wire+Q");
        assertThat(event(a).reviewState()).isEqualTo(ReviewState.CONFIRMED);
        assertThat(event(b).reviewState()).isEqualTo(ReviewState.CONFIRMED);
        assertThat(event(c).reviewState()).as("left as the colleague made it").isEqualTo(ReviewState.CORRECTED);
        Document after = Jsoup.parse(analyst.get("/intel/review?source=Wire+Q").body());
        assertThat(after.select("[role=status]").text()).contains("Confirmed 2 events.");
        assertThat(after.select("[role=alert]").text()).contains("#" + c + " (changed by someone else");
    }

    @Test
    void afterConfirmOrRejectTheNextEventInTheQueueOpens() {
        long first = misplaced(0.01), second = misplaced(0.02);
        HttpResponse<String> r = analyst.post(
                "/intel/events/" + first,
                "/intel/events/" + first + "/confirm",
                Map.of("version", Long.toString(event(first).version())));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/intel/events/" + second);
        Document next = Jsoup.parse(analyst.get("/intel/events/" + second).body());
        assertThat(next.select("[role=status]").text())
                .contains("Event #" + first + " confirmed")
                .contains("next event in the queue");
        HttpResponse<String> rejected = analyst.post(
                "/intel/events/" + second,
                "/intel/events/" + second + "/reject",
                Map.of("version", Long.toString(event(second).version())));
        assertThat(rejected.headers().firstValue("Location").orElseThrow())
                .doesNotEndWith("/intel/events/" + second)
                .doesNotEndWith("/intel/events/" + first);
        assertThat(event(second).reviewState()).isEqualTo(ReviewState.REJECTED);
    }

    @Test
    void anAdministratorAddsAnAnalystWhoMayReviewButNotWrite() {
        WebSession admin = signedIn("queue-admin@example.org");
        Document form = Jsoup.parse(admin.get("/admin/staff").body());
        assertThat(form.select("select#role option").eachAttr("value")).contains("ANALYST");
        HttpResponse<String> r = admin.post(
                "/admin/staff",
                "/admin/staff",
                Map.of(
                        "email",
                        "new-analyst@example.org",
                        "displayName",
                        "New Analyst",
                        "password",
                        PASSWORD,
                        "role",
                        "ANALYST"));
        assertThat(r.statusCode()).isEqualTo(302);
        WebSession added = signedIn("new-analyst@example.org");
        assertThat(added.get("/intel/review").statusCode()).isEqualTo(200);
        assertThat(added.get("/newsroom").statusCode()).isEqualTo(403);
    }
}
