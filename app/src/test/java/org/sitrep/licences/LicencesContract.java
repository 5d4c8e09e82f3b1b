package org.sitrep.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.members.MagicLinks;
import org.sitrep.members.ReaderAccounts;
import org.sitrep.members.SiteSettings;
import org.sitrep.members.Throttle;
import org.sitrep.paywall.Paywall;
import org.sitrep.site.PageCache;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestMail;
import org.sitrep.testsupport.TestPieces;
import org.sitrep.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Team licences, site licences, gifts and the registration wall over real HTTP, with GreenMail as
 * the SMTP server, and the attacks on each: forged, replayed and expired invitation links, seat
 * over-use (one at a time and all at once), a leaver's access, a forged X-Forwarded-For from an
 * untrusted address, paid words absent for an unlicensed address, forged and replayed gift links.
 * The server trusts one proxy, IPv6 loopback: a request to [::1] is "behind the proxy", one to
 * 127.0.0.1 is a client connecting directly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.payments.test-mode=true",
            "sitrep.trusted-proxies=::1",
            "sitrep.mail.from=desk@sitrep.example"
        })
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LicencesContract {
    static final GreenMail MAIL = TestMail.start();
    static final String BODY = "<p>Opening paragraph of the memo.</p><p>Second paragraph with context.</p>"
            + "<p>SECRET-THIRD detail for paying readers.</p><p>SECRET-FOURTH closing.</p>";
    private static final Pattern INVITATION = Pattern.compile("/licences/invitation\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern GIFT = Pattern.compile("/gift/redeem\\?token=([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MutableClock clock;

    @Autowired
    MagicLinks links;

    @Autowired
    Throttle throttle;

    @Autowired
    Organisations organisations;

    @Autowired
    Invitations invitations;

    @Autowired
    SiteLicences sites;

    @Autowired
    ReaderAccounts readers;

    @Autowired
    SiteSettings settings;

    @Autowired
    PageCache cache;

    @BeforeAll
    void seed() {
        clock.set(TestClockConfig.START);
        TestPieces fixture = new TestPieces(jdbc, events);
        fixture.piece("paid-memo")
                .kind("MEMO")
                .headline("Paid memo")
                .body(BODY)
                .access("PAID")
                .insert();
        for (int i = 1; i <= 6; i++) {
            fixture.piece("report-" + i)
                    .kind("NEWS")
                    .headline("Report " + i)
                    .body(BODY)
                    .section("Syria")
                    .insert();
        }
    }

    @BeforeEach
    void fresh() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        throttle.reset();
        clock.set(TestClockConfig.START);
        sites.reload();
    }

    static boolean full(HttpResponse<String> page) {
        return page.body().contains("SECRET-THIRD") && page.body().contains("SECRET-FOURTH");
    }

    WebSession signIn(String email) {
        WebSession web = new WebSession(port);
        String token = links.issue(email, null);
        assertThat(web.post("/signin/link?token=" + token, "/signin/link", Map.of("token", token))
                        .statusCode())
                .isEqualTo(302);
        return web;
    }

    long userId(String email) {
        return readers.find(email).orElseThrow().id();
    }

    /** The manager buys a team licence on /licences/team; returns the organisation's id. */
    long buyTeam(WebSession manager, String name, int seats) {
        HttpResponse<String> bought = manager.post(
                "/licences/team",
                "/licences/team",
                Map.of("name", name, "plan", "annual", "seats", Integer.toString(seats)));
        assertThat(bought.statusCode()).isEqualTo(302);
        String location = bought.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/licences/team/\\d+");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** Invites {@code email} from the organisation's page and returns the token from the mail that arrives. */
    String invite(WebSession manager, long org, String email) throws Exception {
        int before = MAIL.getReceivedMessages().length;
        assertThat(manager.post("/licences/team/" + org, "/licences/team/" + org + "/invite", Map.of("email", email))
                        .statusCode())
                .isEqualTo(302);
        assertThat(MAIL.waitForIncomingEmail(10_000, before + 1)).isTrue();
        MimeMessage m = MAIL.getReceivedMessages()[before];
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(m.getSubject()).contains("Acme").doesNotContain("\n");
        Matcher link = INVITATION.matcher(GreenMailUtil.getBody(m).replace("=\r\n", ""));
        assertThat(link.find()).as("the mail holds the invitation link").isTrue();
        return link.group(1);
    }

    /** Opens the invitation link and presses "Take the seat". */
    HttpResponse<String> accept(WebSession reader, String token) {
        HttpResponse<String> page = reader.get("/licences/invitation?token=" + token);
        if (page.statusCode() != 200) return page;
        return reader.post("/licences/invitation", "/licences/invitation", Map.of());
    }

    @Test
    void aManagerBuysSeatsInvitesFreesAndBuysMoreAndLeaversLoseAccessAtOnce() throws Exception {
        WebSession manager = signIn("manager@acme.example");
        long org = buyTeam(manager, "Acme Risk", 2);
        String page = manager.get("/licences/team/" + org).body();
        assertThat(Jsoup.parse(page).select("#seat-count").text()).isEqualTo("1 of 2 seats in use.");
        assertThat(full(manager.get("/memos/paid-memo")))
                .as("the manager holds a seat")
                .isTrue();

        String forAmira = invite(manager, org, "amira@example.org");
        String forBilal = invite(manager, org, "bilal@example.org");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM organisation_invitations WHERE token_hash = :t")
                        .param("t", forAmira)
                        .query(Long.class)
                        .single())
                .as("only the token's hash is kept")
                .isZero();

        WebSession amira = signIn("amira@example.org");
        WebSession bilal = signIn("bilal@example.org");
        WebSession carla = signIn("carla@example.org");
        assertThat(full(amira.get("/memos/paid-memo"))).isFalse();
        HttpResponse<String> joined = accept(amira, forAmira);
        assertThat(joined.statusCode()).isEqualTo(302);
        assertThat(Jsoup.parse(amira.get("/account").body())
                        .select("#granted-by")
                        .text())
                .contains("a seat of Acme Risk");
        assertThat(full(amira.get("/memos/paid-memo"))).isTrue();

        // Seat over-use: both seats are taken, so Bilal's good link is refused (and kept for later).
        HttpResponse<String> full = accept(bilal, forBilal);
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.body()).contains("Every seat of this licence is taken");
        assertThat(full(bilal.get("/memos/paid-memo"))).isFalse();
        assertThat(organisations.seatsUsed(org)).isEqualTo(2);

        // Replayed: Amira's link, used, does nothing for Carla.
        assertThat(accept(carla, forAmira).statusCode()).isEqualTo(410);
        // Someone else's organisation is not found, for reading or for freeing a seat.
        assertThat(carla.get("/licences/team/" + org).statusCode()).isEqualTo(404);
        assertThat(amira.get("/licences/team/" + org).statusCode())
                .as("a seat holder does not manage")
                .isEqualTo(404);
        assertThat(carla.postRaw(
                                "/licences/team/" + org + "/free",
                                Map.of("user", Long.toString(userId("amira@example.org"))))
                        .statusCode())
                .as("no CSRF token: refused before anything")
                .isEqualTo(403);

        // Amira leaves: freed, she is cut on her very next request.
        assertThat(manager.post(
                                "/licences/team/" + org,
                                "/licences/team/" + org + "/free",
                                Map.of("user", Long.toString(userId("amira@example.org"))))
                        .statusCode())
                .isEqualTo(302);
        assertThat(full(amira.get("/memos/paid-memo"))).isFalse();
        assertThat(amira.get("/account").body()).doesNotContain("a seat of Acme Risk");

        // Bilal's link still works now that a seat is free.
        assertThat(accept(bilal, forBilal).statusCode()).isEqualTo(302);
        assertThat(full(bilal.get("/memos/paid-memo"))).isTrue();

        // More seats, then Carla joins.
        assertThat(manager.post("/licences/team/" + org, "/licences/team/" + org + "/seats", Map.of("more", "1"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(accept(carla, invite(manager, org, "carla@example.org")).statusCode())
                .isEqualTo(302);
        assertThat(Jsoup.parse(manager.get("/licences/team/" + org).body())
                        .select("tr.seat td:first-child")
                        .eachText())
                .containsExactly("manager@acme.example", "bilal@example.org", "carla@example.org");

        // Paid newsletters count a seat as paying, as the paywall does.
        assertThat(readers.inGoodStanding(List.of(userId("bilal@example.org"), userId("amira@example.org")), true))
                .containsExactly(userId("bilal@example.org"));

        // The licence's year ends: every seat is cut.
        clock.set(TestClockConfig.START.plus(Duration.ofDays(367)));
        assertThat(full(bilal.get("/memos/paid-memo"))).isFalse();
        assertThat(full(manager.get("/memos/paid-memo"))).isFalse();
    }

    @Test
    void forgedExpiredAndRaceUsedInvitationLinksSeatNoOne() throws Exception {
        WebSession manager = signIn("boss@dunes.example");
        long org = buyTeam(manager, "Acme Dunes", 2);
        WebSession eve = signIn("eve@example.org");
        HttpResponse<String> forged = accept(eve, "A".repeat(43));
        assertThat(forged.statusCode()).isEqualTo(410);
        assertThat(forged.body()).contains("This link no longer works");
        assertThat(eve.get("/licences/invitation?token="
                                + java.net.URLEncoder.encode(
                                        "<script>alert(1)</script>", java.nio.charset.StandardCharsets.UTF_8))
                        .body())
                .doesNotContain("<script>alert(1)");
        // A link withdrawn between opening it and pressing the button seats no one.
        String withdrawn = invite(manager, org, "eve@example.org");
        String csrf = Jsoup.parse(
                        eve.get("/licences/invitation?token=" + withdrawn).body())
                .selectFirst("form[action=\"/licences/invitation\"] input[name=_csrf]")
                .val();
        long pendingId = invitations.pending(org).get(0).id();
        assertThat(manager.post(
                                "/licences/team/" + org,
                                "/licences/team/" + org + "/withdraw",
                                Map.of("invitation", Long.toString(pendingId)))
                        .statusCode())
                .isEqualTo(302);
        assertThat(eve.postRaw("/licences/invitation", Map.of("_csrf", csrf)).statusCode())
                .isEqualTo(410);
        assertThat(organisations.holdsSeat(org, userId("eve@example.org"))).isFalse();

        String late = invite(manager, org, "late@example.org");
        clock.set(TestClockConfig.START.plus(Invitations.LIFETIME).plusSeconds(1));
        assertThat(accept(signIn("late@example.org"), late).statusCode()).isEqualTo(410);
        clock.set(TestClockConfig.START);

        // One seat left and five good links used at once: exactly one reader gets it.
        List<Long> people = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = "rush" + i + "@example.org";
            tokens.add(invite(manager, org, email));
            signIn(email);
            people.add(userId(email));
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Invitations.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String token = tokens.get(i);
                long who = people.get(i);
                outcomes.add(pool.submit((Callable<Invitations.Outcome>) () -> invitations.accept(token, who)));
            }
            long joined = 0;
            for (Future<Invitations.Outcome> f : outcomes) if (f.get() == Invitations.Outcome.JOINED) joined++;
            assertThat(joined).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(organisations.seatsUsed(org)).isEqualTo(2);
    }

    @Test
    void verifiedAddressesAtTheOrganisationsDomainJoinWhileASeatIsFree() {
        WebSession manager = signIn("head@oasis.example");
        long org = buyTeam(manager, "Oasis Consulting", 2);
        organisations.addDomain(org, "@Oasis.Example");
        assertThat(organisations.domains(org)).containsExactly("oasis.example");
        WebSession first = signIn("first@oasis.example");
        assertThat(full(first.get("/memos/paid-memo"))).isTrue();
        WebSession second = signIn("second@oasis.example");
        assertThat(full(second.get("/memos/paid-memo"))).as("no seat left").isFalse();
        WebSession outsider = signIn("first@elsewhere.example");
        assertThat(full(outsider.get("/memos/paid-memo"))).isFalse();
        assertThat(organisations.seats(org)).extracting(Organisations.Seat::how).containsExactly("BOUGHT", "DOMAIN");
    }

    // --- Site licences -------------------------------------------------------------------------------

    HttpResponse<String> from(String host, String forwardedFor, String path, String method) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (forwardedFor != null) b.header("X-Forwarded-For", forwardedFor);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSiteLicenceReadsFromItsRangesOnlyAndCountsReadsAndForgedForwardedForBuysNothing() throws Exception {
        Organisations.Organisation o =
                organisations.createForSite("Embassy of Testland", TestClockConfig.START.plus(Duration.ofDays(30)));
        sites.addRange(o.id(), "198.51.100.0/24");
        sites.addRange(o.id(), "2001:db8:5::/48");

        // Behind the trusted proxy, from a licensed address: the whole paid memo, and whose licence it is.
        HttpResponse<String> licensed = from("[::1]", "198.51.100.7", "/memos/paid-memo", "GET");
        assertThat(full(licensed)).isTrue();
        assertThat(Jsoup.parse(licensed.body()).select("#access-provided").text())
                .isEqualTo("Access provided by Embassy of Testland.");
        assertThat(full(from("[::1]", "2001:db8:5:1::9", "/memos/paid-memo", "GET")))
                .as("IPv6 range")
                .isTrue();

        // The same header sent straight from an untrusted address is ignored: the paid words never leave.
        HttpResponse<String> spoofed = from("127.0.0.1", "198.51.100.7", "/memos/paid-memo", "GET");
        assertThat(spoofed.body())
                .doesNotContain("SECRET-THIRD")
                .doesNotContain("SECRET-FOURTH")
                .doesNotContain("Access provided by");
        // A licensed address forged to the left of the one the proxy appended is never reached.
        assertThat(from("[::1]", "198.51.100.7, 203.0.113.9", "/memos/paid-memo", "GET")
                        .body())
                .doesNotContain("SECRET-THIRD");
        assertThat(from("[::1]", "203.0.113.9", "/memos/paid-memo", "GET").body())
                .doesNotContain("SECRET-THIRD");
        assertThat(from("[::1]", "not-an-address", "/memos/paid-memo", "GET").body())
                .doesNotContain("SECRET-THIRD");

        // Usage: GETs counted, a HEAD not.
        from("[::1]", "198.51.100.8", "/news/report-1", "GET");
        from("[::1]", "198.51.100.8", "/news/report-1", "HEAD");
        assertThat(sites.usage(o.id())).containsExactly(new SiteLicences.Usage("2026-03", 3));

        // The licence ends: cut again.
        clock.set(TestClockConfig.START.plus(Duration.ofDays(31)));
        assertThat(from("[::1]", "198.51.100.7", "/memos/paid-memo", "GET").body())
                .doesNotContain("SECRET-THIRD");
    }

    @Test
    void rangesAreValidated() {
        assertThat(SiteLicences.validRange(" 203.0.113.0/24 ")).isEqualTo("203.0.113.0/24");
        assertThat(SiteLicences.validRange("2001:DB8::/32")).isEqualTo("2001:db8:0:0:0:0:0:0/32");
        for (String bad : List.of(
                "",
                "203.0.113.0",
                "203.0.113.0/33",
                "2001:db8::/129",
                "0.0.0.0/0",
                "10.0.0.0/4",
                "::/0",
                "example.org/24",
                "999.1.1.1/24",
                "203.0.113.0/24; DROP TABLE",
                "::ffff:203.0.113.0/120")) {
            try {
                SiteLicences.validRange(bad);
                throw new AssertionError(bad + " was accepted");
            } catch (Organisations.Refused expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    // --- Gifts ---------------------------------------------------------------------------------------

    @Test
    void aGiftIsBoughtWithoutAnAccountAndRedeemedOnceByLink() throws Exception {
        WebSession buyer = new WebSession(port);
        HttpResponse<String> bad =
                buyer.post("/gift", "/gift", Map.of("buyer", "nobody", "recipient", "r@example.org"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        HttpResponse<String> sent = buyer.post(
                "/gift",
                "/gift",
                Map.of(
                        "buyer",
                        "Giver@Example.org",
                        "recipient",
                        "rana@example.org",
                        "message",
                        "For your <b>new post</b>"));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("rana@example.org");
        assertThat(MAIL.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage toRana =
                List.of(MAIL.getReceivedMessagesForDomain("rana@example.org")).get(0);
        assertThat(MAIL.getReceivedMessagesForDomain("giver@example.org")).hasSize(1);
        Matcher link = GIFT.matcher(GreenMailUtil.getBody(toRana).replace("=\r\n", ""));
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        // Opened by a reader not signed in: asked to join or sign in; the token waits in the session.
        WebSession rana = new WebSession(port);
        HttpResponse<String> opened = rana.get("/gift/redeem?token=" + token);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body())
                .contains("sign in")
                .contains("giver@example.org")
                .contains("&lt;b&gt;new post");
        String signInToken = links.issue("rana@example.org", null);
        rana.post("/signin/link?token=" + signInToken, "/signin/link", Map.of("token", signInToken));
        assertThat(full(rana.get("/memos/paid-memo"))).isFalse();
        HttpResponse<String> redeemed = rana.post("/gift/redeem", "/gift/redeem", Map.of());
        assertThat(redeemed.statusCode()).isEqualTo(302);
        assertThat(full(rana.get("/memos/paid-memo"))).isTrue();

        // Replayed by someone else, or forged: nothing.
        WebSession other = signIn("other@example.org");
        assertThat(other.get("/gift/redeem?token=" + token).statusCode()).isEqualTo(410);
        assertThat(other.get("/gift/redeem?token=" + "B".repeat(43)).statusCode())
                .isEqualTo(410);
        assertThat(full(other.get("/memos/paid-memo"))).isFalse();

        // A year later the gift has run out.
        clock.set(TestClockConfig.START.plus(Duration.ofDays(367)));
        assertThat(full(rana.get("/memos/paid-memo"))).isFalse();
    }

    // --- The registration wall ------------------------------------------------------------------------

    @Test
    void visitorsAndMembersHaveTheirOwnAllowancesAndOffers() {
        assertThat(settings.get("paywall.free-per-month")).as("migrated away").isEmpty();
        assertThat(settings.get(Paywall.FREE_FOR_VISITORS)).contains("3");
        assertThat(settings.get(Paywall.FREE_FOR_MEMBERS)).contains("3");
        settings.put(Paywall.FREE_FOR_VISITORS, "1");
        settings.put(Paywall.FREE_FOR_MEMBERS, "5");
        cache.clear();
        try {
            WebSession visitor = new WebSession(port);
            assertThat(full(visitor.get("/news/report-1"))).isTrue();
            HttpResponse<String> second = visitor.get("/news/report-2");
            assertThat(full(second)).isFalse();
            var offer = Jsoup.parse(second.body()).select("#paywall-offer");
            assertThat(offer.select("h2").text()).isEqualTo("Register to keep reading");
            assertThat(offer.select("a.button").attr("href")).isEqualTo("/join");
            assertThat(offer.select("a.button").text()).isEqualTo("Join free: 5 pieces a month");
            assertThat(second.body()).doesNotContain("SECRET-THIRD");

            // Joining gives nothing more when both allowances are equal: the visitor is offered a subscription.
            settings.put(Paywall.FREE_FOR_MEMBERS, "1");
            cache.clear();
            HttpResponse<String> again = visitor.get("/news/report-3");
            assertThat(Jsoup.parse(again.body()).select("#paywall-offer h2").text())
                    .isEqualTo("Join our community of readers");
            settings.put(Paywall.FREE_FOR_MEMBERS, "5");
            cache.clear();

            WebSession member = signIn("wall@example.org");
            for (int i = 1; i <= 5; i++)
                assertThat(full(member.get("/news/report-" + i)))
                        .as("member piece %d", i)
                        .isTrue();
            HttpResponse<String> sixth = member.get("/news/report-6");
            assertThat(full(sixth)).isFalse();
            assertThat(Jsoup.parse(sixth.body()).select("#paywall-offer h2").text())
                    .isEqualTo("Join our community of readers");
            assertThat(Jsoup.parse(sixth.body())
                            .select("#paywall-offer a.button")
                            .attr("href"))
                    .isEqualTo("/subscribe");
        } finally {
            settings.put(Paywall.FREE_FOR_VISITORS, "3");
            settings.put(Paywall.FREE_FOR_MEMBERS, "3");
            cache.clear();
        }
    }
}
