package org.sitrep.paywall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.members.MagicLinks;
import org.sitrep.members.SiteSettings;
import org.sitrep.members.Subscriptions;
import org.sitrep.members.Throttle;
import org.sitrep.site.PageCache;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestPieces;
import org.sitrep.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The metered paywall over real HTTP: three free pieces a month, the fourth cut on the server,
 * re-reading free, a new month resets, paid pieces for subscribers only, forged cookies ignored,
 * and the JSON-LD that tells search engines what is gated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {"sitrep.sample-content=false", "sitrep.zone=Asia/Beirut", "sitrep.payments.test-mode=true"})
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PaywallContract {
    static final String BODY = "<p>Opening paragraph about the front line.</p><p>Second paragraph with context.</p>"
            + "<h2>Inside</h2><p>SECRET-THIRD detail only readers with access get.</p><p>SECRET-FOURTH closing.</p>";

    static final String SAMPLE_NOTE =
            "<p><em>Sample content written for the Sitrep software project to show how the site "
                    + "works — an illustration, not a news report.</em></p>";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MutableClock clock;

    @Autowired
    SiteSettings settings;

    @Autowired
    PageCache cache;

    @Autowired
    MagicLinks links;

    @Autowired
    Throttle throttle;

    @Autowired
    Meter meter;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    void seed() {
        clock.set(TestClockConfig.START);
        TestPieces fixture = new TestPieces(jdbc, events);
        for (int i = 1; i <= 6; i++) {
            fixture.piece("front-line-" + i)
                    .kind("NEWS")
                    .headline("Front line report " + i)
                    .body(BODY)
                    .section("Syria")
                    .insert();
        }
        fixture.piece("paid-memo")
                .kind("MEMO")
                .headline("Paid memo")
                .body(BODY)
                .access("PAID")
                .insert();
        fixture.piece("members-analysis")
                .kind("ANALYSIS")
                .headline("Members analysis")
                .body(BODY)
                .access("MEMBERS")
                .insert();
        long sample = fixture.piece("sample-memo")
                .kind("MEMO")
                .headline("Sample memo")
                .access("PAID")
                .body(SAMPLE_NOTE + "<p>FIRST-REAL paragraph of the sample.</p><p>SECOND-REAL paragraph.</p>"
                        + "<p>SECRET-THIRD of the sample.</p>")
                .insert();
        jdbc.sql("UPDATE pieces SET sample = TRUE WHERE id = :id")
                .param("id", sample)
                .update();
        fixture.changed(sample);
    }

    @BeforeEach
    void reset() {
        clock.set(TestClockConfig.START);
        throttle.reset();
    }

    static boolean full(HttpResponse<String> page) {
        return page.body().contains("SECRET-THIRD") && page.body().contains("SECRET-FOURTH");
    }

    static JsonNode jsonLd(HttpResponse<String> page) throws Exception {
        Document d = Jsoup.parse(page.body());
        return new ObjectMapper()
                .readTree(d.selectFirst("script[type=application/ld+json]").data());
    }

    @Test
    void threeFreePiecesThenTheFourthIsCutOnTheServer() throws Exception {
        WebSession visitor = new WebSession(port);
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> page = visitor.get("/news/front-line-" + i);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(full(page)).as("piece %d is free", i).isTrue();
            assertThat(Jsoup.parse(page.body()).select("#meter-notice").text())
                    .contains(i == 3 ? "This is your last free piece this month." : (3 - i) + " free piece");
            assertThat(Jsoup.parse(page.body()).select("#paywall-offer")).isEmpty();
        }
        String cookie = visitor.cookie(VisitorCookie.NAME);
        assertThat(cookie).isNotNull();

        HttpResponse<String> fourth = visitor.get("/news/front-line-4");
        assertThat(fourth.statusCode()).isEqualTo(200);
        assertThat(fourth.body())
                .contains("Opening paragraph about the front line.")
                .contains("Second paragraph with context.")
                .doesNotContain("SECRET-THIRD")
                .doesNotContain("SECRET-FOURTH")
                .doesNotContain("Inside</h2>");
        Document d = Jsoup.parse(fourth.body());
        assertThat(d.select("#paywall-offer").text())
                .contains("Join our community of readers")
                .contains("Subscribe. Only $100 per year.")
                .contains("read all your free pieces");
        JsonNode ld = jsonLd(fourth);
        assertThat(ld.get("isAccessibleForFree").asBoolean()).isFalse();
        assertThat(ld.get("hasPart").get("cssSelector").asText()).isEqualTo(".body");
        assertThat(ld.get("hasPart").get("isAccessibleForFree").asBoolean()).isFalse();
        assertThat(d.select(".body")).hasSize(1);

        // Re-reading a counted piece costs nothing.
        assertThat(full(visitor.get("/news/front-line-2"))).isTrue();
        assertThat(full(visitor.get("/news/front-line-5"))).isFalse();

        // Another visitor (no cookie) has their own three, and a page cached for one never reaches the other.
        WebSession other = new WebSession(port);
        assertThat(full(other.get("/news/front-line-4"))).isTrue();
        assertThat(jsonLd(other.get("/news/front-line-4"))
                        .get("isAccessibleForFree")
                        .asBoolean())
                .isTrue();

        // A new month in the publication's zone (Beirut is on summer time, UTC+3, from 29 March 2026): the meter starts
        // over.
        clock.set(Instant.parse("2026-03-31T20:59:00Z"));
        assertThat(full(visitor.get("/news/front-line-5"))).isFalse();
        clock.set(Instant.parse("2026-03-31T21:01:00Z"));
        assertThat(full(visitor.get("/news/front-line-5")))
                .as("April in Beirut")
                .isTrue();

        // In May, March's rows are forgotten; April's stay.
        clock.set(Instant.parse("2026-05-02T12:00:00Z"));
        meter.flush(); // visitors' reads are written in batches

        long march = jdbc.sql("SELECT COUNT(*) FROM meter_reads WHERE read_month = '2026-03'")
                .query(Long.class)
                .single();
        assertThat(march).isPositive();
        assertThat(meter.forgetOldMonths()).isEqualTo((int) march);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meter_reads WHERE read_month = '2026-04'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aCutSamplePieceShowsItsNoteAndItsFirstRealParagraphs() {
        HttpResponse<String> page = new WebSession(port).get("/memos/sample-memo");
        assertThat(full(page)).isFalse();
        Document d = Jsoup.parse(page.body());
        assertThat(d.select(".body em").text()).startsWith("Sample content written for the Sitrep software project");
        assertThat(d.select(".body").text()).contains("FIRST-REAL paragraph").contains("SECOND-REAL paragraph");
        assertThat(page.body()).doesNotContain("SECRET-THIRD");
        assertThat(d.select("#paywall-offer")).hasSize(1);
    }

    long pieceId(String slug) {
        return jdbc.sql("SELECT id FROM pieces WHERE slug = :s")
                .param("s", slug)
                .query(Long.class)
                .single();
    }

    long rows(String reader) {
        return jdbc.sql("SELECT COUNT(*) FROM meter_reads WHERE reader = :r")
                .param("r", reader)
                .query(Long.class)
                .single();
    }

    @Test
    void visitorsReadsAreWrittenInBatchesAndCountWhetherInMemoryOrNot() {
        // Its own instance with a writer that does not run during the test: writes happen when the test says.
        VisitorReads reads = new VisitorReads(jdbcTemplate, transactions, 1000, 3_600_000);
        try {
            String v = "v:batched-visitor-0001", month = "2026-03";
            OffsetDateTime at = OffsetDateTime.ofInstant(TestClockConfig.START, ZoneOffset.UTC);
            long[] ids = {
                pieceId("front-line-1"), pieceId("front-line-2"), pieceId("front-line-3"), pieceId("front-line-4")
            };
            assertThat(reads.read(v, true, month, ids[0], 3, at)).isEqualTo(new Meter.Reading(true, 2));
            assertThat(reads.read(v, false, month, ids[1], 3, at)).isEqualTo(new Meter.Reading(true, 1));
            assertThat(reads.read(v, false, month, ids[2], 3, at)).isEqualTo(new Meter.Reading(true, 0));
            assertThat(reads.read(v, false, month, ids[3], 3, at).allowed()).isFalse();
            assertThat(rows(v)).as("nothing written on the request thread").isZero();

            // Forgotten from memory before being written (eviction): the unwritten reads still count.
            reads.forgetMemory();
            assertThat(reads.read(v, false, month, ids[3], 3, at).allowed()).isFalse();
            assertThat(reads.read(v, false, month, ids[0], 3, at)).isEqualTo(new Meter.Reading(true, 0));

            assertThat(reads.write()).isEqualTo(3);
            assertThat(rows(v)).isEqualTo(3);
            assertThat(reads.write()).as("each read is written once").isZero();

            // Forgotten after being written (a restart): the month comes back from the database.
            reads.forgetMemory();
            assertThat(reads.used(v, month)).isEqualTo(3);
            assertThat(reads.read(v, false, month, ids[3], 3, at).allowed()).isFalse();
            assertThat(reads.read(v, false, month, ids[1], 3, at).allowed()).isTrue();
        } finally {
            reads.destroy();
        }
    }

    @Test
    void pagesOpenedAtOnceNeverCountPastTheMeter() throws Exception {
        VisitorReads reads = new VisitorReads(jdbcTemplate, transactions, 1000, 3_600_000);
        try {
            String v = "v:eager-visitor-00001";
            OffsetDateTime at = OffsetDateTime.ofInstant(TestClockConfig.START, ZoneOffset.UTC);
            List<Long> ids = jdbc.sql("SELECT id FROM pieces").query(Long.class).list();
            assertThat(ids.size()).isGreaterThanOrEqualTo(8);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Meter.Reading>> readings = new ArrayList<>();
                for (long id : ids)
                    readings.add(pool.submit(() -> {
                        go.await();
                        return reads.read(v, false, "2026-03", id, 3, at);
                    }));
                go.countDown();
                int allowed = 0;
                for (Future<Meter.Reading> r : readings) if (r.get().allowed()) allowed++;
                assertThat(allowed).isEqualTo(3);
            } finally {
                pool.shutdown();
            }
            assertThat(reads.write()).isEqualTo(3);
            assertThat(rows(v)).isEqualTo(3);
        } finally {
            reads.destroy();
        }
    }

    @Test
    void aForgedVisitorCookieIsIgnored() {
        WebSession reader = new WebSession(port);
        for (int i = 1; i <= 3; i++) reader.get("/news/front-line-" + i);
        assertThat(full(reader.get("/news/front-line-4"))).isFalse();
        String real = reader.cookie(VisitorCookie.NAME);

        for (String forged : new String[] {
            "AAAAAAAAAAAAAAAAAAAAAA.forged", "garbage", real.substring(0, real.indexOf('.')) + ".x", "a.b.c", ""
        }) {
            WebSession forger = new WebSession(port);
            forger.setCookie(VisitorCookie.NAME, forged);
            HttpResponse<String> page = forger.get("/news/front-line-4");
            assertThat(page.statusCode()).as(forged).isEqualTo(200);
            assertThat(full(page))
                    .as("a forged cookie is a new visitor: %s", forged)
                    .isTrue();
            assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                    .startsWith(VisitorCookie.NAME + "=")
                    .contains("HttpOnly")
                    .contains("SameSite=Lax"));
        }
    }

    @Test
    void paidPiecesAreCutForFreeMembersAndWholeForSubscribers() throws Exception {
        WebSession anonymous = new WebSession(port);
        HttpResponse<String> paidAnon = anonymous.get("/memos/paid-memo");
        assertThat(full(paidAnon)).isFalse();
        assertThat(paidAnon.body()).contains("This piece is for subscribers");
        assertThat(jsonLd(paidAnon).get("isAccessibleForFree").asBoolean()).isFalse();
        HttpResponse<String> membersAnon = anonymous.get("/analysis/members-analysis");
        assertThat(full(membersAnon)).isFalse();
        assertThat(Jsoup.parse(membersAnon.body()).select("#paywall-offer").text())
                .contains("Join free");

        WebSession member = signIn("free.member@example.org");
        assertThat(full(member.get("/memos/paid-memo"))).isFalse();
        assertThat(full(member.get("/analysis/members-analysis")))
                .as("members' piece, within the meter")
                .isTrue();
        assertThat(Jsoup.parse(member.get("/memos/paid-memo").body()).select("#paywall-offer .offer-signin"))
                .isEmpty();

        long userId = jdbc.sql("SELECT id FROM users WHERE email = 'free.member@example.org'")
                .query(Long.class)
                .single();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql(
                        "INSERT INTO subscriptions (user_id, plan_id, state, current_period_end, provider, created_at, updated_at) "
                                + "VALUES (:u, (SELECT id FROM plans WHERE code = 'annual'), 'ACTIVE', :end, 'TEST', :now, :now)")
                .param("u", userId)
                .param("end", now.plusYears(1))
                .param("now", now)
                .update();
        HttpResponse<String> paidSub = member.get("/memos/paid-memo");
        assertThat(full(paidSub)).isTrue();
        assertThat(jsonLd(paidSub).get("isAccessibleForFree").asBoolean())
                .as("the markup is the same for everyone")
                .isFalse();
        for (int i = 1; i <= 6; i++)
            assertThat(full(member.get("/news/front-line-" + i)))
                    .as("subscribers are not metered")
                    .isTrue();

        // The subscription ends: back to the meter and the paywall.
        clock.set(now.plusYears(1).plusDays(1).toInstant());
        assertThat(full(member.get("/memos/paid-memo"))).isFalse();
    }

    @Test
    void theOfferWordingAndTheMeterComeFromSettings() {
        settings.put("paywall.offer-heading", "Support independent conflict reporting");
        settings.put("paywall.price-text", "Only $8 a month");
        settings.put(Paywall.FREE_FOR_VISITORS, "1");
        settings.put(
                Paywall.FREE_FOR_MEMBERS,
                "1"); // equal: past the meter a visitor is offered a subscription, not the wall
        cache.clear();
        try {
            WebSession visitor = new WebSession(port);
            assertThat(full(visitor.get("/news/front-line-6"))).isTrue();
            HttpResponse<String> second = visitor.get("/news/front-line-5");
            assertThat(full(second)).isFalse();
            assertThat(second.body())
                    .contains("Support independent conflict reporting")
                    .contains("Only $8 a month");
        } finally {
            settings.put("paywall.offer-heading", "Join our community of readers");
            settings.put("paywall.price-text", "Subscribe. Only $100 per year.");
            settings.put(Paywall.FREE_FOR_VISITORS, "3");
            settings.put(Paywall.FREE_FOR_MEMBERS, "3");
            cache.clear();
        }
    }

    WebSession signIn(String email) {
        WebSession web = new WebSession(port);
        String token = links.issue(email, "Free Member");
        HttpResponse<String> in = web.post("/signin/link?token=" + token, "/signin/link", Map.of("token", token));
        assertThat(in.statusCode()).isEqualTo(302);
        return web;
    }

    @Test
    void aMemberSubscribesInTestPaymentsModeReadsPaidPiecesAndCancelsToThePeriodEnd() {
        WebSession reader = signIn("test.payer@example.org");
        assertThat(full(reader.get("/memos/paid-memo"))).isFalse();
        HttpResponse<String> plansPage = reader.get("/subscribe");
        assertThat(plansPage.body()).contains("Test payments mode").contains("Subscribe to Annual (test payment)");
        HttpResponse<String> paid = reader.post("/subscribe", "/subscribe/test", Map.of("plan", "annual"));
        assertThat(paid.headers().firstValue("Location").orElse("")).endsWith("/account");
        assertThat(full(reader.get("/memos/paid-memo"))).isTrue();
        assertThat(reader.get("/account").body())
                .contains("Subscriber")
                .contains("Annual")
                .contains("renews");

        HttpResponse<String> cancel = reader.post("/account", "/subscribe/test/cancel", Map.of());
        assertThat(cancel.statusCode()).isEqualTo(302);
        long userId = jdbc.sql("SELECT id FROM users WHERE email = 'test.payer@example.org'")
                .query(Long.class)
                .single();
        assertThat(subscriptions.current(userId).orElseThrow().state()).isEqualTo(Subscriptions.State.CANCELED);
        assertThat(full(reader.get("/memos/paid-memo")))
                .as("paid for until the period ends")
                .isTrue();
        clock.set(TestClockConfig.START.plus(java.time.Duration.ofDays(367)));
        assertThat(full(reader.get("/memos/paid-memo"))).isFalse();

        // Anonymous readers are sent to join first (and come back to the plans); an unknown plan changes nothing.
        WebSession anonymous = new WebSession(port);
        assertThat(anonymous
                        .post("/subscribe", "/subscribe/test", Map.of("plan", "annual"))
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .endsWith("/join?next=%2Fsubscribe");
        WebSession other = signIn("plan.typo@example.org");
        other.post("/subscribe", "/subscribe/test", Map.of("plan", "no-such-plan"));
        long otherId = jdbc.sql("SELECT id FROM users WHERE email = 'plan.typo@example.org'")
                .query(Long.class)
                .single();
        assertThat(subscriptions.current(otherId)).isEmpty();
    }

    @Test
    void subscriptionsMoveOnlyAlongTheStateMachine() {
        long userId = jdbc.sql("SELECT id FROM users WHERE email = :e")
                .param("e", "machine@example.org")
                .query(Long.class)
                .optional()
                .orElseGet(() -> {
                    signIn("machine@example.org");
                    return jdbc.sql("SELECT id FROM users WHERE email = 'machine@example.org'")
                            .query(Long.class)
                            .single();
                });
        Subscriptions.Subscription s =
                subscriptions.start(userId, "monthly", Subscriptions.State.TRIALING, "TEST", "sub_test_1");
        assertThat(subscriptions.move(s.id(), Subscriptions.State.ACTIVE).state())
                .isEqualTo(Subscriptions.State.ACTIVE);
        assertThat(subscriptions.move(s.id(), Subscriptions.State.PAST_DUE).state())
                .isEqualTo(Subscriptions.State.PAST_DUE);
        assertThat(subscriptions.move(s.id(), Subscriptions.State.ACTIVE).state())
                .isEqualTo(Subscriptions.State.ACTIVE);
        assertThat(subscriptions.move(s.id(), Subscriptions.State.EXPIRED).state())
                .isEqualTo(Subscriptions.State.EXPIRED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> subscriptions.move(s.id(), Subscriptions.State.ACTIVE))
                .isInstanceOf(Subscriptions.IllegalTransition.class);
        assertThat(subscriptions.byId(s.id()).orElseThrow().state()).isEqualTo(Subscriptions.State.EXPIRED);
    }
}
