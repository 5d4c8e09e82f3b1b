package org.sitrep.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.testsupport.TestEvents.battle;
import static org.sitrep.testsupport.TestEvents.spec;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.intel.EventReview;
import org.sitrep.members.Role;
import org.sitrep.members.UserAccounts;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestEvents;
import org.sitrep.testsupport.TestMail;
import org.sitrep.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.TestPropertySource;

/**
 * Monitors end to end against a real SMTP server (GreenMail): an analyst saves a tracker view, events arrive in it,
 * and the digest (new and changed events by place, with evidence and links, one-click unsubscribe) arrives; nothing
 * is sent when nothing changed; a send left as a crash leaves it sends nobody twice; a surge alerts once; a monitor
 * with bad data does not stop the others; only the owner sees or changes a monitor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.intel.workers=0",
            "sitrep.monitors.initial-delay=1h",
            "sitrep.mail.from=desk@sitrep.example",
            "sitrep.base-url=http://localhost:8080",
            "spring.datasource.hikari.maximum-pool-size=4"
        })
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MonitorsContract {
    /** Shared by the H2 and PostgreSQL classes (one JVM), left running like the newsletters' tests'. */
    static final GreenMail MAIL = TestMail.start();

    static final String PASSWORD = "a long enough passphrase";
    static final ZoneId ZONE = ZoneId.of("Asia/Beirut");

    static void mail(DynamicPropertyRegistry registry) {
        TestMail.properties(registry, MAIL);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Monitors monitors;

    @Autowired
    MonitorMails mails;

    @Autowired
    MonitorScheduler scheduler;

    @Autowired
    MonitorPostman postman;

    @Autowired
    EventReview review;

    TestEvents events;
    long doc;
    int users;

    @BeforeAll
    void fixtures() {
        events = new TestEvents(jdbc);
        doc = events.document(
                "Fighting in the north",
                "Wire One",
                LocalDate.of(2026, 3, 1),
                "Rebels attacked Aleppo. Shelling hit Idlib. Protesters marched in Homs. Clashes in Mosul. Strikes near Hama.");
    }

    @BeforeEach
    void fresh() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        clock.set(TestClockConfig.START);
        jdbc.sql("DELETE FROM monitor_mails").update();
        jdbc.sql("DELETE FROM monitors").update();
        jdbc.sql("DELETE FROM intel_events").update();
    }

    // --- fixtures -----------------------------------------------------------------------------

    String analyst() {
        String email = "analyst" + (++users) + "@example.org";
        accounts.create(email, "Analyst " + users, PASSWORD, Role.ANALYST);
        return email;
    }

    long idOf(String email) {
        return accounts.findByEmail(email).orElseThrow().id();
    }

    WebSession signedIn(String email) {
        WebSession web = new WebSession(port);
        HttpResponse<String> in = web.post("/signin", "/signin", Map.of("username", email, "password", PASSWORD));
        assertThat(in.statusCode()).as("signed in " + email).isEqualTo(302);
        return web;
    }

    /** An event whose last change is now by the test clock. */
    long event(TestEvents.Spec spec) {
        long id = events.event(doc, spec);
        jdbc.sql("UPDATE intel_events SET updated_at = :now, created_at = :now WHERE id = :id")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("id", id)
                .update();
        return id;
    }

    TestEvents.Spec aleppo(LocalDate day) {
        return battle(day)
                .actors("Islamic Front", "Syrian Arab Army")
                .at("Aleppo", "SY", "Aleppo", 36.2, 37.16, 170063)
                .evidence("Rebels attacked Aleppo.", "attacked");
    }

    TestEvents.Spec idlib(LocalDate day) {
        return battle(day).at("Idlib", "SY", "Idlib", 35.93, 36.63, 169388).evidence("Shelling hit Idlib.", "Shelling");
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    MimeMessage[] awaitMail(int count) {
        assertThat(MAIL.waitForIncomingEmail(10_000, count))
                .as("%d mails arrive", count)
                .isTrue();
        return MAIL.getReceivedMessages();
    }

    static String part(MimeMessage m, String type) throws Exception {
        return find(m, type);
    }

    private static String find(Part p, String type) throws Exception {
        if (p.isMimeType(type)) return (String) p.getContent();
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                String s = find(mp.getBodyPart(i), type);
                if (s != null) return s;
            }
        }
        return null;
    }

    // --- the digest ---------------------------------------------------------------------------

    @Test
    void anAnalystSavesATrackerViewAndItsDigestListsTheNewAndChangedEventsByPlace() throws Exception {
        String me = analyst();
        WebSession web = signedIn(me);
        HttpResponse<String> tracker = web.get("/tracker?country=SY&type=Battles");
        assertThat(tracker.body()).contains("/monitors/new?type=Battles&amp;country=SY");
        HttpResponse<String> form = web.get("/monitors/new?type=Battles&country=SY&from=2026-01-01");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("Event type: Battles · Country: SY")
                .contains("value=\"type=Battles&amp;country=SY\"");
        HttpResponse<String> saved = web.post(
                "/monitors/new?type=Battles&country=SY",
                "/monitors",
                Map.of(
                        "name",
                        "Syria battles",
                        "filter",
                        "type=Battles&country=SY",
                        "digest",
                        "daily",
                        "alerts",
                        "on"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/monitors?saved");
        assertThat(web.get("/monitors").body()).contains("Syria battles").contains("Event type: Battles · Country: SY");
        Monitor m = monitors.of(idOf(me)).get(0);
        assertThat(m.filter()).as("dates are not kept").isEqualTo("type=Battles&country=SY");

        // an hour later the news brings events: two in its view at Aleppo, one at Idlib; a protest and an Iraqi battle
        // are not
        clock.advance(Duration.ofHours(1));
        long a1 = event(aleppo(today()));
        long a2 = event(aleppo(today().minusDays(1))
                .evidence("Rebels attacked Aleppo.", "attacked")
                .actors("Islamic Front", null));
        long i1 = event(idlib(today()));
        event(spec("Protests", "Peaceful protest", today())
                .at("Homs", "SY", "Homs", 34.73, 36.72, 169577)
                .evidence("Protesters marched in Homs.", "marched"));
        event(battle(today())
                .at("Mosul", "IQ", "Nineveh", 36.34, 43.13, 99072)
                .evidence("Clashes in Mosul.", "Clashes"));

        scheduler.tick();
        assertThat(MAIL.getReceivedMessages()).as("not a day yet: no digest").isEmpty();

        clock.set(TestClockConfig.START.plus(Duration.ofDays(1)).plusSeconds(180));
        scheduler.tick();
        MimeMessage digest = awaitMail(1)[0];
        assertThat(digest.getAllRecipients()[0].toString()).isEqualTo(me);
        assertThat(digest.getSubject()).isEqualTo("Syria battles: 3 new or changed events");
        assertThat(digest.getHeader("List-Unsubscribe")[0])
                .startsWith("<http://localhost:8080/monitors/unsubscribe?token=");
        assertThat(digest.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String html = part(digest, "text/html"), text = part(digest, "text/plain");
        assertThat(html)
                .contains("Aleppo, Syria")
                .contains("Idlib, Syria")
                .contains("Rebels attacked Aleppo.")
                .contains("http://localhost:8080/tracker/events/" + a1)
                .contains("http://localhost:8080/tracker/events/" + a2)
                .contains("http://localhost:8080/tracker/events/" + i1)
                .doesNotContain("Homs")
                .doesNotContain("Mosul")
                .doesNotContain(DigestLetter.UNSUBSCRIBE_PLACEHOLDER)
                .contains("/monitors/unsubscribe?token=");
        assertThat(html.indexOf("Aleppo, Syria"))
                .as("the busiest place first")
                .isLessThan(html.indexOf("Idlib, Syria"));
        // the map of them travels inside the mail as a PNG the HTML shows by its Content-ID
        assertThat(digest.getContentType()).startsWith("multipart/related");
        Multipart related = (Multipart) digest.getContent();
        Part map = related.getBodyPart(1);
        assertThat(map.isMimeType("image/png")).isTrue();
        assertThat(((jakarta.mail.internet.MimeBodyPart) map).getContentID()).isEqualTo("<map>");
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(map.getInputStream());
        assertThat(png.getWidth()).isEqualTo(StaticDigestMap.WIDTH);
        assertThat(html).contains("src=\"cid:map\"");
        assertThat(text)
                .contains("ALEPPO, SYRIA")
                .contains("\"Shelling hit Idlib.\"")
                .contains("New: Battles");
        assertThat(mails.of(m.id())).extracting(MonitorMails.Mail::state).containsExactly("SENT");

        // the next tick, and the next day with nothing changed: no digest
        scheduler.tick();
        clock.advance(Duration.ofDays(1));
        scheduler.tick();
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(monitors.find(m.id()).orElseThrow().digestSince())
                .as("the window moved on all the same")
                .isAfter(TestClockConfig.START.plus(Duration.ofDays(1)));

        // an analyst confirms one: the next digest lists it as updated, and only it
        clock.advance(Duration.ofHours(2));
        review.confirm(i1, 0, "reviewer@example.org");
        clock.advance(Duration.ofDays(1));
        scheduler.tick();
        MimeMessage second = awaitMail(2)[1];
        assertThat(second.getSubject()).isEqualTo("Syria battles: 1 new or changed event");
        assertThat(part(second, "text/plain"))
                .contains("Updated: Battles")
                .contains("IDLIB, SYRIA")
                .doesNotContain("ALEPPO");
    }

    @Test
    void oneClickUnsubscribeStopsTheDigestAndAForgedTokenChangesNothing() throws Exception {
        String me = analyst();
        Monitor m = monitors.create(idOf(me), "Idlib", "country=SY", "daily", true);
        clock.advance(Duration.ofHours(1));
        event(idlib(today()));
        clock.advance(Duration.ofDays(1));
        scheduler.tick();
        MimeMessage digest = awaitMail(1)[0];
        String link = digest.getHeader("List-Unsubscribe")[0].replaceAll("^<http://localhost:8080|>$", "");
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;

        // a link scanner's GET stops nothing; a forged or damaged token is a 400 and stops nothing
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(base + link)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Stop these mails");
        String token = link.substring(link.indexOf("token=") + 6);
        char[] forged = token.toCharArray();
        forged[3] = forged[3] == 'A' ? 'B' : 'A';
        for (String bad : List.of(new String(forged), "", "bm90IGEgdG9rZW4", token + "AAAA")) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/monitors/unsubscribe?token=" + bad))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(monitors.find(m.id()).orElseThrow().digest()).isEqualTo(Monitor.Digest.DAILY);

        // the mail client's one-click POST: no cookie, no CSRF token
        HttpResponse<String> done = http.send(
                HttpRequest.newBuilder(URI.create(base + link))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        Monitor after = monitors.find(m.id()).orElseThrow();
        assertThat(after.digest()).isEqualTo(Monitor.Digest.NONE);
        assertThat(after.alerts()).as("the digest's link stops the digest only").isTrue();

        clock.advance(Duration.ofHours(1));
        event(idlib(today()));
        clock.advance(Duration.ofDays(2));
        scheduler.tick();
        assertThat(MAIL.getReceivedMessages())
                .as("no digest after unsubscribing")
                .hasSize(1);
    }

    // --- resuming -----------------------------------------------------------------------------

    @Test
    void aSendLeftAsACrashLeavesItSendsNobodyTwice() throws Exception {
        // six readers' digests due at once; the log as a kill leaves it: 2 SENT, 1 claimed (in flight), 3 QUEUED
        List<Monitor> six = new ArrayList<>();
        for (int i = 0; i < 6; i++)
            six.add(monitors.create(idOf(analyst()), "View " + i, "country=SY", "daily", false));
        clock.advance(Duration.ofHours(1));
        event(aleppo(today()));
        clock.advance(Duration.ofDays(1));
        assertThat(scheduler.queueDigests()).isEqualTo(6);
        List<Long> rows = jdbc.sql("SELECT id FROM monitor_mails ORDER BY id")
                .query(Long.class)
                .list();
        jdbc.sql("UPDATE monitor_mails SET state = 'SENT' WHERE id IN (:ids)")
                .param("ids", rows.subList(0, 2))
                .update();
        jdbc.sql("UPDATE monitor_mails SET state = 'SENDING', attempt = 1 WHERE id = :id")
                .param("id", rows.get(2))
                .update();

        MonitorPostman.Run run = postman.deliver(100);
        assertThat(run.sent()).isEqualTo(3);
        assertThat(run.inDoubt()).isEqualTo(1);
        MimeMessage[] got = awaitMail(3);
        List<String> to = new ArrayList<>();
        for (MimeMessage g : got) to.add(g.getAllRecipients()[0].toString());
        List<String> expected = new ArrayList<>();
        for (Monitor m : six.subList(3, 6))
            expected.add(accounts.staff().stream()
                    .filter(a -> a.id() == m.userId())
                    .findFirst()
                    .orElseThrow()
                    .email());
        assertThat(to).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jdbc.sql("SELECT state FROM monitor_mails ORDER BY id")
                        .query(String.class)
                        .list())
                .containsExactly("SENT", "SENT", "UNKNOWN", "SENT", "SENT", "SENT");
        assertThat(jdbc.sql("SELECT error FROM monitor_mails WHERE id = :id")
                        .param("id", rows.get(2))
                        .query(String.class)
                        .single())
                .isEqualTo(MonitorMails.IN_DOUBT);

        // resumed again: nothing left, nobody gets a second copy
        postman.deliver(100);
        Thread.sleep(300);
        assertThat(MAIL.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aReaderWhoLostAccessOrSwitchedTheDigestOffIsSkippedWhenTheMailIsDue() throws Exception {
        String gone = analyst(), off = analyst(), stays = analyst();
        Monitor g = monitors.create(idOf(gone), "G", "country=SY", "daily", false);
        Monitor o = monitors.create(idOf(off), "O", "country=SY", "daily", false);
        monitors.create(idOf(stays), "S", "country=SY", "daily", false);
        clock.advance(Duration.ofHours(1));
        event(aleppo(today()));
        clock.advance(Duration.ofDays(1));
        assertThat(scheduler.queueDigests()).isEqualTo(3);
        jdbc.sql("UPDATE users SET role = 'MEMBER' WHERE email = :e")
                .param("e", gone)
                .update(); // no longer staff, no data plan
        monitors.change(idOf(off), o.id(), Monitor.Digest.NONE, false);
        postman.deliver(100);
        MimeMessage[] got = awaitMail(1);
        Thread.sleep(300);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo(stays);
        assertThat(mails.of(g.id())).extracting(MonitorMails.Mail::state).containsExactly("SKIPPED");
        assertThat(mails.of(o.id())).extracting(MonitorMails.Mail::state).containsExactly("SKIPPED");
    }

    // --- surges -------------------------------------------------------------------------------

    @Test
    void aSurgeInAnAreaAlertsOnceAWeekWithItsExplanation() throws Exception {
        String me = analyst();
        Monitor m = monitors.create(idOf(me), "Syria", "country=SY", "none", true);
        LocalDate today = today();
        // Aleppo: 2 a week for the 8 weeks before, then 12 this week: a surge (12 >= 10 and >= 3 x 2.0)
        for (int w = 1; w <= 8; w++) for (int k = 0; k < 2; k++) event(aleppo(today.minusDays(7L * w + k)));
        for (int k = 0; k < 12; k++) event(aleppo(today.minusDays(k % 7)));
        // Idlib: 9 this week after a quiet spell: under the minimum of 10
        for (int k = 0; k < 9; k++) event(idlib(today.minusDays(k % 7)));
        // Hama: 5 a week before, 12 now: 2.4 times, under 3
        for (int w = 1; w <= 8; w++)
            for (int k = 0; k < 5; k++)
                event(battle(today.minusDays(7L * w + k)).at("Hama", "SY", "Hama", 35.13, 36.75, 170017));
        for (int k = 0; k < 12; k++)
            event(battle(today.minusDays(k % 7)).at("Hama", "SY", "Hama", 35.13, 36.75, 170017));

        scheduler.tick();
        MimeMessage alert = awaitMail(1)[0];
        assertThat(alert.getSubject())
                .isEqualTo("Surge in Syria: Aleppo, Syria: 12 events this week, 6.0× its 8-week average (2.0 a week)");
        assertThat(part(alert, "text/plain"))
                .contains("Aleppo, Syria: 12 events this week, 6.0× its 8-week average (2.0 a week).");
        assertThat(alert.getHeader("List-Unsubscribe")[0]).contains("/monitors/unsubscribe?token=");

        // checked again after the hour, and two days on with more events: still one alert for Aleppo this week
        clock.advance(Duration.ofHours(2));
        scheduler.tick();
        clock.advance(Duration.ofDays(2));
        for (int k = 0; k < 5; k++) event(aleppo(today()));
        scheduler.tick();
        Thread.sleep(300);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);

        // a week after the alert, still surging: a new alert may go
        clock.advance(Duration.ofDays(6));
        for (int k = 0; k < 15; k++) event(aleppo(today().minusDays(k % 3)));
        scheduler.tick();
        assertThat(awaitMail(2)).hasSize(2);
    }

    @Test
    void theSurgeRuleGuardsSmallCounts() {
        SurgeRule rule = SurgeRule.standard();
        assertThat(rule.surges(3, 0)).as("1 to 3 is three times, but noise").isFalse();
        assertThat(rule.surges(9, 0)).isFalse();
        assertThat(rule.surges(10, 0)).as("ten after a quiet spell").isTrue();
        assertThat(rule.surges(23, 49)).as("23 against 6.1 a week").isTrue();
        assertThat(rule.surges(18, 49))
                .as("18 against 6.1 a week: under three times")
                .isFalse();
        assertThat(new SurgeRule.Surge("SY/Aleppo", "Aleppo, Syria", 23, 6.0).explanation())
                .isEqualTo("Aleppo, Syria: 23 events this week, 3.8× its 8-week average (6.0 a week)");
        assertThat(new SurgeRule.Surge("SY/Aleppo", "Aleppo, Syria", 12, 0).explanation())
                .isEqualTo("Aleppo, Syria: 12 events this week, none in the 8 weeks before");
    }

    // --- bad data and access --------------------------------------------------------------------

    @Test
    void aMonitorWhoseViewNoLongerReadsIsSkippedAndTheOthersGoOut() throws Exception {
        String broken = analyst(), fine = analyst();
        Monitor b = monitors.create(idOf(broken), "Broken", "country=SY", "daily", true);
        monitors.create(idOf(fine), "Fine", "country=SY", "daily", true);
        jdbc.sql("UPDATE monitors SET filter = 'type=Skirmish&minConfidence=2' WHERE id = :id")
                .param("id", b.id())
                .update();
        clock.advance(Duration.ofHours(1));
        event(aleppo(today()));
        clock.advance(Duration.ofDays(1));
        scheduler.tick();
        MimeMessage[] got = awaitMail(1);
        Thread.sleep(300);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo(fine);
        // its owner's page says so instead of failing
        HttpResponse<String> page = signedIn(broken).get("/monitors");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("can no longer be read");
    }

    @Test
    void onlyTheOwnerSeesOrChangesAMonitorAndBadInputIsRefusedWithAMessage() throws Exception {
        String owner = analyst(), other = analyst();
        Monitor m = monitors.create(idOf(owner), "Mine", "country=SY", "weekly", true);
        WebSession them = signedIn(other);
        assertThat(them.get("/monitors").body()).doesNotContain("Mine");
        // a post at the owner's monitor, with their own valid session and CSRF token, is "not found"
        String csrf = org.jsoup.Jsoup.parse(them.get("/monitors/new").body())
                .selectFirst("input[name=_csrf]")
                .val();
        assertThat(them.postRaw("/monitors/" + m.id(), Map.of("digest", "none", "_csrf", csrf))
                        .statusCode())
                .isEqualTo(404);
        assertThat(them.postRaw("/monitors/" + m.id() + "/delete", Map.of("_csrf", csrf))
                        .statusCode())
                .isEqualTo(404);
        assertThat(monitors.find(m.id()).orElseThrow().digest()).isEqualTo(Monitor.Digest.WEEKLY);

        // a view the filters refuse, no name, an unknown digest: 400 with the reasons, nothing saved
        HttpResponse<String> bad = them.postRaw(
                "/monitors", Map.of("name", "", "filter", "type=Skirmish", "digest", "hourly", "_csrf", csrf));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body())
                .contains("Give the monitor a name.")
                .contains("Choose no digest, daily or weekly.")
                .contains("type must be one of")
                .doesNotContain("Exception");
        assertThat(them.get("/monitors/new?minConfidence=7").statusCode()).isEqualTo(400);
        // a hostile name is text, never markup
        assertThat(them.postRaw(
                                "/monitors",
                                Map.of(
                                        "name",
                                        "<script>alert(1)</script>",
                                        "filter",
                                        "country=SY",
                                        "digest",
                                        "daily",
                                        "_csrf",
                                        csrf))
                        .statusCode())
                .isEqualTo(302);
        assertThat(them.get("/monitors").body())
                .doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;");

        // a member without the tracker's access has no monitors; an anonymous visitor is sent to sign in
        accounts.create("plain@example.org", "Plain", PASSWORD, Role.MEMBER);
        assertThat(signedIn("plain@example.org").get("/monitors").statusCode()).isEqualTo(403);
        assertThat(new WebSession(port).get("/monitors").statusCode()).isIn(302, 401);
        assertThat(Arrays.asList(
                        monitors.of(idOf(other)).stream().map(Monitor::name).toArray()))
                .containsExactly("<script>alert(1)</script>");
    }

    Instant now() {
        return clock.instant();
    }

    static String body(MimeMessage m) {
        return GreenMailUtil.getBody(m);
    }
}
