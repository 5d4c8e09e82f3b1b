package org.sitrep.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.api.ApiKeys;
import org.sitrep.members.Plans;
import org.sitrep.members.Role;
import org.sitrep.members.Subscriptions;
import org.sitrep.members.Throttle;
import org.sitrep.members.UserAccounts;
import org.sitrep.search.SearchIndex;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestPieces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The standing attack suite for what a reader may receive and who may sign in, over real HTTP
 * (H2 and PostgreSQL). Each test is an attack that worked before it was defended:
 * paid words in search snippets and the pieces API; HEAD requests using up the meter; a session
 * outliving "sign out everywhere" or a new password; successful sign-ins locking an office out;
 * wrong passwords from many addresses locking the owner out; a forged X-Forwarded-For.
 *
 * <p>The server trusts one proxy, IPv6 loopback: a {@link Visitor#behindProxy} client connects to
 * [::1] and its X-Forwarded-For is believed; a {@link Visitor#direct} client connects to 127.0.0.1,
 * and its X-Forwarded-For is anyone's forgery.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.payments.test-mode=true",
            "sitrep.trusted-proxies=::1",
            "sitrep.signin.address-limit=8"
        })
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecurityAttacksContract {
    /** Words only in the paid part of the body: the cut, the snippets and every other route must never carry them. */
    static final String PAID_PARAGRAPH =
            "Quartermaster ledgers show zebrafinch convoys resupplying the northern garrison.";

    static final String BODY = "<p>Opening paragraph about the siege.</p><p>Second paragraph with context.</p>"
            + "<h2>What the ledgers say</h2><p>" + PAID_PARAGRAPH + "</p><p>Closing words.</p>";
    static final String PASSWORD = "a long passphrase for tests";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MutableClock clock;

    @Autowired
    Throttle throttle;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    Plans plans;

    @Autowired
    ApiKeys keys;

    @Autowired
    SearchIndex search;

    long subscriberId;

    @BeforeAll
    void seed() {
        clock.set(TestClockConfig.START);
        TestPieces fixture = new TestPieces(jdbc, events);
        for (int i = 1; i <= 6; i++) {
            fixture.piece("siege-" + i)
                    .kind("NEWS")
                    .headline("Siege report " + i)
                    .body("<p>Public report number " + i
                            + " on the siege of the town.</p><p>More public text.</p><p>Third public paragraph.</p>")
                    .insert();
        }
        fixture.piece("paid-memo")
                .kind("MEMO")
                .headline("Memo on the garrison")
                .standfirst("What keeps the garrison going.")
                .body(BODY)
                .access("PAID")
                .insert();
        fixture.piece("members-analysis")
                .kind("ANALYSIS")
                .headline("Analysis of the supply lines")
                .body(BODY.replace("zebrafinch", "kingfisher"))
                .access("MEMBERS")
                .insert();
        fixture.piece("public-news")
                .kind("NEWS")
                .headline("Public news")
                .body("<p>Plain public text about okapi herds.</p>")
                .insert();

        accounts.create("analyst@example.org", "Analyst", PASSWORD, Role.ANALYST);
        accounts.create("member@example.org", "Member", PASSWORD, Role.MEMBER);
        subscriberId = accounts.create("subscriber@example.org", "Subscriber", PASSWORD, Role.MEMBER)
                .id();
        Plans.Plan annual = plans.all().stream()
                .filter(p -> p.code().equals("annual"))
                .findFirst()
                .orElseThrow();
        plans.setDataAccess(annual.id(), true);
        subscriptions.start(subscriberId, "annual", Subscriptions.State.ACTIVE, "TEST", null);
        for (int i = 1; i <= 6; i++)
            accounts.create("colleague" + i + "@example.org", "Colleague " + i, PASSWORD, Role.MEMBER);
        accounts.create("owner@example.org", "Owner", PASSWORD, Role.MEMBER);
        accounts.create("two.devices@example.org", "Two devices", PASSWORD, Role.MEMBER);
        accounts.create("new.password@example.org", "New password", PASSWORD, Role.MEMBER);
        accounts.create("editor@example.org", "Editor", PASSWORD, Role.EDITOR);
        accounts.create("admin@example.org", "Admin", PASSWORD, Role.ADMIN);
    }

    @BeforeEach
    void fresh() {
        clock.set(TestClockConfig.START);
        throttle.reset();
    }

    static boolean signedIn(HttpResponse<String> answer) {
        return answer.statusCode() == 302
                && !answer.headers().firstValue("Location").orElse("").contains("/signin");
    }

    // --- what text leaves the server -----------------------------------------------------------

    @Test
    void searchingPaidWordsFindsThePieceButTheSnippetComesOnlyFromReadableText() {
        search.commitIfChanged();
        HttpResponse<String> page = Visitor.direct(port).get("/search?q=zebrafinch");
        assertThat(page.statusCode()).isEqualTo(200);
        Document d = Jsoup.parse(page.body());
        assertThat(d.select(".result h2, .result h3, .result a").text())
                .as("the paid piece is found")
                .contains("Memo on the garrison");
        // The searched word is echoed in the search box; no other word of the paid paragraph may appear anywhere.
        assertThat(page.body())
                .doesNotContain("Quartermaster")
                .doesNotContain("convoys")
                .doesNotContain("garrison.");
        assertThat(d.select(".snippet").text()).doesNotContain("zebrafinch").contains("What keeps the garrison going");

        // Paid words and readable ones together: the readable ones are still marked, the paid ones nowhere.
        Document mixed = Jsoup.parse(
                Visitor.direct(port).get("/search?q=zebrafinch+garrison").body());
        assertThat(mixed.select(".result .snippet mark").text()).isEqualTo("garrison");
        assertThat(mixed.select(".snippet").text()).doesNotContain("zebrafinch").doesNotContain("Quartermaster");

        HttpResponse<String> members = Visitor.direct(port).get("/search?q=kingfisher+convoys");
        assertThat(members.body())
                .contains("Analysis of the supply lines")
                .doesNotContain("Quartermaster")
                .doesNotContain("resupplying");

        // Readable text still makes snippets: words of a paid piece's opening, and of a public piece, are marked.
        assertThat(Jsoup.parse(Visitor.direct(port)
                                .get("/search?q=siege+opening")
                                .body())
                        .select(".snippet mark")
                        .text())
                .containsIgnoringCase("opening");
        assertThat(Jsoup.parse(Visitor.direct(port).get("/search?q=okapi").body())
                        .select(".snippet")
                        .text())
                .contains("Plain public text about okapi herds");
    }

    @Test
    void feedsStructuredDataSitemapsAndHeadCarryNoPaidText() {
        Visitor anonymous = Visitor.direct(port);
        for (String path : List.of(
                "/feed.rss",
                "/feed.atom",
                "/memos/feed.rss",
                "/analysis/feed.atom",
                "/sitemap.xml",
                "/sitemaps/pieces-1.xml",
                "/sitemaps/news.xml",
                "/memos/paid-memo",
                "/analysis/members-analysis")) {
            HttpResponse<String> r = anonymous.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body())
                    .as(path)
                    .doesNotContain("zebrafinch")
                    .doesNotContain("kingfisher")
                    .doesNotContain("Quartermaster");
        }
        HttpResponse<String> head = anonymous.head("/memos/paid-memo");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length").orElse(0))
                .as("no length of a body to tell")
                .isZero();

        // The tracker's evidence (sentences of every analysed piece, paid ones included) and the events API are not
        // for readers who may not read paid pieces: an anonymous visitor is sent to sign in, a free member refused.
        assertThat(anonymous.get("/tracker/data/events").statusCode()).isIn(302, 401, 403);
        assertThat(anonymous.get("/api/v1/events").statusCode()).isEqualTo(401);
        Visitor member = Visitor.direct(port);
        assertThat(signedIn(member.signIn("member@example.org", PASSWORD))).isTrue();
        assertThat(member.get("/tracker/data/events").statusCode()).isEqualTo(403);
        assertThat(member.get("/api/v1/events").statusCode()).isEqualTo(403);
        assertThat(member.get("/memos/paid-memo").body()).doesNotContain("zebrafinch");

        // A subscriber does get the whole piece on its page.
        Visitor subscriber = Visitor.direct(port);
        assertThat(signedIn(subscriber.signIn("subscriber@example.org", PASSWORD)))
                .isTrue();
        assertThat(subscriber.get("/memos/paid-memo").body()).contains(PAID_PARAGRAPH);
    }

    // --- who may open which desk ------------------------------------------------------------------

    /**
     * Each feature declares its own addresses' rules (common only closes with /admin for admins and the
     * rest public): every desk answers each kind of reader as it did when one class held every rule.
     * 302 is "sign in first", 403 "not for you".
     */
    @Test
    void eachDeskAdmitsOnlyItsReaders() {
        long draft = jdbc.sql("SELECT id FROM pieces WHERE slug = 'paid-memo'")
                .query(Long.class)
                .single();
        Map<String, Visitor> who = new java.util.LinkedHashMap<>();
        who.put("anonymous", Visitor.direct(port));
        for (String name : List.of("member", "subscriber", "analyst", "editor", "admin")) {
            Visitor v = Visitor.direct(port);
            assertThat(signedIn(v.signIn(name + "@example.org", PASSWORD)))
                    .as(name)
                    .isTrue();
            who.put(name, v);
        }
        //                                                anonymous member subscriber analyst editor admin
        Map<String, List<Integer>> expected = new java.util.LinkedHashMap<>();
        expected.put("/", List.of(200, 200, 200, 200, 200, 200));
        expected.put("/newsroom", List.of(302, 403, 403, 403, 200, 200));
        expected.put("/newsroom/pieces/" + draft + "/preview", List.of(302, 403, 403, 403, 200, 200));
        expected.put("/intel/review", List.of(302, 403, 403, 200, 200, 200));
        expected.put("/tracker", List.of(302, 403, 200, 200, 200, 200));
        expected.put("/account", List.of(302, 200, 200, 200, 200, 200));
        expected.put("/account/deleted", List.of(200, 200, 200, 200, 200, 200));
        expected.put("/admin/ingest", List.of(302, 403, 403, 403, 200, 200));
        expected.put("/admin/members", List.of(302, 403, 403, 403, 403, 200));
        expected.put("/admin/intel", List.of(302, 403, 403, 403, 403, 200));
        expected.forEach((path, statuses) -> {
            int i = 0;
            for (Map.Entry<String, Visitor> reader : who.entrySet()) {
                assertThat(reader.getValue().get(path).statusCode())
                        .as(reader.getKey() + " GET " + path)
                        .isEqualTo(statuses.get(i++));
            }
        });
        // CSRF stays on everywhere but the two calls signed another way (Stripe's signature, the unsubscribe token).
        Visitor member = who.get("member");
        assertThat(member.postWithoutToken("/account/password", Map.of("password", "x".repeat(20)))
                        .statusCode())
                .isEqualTo(403);
        assertThat(member.postWithoutToken("/webhooks/stripe", Map.of()).statusCode())
                .isNotEqualTo(403);
        assertThat(member.postWithoutToken("/newsletters/unsubscribe", Map.of("token", "forged"))
                        .statusCode())
                .isNotEqualTo(403);
    }

    @Test
    void thePiecesApiGivesAPaidBodyOnlyToCallersWhoMayReadIt() throws Exception {
        ObjectMapper json = new ObjectMapper();
        // An analyst may use the API (with a session) but is not a subscriber.
        Visitor analyst = Visitor.direct(port);
        assertThat(signedIn(analyst.signIn("analyst@example.org", PASSWORD))).isTrue();
        JsonNode memo =
                piece(json.readTree(analyst.get("/api/v1/pieces?kind=memos").body()), "paid-memo");
        assertThat(memo.get("bodyHtml").asText()).contains("Opening paragraph").doesNotContain("zebrafinch");
        assertThat(memo.get("bodyCut").asBoolean()).isTrue();
        JsonNode members =
                piece(json.readTree(analyst.get("/api/v1/pieces?kind=analysis").body()), "members-analysis");
        assertThat(members.get("bodyHtml").asText())
                .as("a signed-in member reads members' pieces")
                .contains("kingfisher");

        // A subscriber with data access gets it whole with a key...
        String key = keys.create(subscriberId, "subscriber@example.org", "reader-test")
                .token();
        Visitor client = Visitor.direct(port).header("Authorization", "Bearer " + key);
        JsonNode whole =
                piece(json.readTree(client.get("/api/v1/pieces?kind=memos").body()), "paid-memo");
        assertThat(whole.get("bodyHtml").asText()).contains(PAID_PARAGRAPH);
        assertThat(whole.get("bodyCut").asBoolean()).isFalse();
        // ...and not once the subscription has ended, even while the key's data access is still remembered.
        long subscription = subscriptions.current(subscriberId).orElseThrow().id();
        subscriptions.move(subscription, Subscriptions.State.EXPIRED);
        try {
            HttpResponse<String> lapsed = client.get("/api/v1/pieces?kind=memos");
            if (lapsed.statusCode() == 200) {
                assertThat(piece(json.readTree(lapsed.body()), "paid-memo")
                                .get("bodyHtml")
                                .asText())
                        .doesNotContain("zebrafinch");
            } else {
                assertThat(lapsed.statusCode()).isEqualTo(403);
            }
        } finally {
            subscriptions.start(subscriberId, "annual", Subscriptions.State.ACTIVE, "TEST", null);
        }
    }

    private static JsonNode piece(JsonNode list, String slug) {
        for (JsonNode p : list.get("pieces")) if (p.get("slug").asText().equals(slug)) return p;
        throw new AssertionError("no piece " + slug + " in " + list);
    }

    // --- the meter -------------------------------------------------------------------------------

    @Test
    void headRequestsNeverCountOnTheMeter() {
        // A link previewer asks for three pieces (twice over) with the reader's cookie; the reader then reads three
        // others.
        Visitor reader = Visitor.direct(port);
        for (int round = 0; round < 2; round++) {
            for (int i = 4; i <= 6; i++) {
                HttpResponse<String> head = reader.head("/news/siege-" + i);
                assertThat(head.statusCode()).isEqualTo(200);
                assertThat(head.body()).isEmpty();
            }
        }
        for (int i = 1; i <= 3; i++) {
            assertThat(reader.get("/news/siege-" + i).body())
                    .as("piece %d read in full after six HEADs", i)
                    .contains("Third public paragraph.");
        }
        assertThat(reader.get("/news/siege-4").body())
                .as("the fourth GET is the one cut (a piece only HEAD asked for before)")
                .doesNotContain("Third public paragraph.");
        assertThat(reader.head("/news/no-such-piece").statusCode()).isEqualTo(404);
    }

    // --- sessions --------------------------------------------------------------------------------

    @Test
    void signingOutEverywhereEndsASessionThatHasNotMadeARequestYet() {
        Visitor laptop = Visitor.direct(port);
        Visitor phone = Visitor.direct(port);
        assertThat(signedIn(laptop.signIn("two.devices@example.org", PASSWORD))).isTrue();
        assertThat(signedIn(phone.signIn("two.devices@example.org", PASSWORD))).isTrue(); // and nothing since
        assertThat(laptop.post("/account", "/account/signout-everywhere", Map.of())
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> phoneAfter = phone.get("/account");
        assertThat(phoneAfter.statusCode()).isEqualTo(302);
        assertThat(phoneAfter.headers().firstValue("Location").orElse("")).contains("/signin");
        assertThat(laptop.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void aNewPasswordEndsEveryOtherSession() {
        Visitor mine = Visitor.direct(port);
        Visitor thief = Visitor.direct(port);
        assertThat(signedIn(thief.signIn("new.password@example.org", PASSWORD))).isTrue();
        assertThat(thief.get("/account").statusCode()).isEqualTo(200);
        assertThat(signedIn(mine.signIn("new.password@example.org", PASSWORD))).isTrue();
        String fresh = "a brand new passphrase " + System.nanoTime();
        assertThat(mine.post("/account", "/account/password", Map.of("password", fresh))
                        .statusCode())
                .isEqualTo(302);
        assertThat(mine.get("/account").statusCode())
                .as("the session that changed it carries on")
                .isEqualTo(200);
        HttpResponse<String> thiefAfter = thief.get("/account");
        assertThat(thiefAfter.statusCode()).isEqualTo(302);
        assertThat(thiefAfter.headers().firstValue("Location").orElse("")).contains("/signin");
        assertThat(signedIn(Visitor.direct(port).signIn("new.password@example.org", fresh)))
                .isTrue();
    }

    // --- sign-in limits --------------------------------------------------------------------------

    @Test
    void successfulSignInsDoNotLockAnOfficeOut() {
        // One office behind one address: everyone signs in, some twice, and colleagues ask for links.
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i <= 6; i++) {
                assertThat(signedIn(Visitor.direct(port).signIn("colleague" + i + "@example.org", PASSWORD)))
                        .as("colleague %d, round %d", i, round)
                        .isTrue();
            }
        }
        for (int i = 1; i <= 6; i++) {
            assertThat(Visitor.direct(port)
                            .post("/join", "/join", Map.of("email", "newcomer" + i + "@example.org"))
                            .statusCode())
                    .isEqualTo(200);
        }
        // A typo or two along the way is no lock either.
        assertThat(signedIn(Visitor.direct(port).signIn("colleague1@example.org", "wrong one")))
                .isFalse();
        assertThat(signedIn(Visitor.direct(port).signIn("colleague1@example.org", PASSWORD)))
                .isTrue();
    }

    @Test
    void wrongPasswordsFromManyAddressesSlowTheAccountButDoNotLockTheOwnerOut() {
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> guess =
                    Visitor.behindProxy(port, "198.51.100." + i).signIn("owner@example.org", "guess " + i);
            assertThat(guess.statusCode()).isEqualTo(302);
            assertThat(signedIn(guess)).isFalse();
        }
        // The guesser's next try, from yet another address, is held back...
        HttpResponse<String> sixth = Visitor.behindProxy(port, "198.51.100.6").signIn("owner@example.org", "guess 6");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        assertThat(sixth.body()).contains("sign in with a link");
        // ...but the owner can ask for a link at once,
        assertThat(Visitor.behindProxy(port, "203.0.113.50")
                        .post("/signin", "/signin/email", Map.of("email", "owner@example.org"))
                        .statusCode())
                .isEqualTo(200);
        // and a few seconds later signs in with the right password: a delay, not a lock.
        clock.advance(Duration.ofSeconds(11));
        assertThat(signedIn(Visitor.behindProxy(port, "203.0.113.50").signIn("owner@example.org", PASSWORD)))
                .isTrue();
        // A right password forgets the failures: no delay for the owner's next sign-in.
        assertThat(signedIn(Visitor.behindProxy(port, "203.0.113.50").signIn("owner@example.org", PASSWORD)))
                .isTrue();
    }

    @Test
    void aForgedForwardedForDoesNotEscapeTheAddressLimitAndATrustedProxysDoes() {
        // A direct client forging a new X-Forwarded-For each time is still one address: after eight
        // wrong passwords (on eight accounts, so no account is slowed) it is stopped.
        for (int i = 1; i <= 8; i++) {
            HttpResponse<String> r = Visitor.direct(port)
                    .header("X-Forwarded-For", "192.0.2." + i)
                    .signIn("nobody" + i + "@example.org", "guess");
            assertThat(r.statusCode()).as("attempt %d", i).isEqualTo(302);
        }
        HttpResponse<String> ninth =
                Visitor.direct(port).header("X-Forwarded-For", "192.0.2.99").signIn("nobody9@example.org", "guess");
        assertThat(ninth.statusCode()).isEqualTo(429);
        // Nor can it pin the limit on someone else's address: 192.0.2.1 (forged above) signs in through the proxy.
        assertThat(signedIn(Visitor.behindProxy(port, "192.0.2.1").signIn("colleague2@example.org", PASSWORD)))
                .isTrue();

        // Behind the trusted proxy, clients are told apart by the address it writes: one guesser is stopped...
        for (int i = 1; i <= 8; i++) {
            assertThat(Visitor.behindProxy(port, "203.0.113.7")
                            .signIn("someone" + i + "@example.org", "guess")
                            .statusCode())
                    .isEqualTo(302);
        }
        assertThat(Visitor.behindProxy(port, "203.0.113.7")
                        .signIn("colleague3@example.org", PASSWORD)
                        .statusCode())
                .isEqualTo(429);
        // ...a client forging its own X-Forwarded-For in front of the proxy gains nothing (the proxy appends the real
        // one)...
        assertThat(Visitor.behindProxy(port, "10.1.1.1, 203.0.113.7")
                        .signIn("colleague3@example.org", PASSWORD)
                        .statusCode())
                .isEqualTo(429);
        // ...and other readers behind the same proxy are not.
        assertThat(signedIn(Visitor.behindProxy(port, "203.0.113.8").signIn("colleague3@example.org", PASSWORD)))
                .isTrue();
    }
}
