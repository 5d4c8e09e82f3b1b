package org.sitrep.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.members.MagicLinks;
import org.sitrep.members.Role;
import org.sitrep.members.Subscriptions;
import org.sitrep.members.Throttle;
import org.sitrep.members.UserAccounts;
import org.sitrep.testsupport.TestClockConfig;
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
 * The reader's links in the masthead and footer over real HTTP: what each kind of reader sees, that
 * a page cached while one reader was signed in never shows that reader to anyone else, and that
 * every sign-in, join and payment flow returns to the page the reader was on — and never off the site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"sitrep.sample-content=false", "sitrep.payments.test-mode=true"})
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SiteChromeContract {
    static final String PASSWORD = "correct horse battery";
    static final List<String> ATTACKS = List.of(
            "https://evil.example/x",
            "//evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "/news/truce-holds\r\nSet-Cookie: a=b",
            "/%2F%2Fevil.example",
            "/\t/evil.example",
            "evil.example");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    MagicLinks links;

    @Autowired
    Throttle throttle;

    @Autowired
    PageCache cache;

    @BeforeAll
    void seed() {
        TestPieces fixture = new TestPieces(jdbc, events);
        long ceasefire = fixture.tag("ceasefire", "Ceasefire");
        fixture.piece("truce-holds")
                .kind("NEWS")
                .headline("The truce holds")
                .section("Syria")
                .tag(ceasefire)
                .body("<p>The truce held overnight.</p><p>Both sides reported calm.</p><p>More later.</p>")
                .insert();
        fixture.piece("what-next")
                .kind("ANALYSIS")
                .headline("What comes next")
                .body("<p>An analysis.</p>")
                .insert();
        accounts.create("alice@example.org", "Alice Alpha", PASSWORD, Role.MEMBER);
        long bob = accounts.create("bob@example.org", "Bob Bravo", PASSWORD, Role.MEMBER)
                .id();
        subscriptions.start(bob, "annual", Subscriptions.State.ACTIVE, "TEST", null);
        accounts.create("editor@example.org", "Erin Editor", PASSWORD, Role.EDITOR);
        accounts.create("analyst@example.org", "Ana Analyst", PASSWORD, Role.ANALYST);
    }

    @BeforeEach
    void reset() {
        throttle.reset();
    }

    WebSession signedIn(String email) {
        WebSession s = new WebSession(port);
        HttpResponse<String> r = s.post("/signin", "/signin", Map.of("username", email, "password", PASSWORD));
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return s;
    }

    static Document page(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    static String location(HttpResponse<String> r) {
        assertThat(r.statusCode()).as("a redirect").isBetween(300, 399);
        String l = r.headers().firstValue("Location").orElseThrow();
        return l.replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void aSignedOutReaderIsOfferedSignInJoinAndSubscribeReturningToThePage() {
        Document d = page(new WebSession(port).get("/news/truce-holds"));
        assertThat(d.select("#masthead-signin").attr("href")).isEqualTo("/signin?next=%2Fnews%2Ftruce-holds");
        assertThat(d.select("#masthead-join").attr("href")).isEqualTo("/join?next=%2Fnews%2Ftruce-holds");
        assertThat(d.select("#masthead-subscribe").attr("href")).isEqualTo("/subscribe?next=%2Fnews%2Ftruce-holds");
        assertThat(d.select("#footer-signin").attr("href")).isEqualTo("/signin?next=%2Fnews%2Ftruce-holds");
        assertThat(d.select("#masthead-account, #masthead-signout")).isEmpty();
        // The phone menu is a real button controlling the list (shown by site.js; hidden, the links stay open without
        // it).
        assertThat(d.select("button#reader-menu-toggle").attr("aria-controls")).isEqualTo("reader-menu");
        assertThat(d.select("ul#reader-menu a")).hasSize(3);
        assertThat(page(new WebSession(port).get("/analysis"))
                        .select("#masthead-signin")
                        .attr("href"))
                .isEqualTo("/signin?next=%2Fanalysis%3Fpage%3D1");
        assertThat(page(new WebSession(port).get("/"))
                        .select("#masthead-signin")
                        .attr("href"))
                .isEqualTo("/signin");
    }

    @Test
    void eachReaderSeesTheirOwnStateAndNoOneElses() {
        cache.clear();
        // Alice, signed in, is the first to open these pages: they are rendered and cached during her requests.
        WebSession alice = signedIn("alice@example.org");
        for (String path : List.of("/news/truce-holds", "/", "/news", "/search?q=truce", "/tags/ceasefire")) {
            Document d = page(alice.get(path));
            assertThat(d.select("#masthead-account").text())
                    .as(path)
                    .contains("Alice Alpha")
                    .contains("Free member");
            assertThat(d.select("#footer-account").text()).as(path).contains("Alice Alpha");
            assertThat(d.select("#masthead-subscribe").attr("href")).as(path).startsWith("/subscribe");
            assertThat(d.select("#masthead-signin, #masthead-join")).as(path).isEmpty();
            assertThat(d.select("form[action=/signout] input[name=_csrf]"))
                    .as(path)
                    .hasSize(2);
        }
        // A reader without a session (the fast lane), one with a session but signed out, and Bob the subscriber get the
        // same cached pages.
        WebSession anonymous = new WebSession(port);
        WebSession sessionOnly = new WebSession(port);
        sessionOnly.get("/signin"); // a session, no sign-in
        WebSession bob = signedIn("bob@example.org");
        for (String path : List.of("/news/truce-holds", "/", "/news", "/search?q=truce", "/tags/ceasefire")) {
            for (WebSession other : List.of(anonymous, sessionOnly)) {
                HttpResponse<String> r = other.get(path);
                assertThat(r.body())
                        .as(path)
                        .doesNotContain("Alice")
                        .doesNotContain("alice@example.org")
                        .doesNotContain("Sign out");
                assertThat(page(r).select("#masthead-signin")).as(path).hasSize(1);
            }
            Document b = page(bob.get(path));
            assertThat(b.outerHtml()).as(path).doesNotContain("Alice");
            assertThat(b.select("#masthead-account").text())
                    .as(path)
                    .contains("Bob Bravo")
                    .contains("Subscriber");
            assertThat(b.select("#masthead-subscribe")).as(path).isEmpty();
        }
        // Staff get a link to their desk.
        assertThat(page(signedIn("editor@example.org").get("/news/truce-holds"))
                        .select("#masthead-desk")
                        .attr("href"))
                .isEqualTo("/newsroom");
        assertThat(page(signedIn("analyst@example.org").get("/"))
                        .select("#masthead-desk")
                        .attr("href"))
                .isEqualTo("/tracker");
        // Pages Spring renders per request (account, join) show the reader too.
        assertThat(page(alice.get("/account")).select("#masthead-account").text())
                .contains("Alice Alpha");
        assertThat(page(anonymous.get("/join")).select("#masthead-account")).isEmpty();
    }

    @Test
    void signingOutFromTheMastheadWorks() {
        WebSession alice = signedIn("alice@example.org");
        HttpResponse<String> out = alice.post("/news/truce-holds", "/signout", Map.of());
        assertThat(location(out)).isEqualTo("/");
        assertThat(page(alice.get("/news/truce-holds")).select("#masthead-signin"))
                .hasSize(1);
    }

    @Test
    void aPasswordSignInReturnsToThePageElseTheDesk() {
        WebSession s = new WebSession(port);
        Document form = page(s.get("/signin?next=%2Fnews%2Ftruce-holds"));
        assertThat(form.select("form[action=/signin] input[name=next]").val()).isEqualTo("/news/truce-holds");
        assertThat(location(s.post(
                        "/signin",
                        "/signin",
                        Map.of("username", "alice@example.org", "password", PASSWORD, "next", "/news/truce-holds"))))
                .isEqualTo("/news/truce-holds");
        assertThat(location(new WebSession(port)
                        .post("/signin", "/signin", Map.of("username", "alice@example.org", "password", PASSWORD))))
                .isEqualTo("/account");
        assertThat(location(new WebSession(port)
                        .post("/signin", "/signin", Map.of("username", "editor@example.org", "password", PASSWORD))))
                .isEqualTo("/newsroom");
        assertThat(location(new WebSession(port)
                        .post("/signin", "/signin", Map.of("username", "analyst@example.org", "password", PASSWORD))))
                .isEqualTo("/tracker");
        // A wrong password keeps where the reader was going.
        assertThat(location(new WebSession(port)
                        .post(
                                "/signin",
                                "/signin",
                                Map.of(
                                        "username",
                                        "alice@example.org",
                                        "password",
                                        "wrong",
                                        "next",
                                        "/news/truce-holds"))))
                .isEqualTo("/signin?error&next=%2Fnews%2Ftruce-holds");
    }

    @Test
    void nextNeverLeavesTheSite() {
        for (String attack : ATTACKS) {
            throttle.reset();
            assertThat(location(new WebSession(port)
                            .post(
                                    "/signin",
                                    "/signin",
                                    Map.of("username", "alice@example.org", "password", PASSWORD, "next", attack))))
                    .as(attack)
                    .isEqualTo("/account");
            String token = links.issue("alice@example.org", null);
            assertThat(location(new WebSession(port)
                            .post(
                                    "/signin/link?token=" + token,
                                    "/signin/link",
                                    Map.of("token", token, "next", attack))))
                    .as(attack)
                    .isEqualTo("/account");
            WebSession alice = signedIn("alice@example.org");
            jdbc.sql(
                            "DELETE FROM subscriptions WHERE user_id = (SELECT id FROM users WHERE email = 'alice@example.org')")
                    .update();
            assertThat(location(alice.post("/subscribe", "/subscribe/test", Map.of("plan", "monthly", "next", attack))))
                    .as(attack)
                    .isEqualTo("/account");
            // Pages that put next in a form or a link drop it.
            HttpResponse<String> join = new WebSession(port)
                    .get("/join?next=" + java.net.URLEncoder.encode(attack, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page(join).select("input[name=next]")).as(attack).isEmpty();
            assertThat(join.body()).as(attack).doesNotContain("evil.example");
        }
        jdbc.sql("DELETE FROM subscriptions WHERE user_id = (SELECT id FROM users WHERE email = 'alice@example.org')")
                .update();
    }

    @Test
    void aMagicLinkReturnsToThePageItWasAskedFrom() {
        String token = links.issue("alice@example.org", null);
        WebSession s = new WebSession(port);
        Document confirm = page(s.get("/signin/link?token=" + token + "&next=%2Fnews%2Ftruce-holds"));
        assertThat(confirm.select("form[action=/signin/link] input[name=next]").val())
                .isEqualTo("/news/truce-holds");
        assertThat(location(s.post(
                        "/signin/link?token=" + token + "&next=%2Fnews%2Ftruce-holds",
                        "/signin/link",
                        Map.of("token", token, "next", "/news/truce-holds"))))
                .isEqualTo("/news/truce-holds");
        assertThat(page(s.get("/news/truce-holds")).select("#masthead-account").text())
                .contains("Alice Alpha");
        // Staff by link land on their desk.
        String staff = links.issue("editor@example.org", null);
        assertThat(location(new WebSession(port)
                        .post("/signin/link?token=" + staff, "/signin/link", Map.of("token", staff))))
                .isEqualTo("/newsroom");
        // The join form carries next through to the link request.
        Document join = page(new WebSession(port).get("/join?next=%2Fnews%2Ftruce-holds"));
        assertThat(join.select("form[action=/join] input[name=next]").val()).isEqualTo("/news/truce-holds");
        assertThat(join.select("#join-to-signin").attr("href")).isEqualTo("/signin?next=/news/truce-holds");
    }

    @Test
    void theOffersLinksReturnToThePieceThroughTheReferer() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        for (String page : List.of("/join", "/signin", "/subscribe")) {
            Document ours = Jsoup.parse(client.send(
                            HttpRequest.newBuilder(URI.create(base + page))
                                    .header("Referer", base + "/news/truce-holds")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            assertThat(ours.select("input[name=next]").first().val()).as(page).isEqualTo("/news/truce-holds");
            String theirs = client.send(
                            HttpRequest.newBuilder(URI.create(base + page))
                                    .header("Referer", "http://evil.example:" + port + "/news/truce-holds")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(Jsoup.parse(theirs).select("input[name=next]")).as(page).isEmpty();
        }
    }

    @Test
    void aTestPaymentReturnsToThePieceAndAnAnonymousReaderJoinsFirst() {
        WebSession anonymous = new WebSession(port);
        assertThat(location(anonymous.post(
                        "/subscribe?next=%2Fnews%2Ftruce-holds",
                        "/subscribe/test", Map.of("plan", "annual", "next", "/news/truce-holds"))))
                .isEqualTo("/join?next=%2Fsubscribe%3Fnext%3D%252Fnews%252Ftruce-holds");
        WebSession alice = signedIn("alice@example.org");
        Document plans = page(alice.get("/subscribe?next=%2Fnews%2Ftruce-holds"));
        assertThat(plans.select("form[action=/subscribe/test] input[name=next]")
                        .first()
                        .val())
                .isEqualTo("/news/truce-holds");
        assertThat(location(alice.post(
                        "/subscribe?next=%2Fnews%2Ftruce-holds",
                        "/subscribe/test", Map.of("plan", "annual", "next", "/news/truce-holds"))))
                .isEqualTo("/news/truce-holds");
        assertThat(page(alice.get("/news/truce-holds"))
                        .select("#masthead-account")
                        .text())
                .contains("Subscriber");
        jdbc.sql("DELETE FROM subscriptions WHERE user_id = (SELECT id FROM users WHERE email = 'alice@example.org')")
                .update();
    }

    static final java.util.regex.Pattern RAW_TIME =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2}");

    @Test
    void membersAndAdminPagesShowDatesAndLabelsOneWayTablesInWrappersAndAskBeforeDestroying() {
        accounts.create("admin@example.org", "Ada Admin", PASSWORD, Role.ADMIN);
        WebSession admin = signedIn("admin@example.org");
        Document members = page(admin.get("/admin/members"));
        assertThat(members.select(".table-wrap > table")).hasSize(1);
        assertThat(members.select("tr.member-row td").eachText())
                .contains("Free member", "Administrator", "Editor", "Analyst");
        assertThat(members.select("tr.member-row time").first().text()).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}");
        assertThat(RAW_TIME.matcher(members.select("main").text()).find())
                .as("no raw or numeric dates")
                .isFalse();
        assertThat(members.select("main").text()).doesNotContain("MEMBER").doesNotContain("EDITOR");
        Document audit = page(admin.get("/admin/audit"));
        assertThat(RAW_TIME.matcher(audit.select("main").text()).find()).isFalse();
        assertThat(page(admin.get("/admin/staff")).select(".table-wrap > table"))
                .hasSize(1);

        WebSession editor = signedIn("editor@example.org");
        editor.post("/account/api-keys", "/account/api-keys", Map.of("name", "weekly report"));
        Document keys = page(editor.get("/account/api-keys"));
        assertThat(keys.select(".table-wrap > table#keys")).hasSize(1);
        assertThat(keys.select("#keys tbody td").eachText()).contains("Never");
        assertThat(RAW_TIME.matcher(keys.select("#keys").text()).find()).isFalse();
        assertThat(keys.select("form[action$=/revoke]").attr("data-confirm"))
                .startsWith("Revoke the key weekly report?");

        Document bobAccount = page(signedIn("bob@example.org").get("/account"));
        assertThat(bobAccount.select("#subscription-state").text()).isEqualTo("active");
        assertThat(bobAccount.select("#subscription time").text()).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}");
        assertThat(bobAccount.select("form[action=/subscribe/test/cancel]").attr("data-confirm"))
                .startsWith("Cancel your subscription?");
        assertThat(bobAccount.select("form[action=/account/signout-everywhere]").attr("data-confirm"))
                .isNotEmpty();
    }
}
