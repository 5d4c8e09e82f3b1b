package org.sitrep.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.site.PageCache;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Reader accounts over real HTTP with a real SMTP server (GreenMail): magic links, no account
 * enumeration, rate limits, sign out everywhere, export and deletion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"sitrep.sample-content=false", "sitrep.mail.from=desk@sitrep.example"})
@Import(TestClockConfig.class)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MembersContract {
    static final GreenMail MAIL = startMail();
    private static final Pattern LINK = Pattern.compile("(/signin/link\\?token=)([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Throttle throttle;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MockMvc mvc;

    @Autowired
    Plans plans;

    @Autowired
    PageCache pageCache;

    static GreenMail startMail() {
        ServerSetup smtp = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        smtp.setServerStartupTimeout(20_000);
        GreenMail mail = new GreenMail(smtp);
        mail.start();
        return mail;
    }

    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @BeforeEach
    void fresh() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        throttle.reset();
        clock.set(TestClockConfig.START);
    }

    /** Asks for a link on /join and returns the token from the mail that arrives. */
    String joinAndReadMail(WebSession web, String email, String name) throws Exception {
        int before = MAIL.getReceivedMessages().length;
        HttpResponse<String> sent = web.post("/join", "/join", Map.of("email", email, "displayName", name));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(MAIL.waitForIncomingEmail(10_000, before + 1)).isTrue();
        MimeMessage[] all = MAIL.getReceivedMessages();
        MimeMessage m = all[all.length - 1];
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo(email.toLowerCase());
        Matcher link = LINK.matcher(GreenMailUtil.getBody(m).replace("=\r\n", ""));
        assertThat(link.find()).as("the mail holds a sign-in link").isTrue();
        return link.group(2);
    }

    WebSession signedIn(String email) throws Exception {
        WebSession web = new WebSession(port);
        String token = joinAndReadMail(web, email, "Reader " + email);
        HttpResponse<String> in = web.post("/signin/link?token=" + token, "/signin/link", Map.of("token", token));
        assertThat(in.statusCode()).isEqualTo(302);
        return web;
    }

    @Test
    void aMagicLinkSignsInOnceAndIsStoredOnlyAsAHash() throws Exception {
        WebSession web = new WebSession(port);
        String token = joinAndReadMail(web, "Layla@Example.org", "Layla Nasser");

        List<String> stored = jdbc.sql("SELECT token_hash FROM magic_links WHERE email = 'layla@example.org'")
                .query(String.class)
                .list();
        assertThat(stored).containsExactly(Tokens.sha256(token));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM magic_links WHERE token_hash = :t OR email = :t OR display_name = :t")
                        .param("t", token)
                        .query(Long.class)
                        .single())
                .isZero();

        HttpResponse<String> confirm = web.get("/signin/link?token=" + token);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(web.get("/account").statusCode())
                .as("not signed in by merely opening the link")
                .isEqualTo(302);

        String sessionBefore = web.cookie("JSESSIONID");
        HttpResponse<String> in = web.post("/signin/link?token=" + token, "/signin/link", Map.of("token", token));
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElse("")).endsWith("/account");
        // A new session id on sign-in (no fixation), in an HttpOnly, SameSite=Lax cookie.
        assertThat(web.cookie("JSESSIONID")).isNotNull().isNotEqualTo(sessionBefore);
        assertThat(in.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("JSESSIONID=")
                .contains("HttpOnly")
                .contains("SameSite=Lax"));
        HttpResponse<String> account = web.get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(account.body()).select("#account-email").text()).isEqualTo("layla@example.org");
        assertThat(account.body())
                .contains("(verified)")
                .contains("Layla Nasser")
                .contains("Free member");

        WebSession other = new WebSession(port);
        assertThat(other.get("/signin/link?token=" + token).statusCode()).isEqualTo(410);
        String csrf = Jsoup.parse(other.get("/signin").body())
                .selectFirst("input[name=_csrf]")
                .val();
        HttpResponse<String> reuse = other.postRaw("/signin/link", Map.of("token", token, "_csrf", csrf));
        assertThat(reuse.statusCode()).isEqualTo(410);
        assertThat(other.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        WebSession web = new WebSession(port);
        String token = joinAndReadMail(web, "late@example.org", "Late");
        clock.advance(MagicLinks.LIFETIME.plus(Duration.ofSeconds(1)));
        assertThat(web.get("/signin/link?token=" + token).statusCode()).isEqualTo(410);
        String csrf = Jsoup.parse(web.get("/signin").body())
                .selectFirst("input[name=_csrf]")
                .val();
        HttpResponse<String> in = web.postRaw("/signin/link", Map.of("token", token, "_csrf", csrf));
        assertThat(in.statusCode()).isEqualTo(410);
        assertThat(in.body()).contains("no longer works");
        assertThat(web.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void theAnswerIsTheSameForKnownAndUnknownAddresses() throws Exception {
        accounts.create("known.editor@example.org", "Known", "a long enough passphrase", Role.EDITOR);
        WebSession web = new WebSession(port);
        HttpResponse<String> known = web.post("/signin", "/signin/email", Map.of("email", "known.editor@example.org"));
        HttpResponse<String> unknown = web.post("/signin", "/signin/email", Map.of("email", "nobody.here@example.org"));
        HttpResponse<String> joinKnown = web.post("/join", "/join", Map.of("email", "known.editor@example.org"));
        assertThat(known.statusCode())
                .isEqualTo(unknown.statusCode())
                .isEqualTo(joinKnown.statusCode())
                .isEqualTo(200);
        String a = Jsoup.parse(known.body()).select("main").outerHtml();
        assertThat(a).contains("If that address can sign in, a link is on its way");
        assertThat(Jsoup.parse(unknown.body()).select("main").outerHtml()).isEqualTo(a);
        assertThat(Jsoup.parse(joinKnown.body()).select("main").outerHtml()).isEqualTo(a);
        // Wrong password and unknown account: one answer.
        WebSession pw = new WebSession(port);
        HttpResponse<String> wrong = pw.post(
                "/signin", "/signin", Map.of("username", "known.editor@example.org", "password", "not the one at all"));
        HttpResponse<String> none = pw.post(
                "/signin", "/signin", Map.of("username", "nobody.here@example.org", "password", "not the one at all"));
        assertThat(wrong.headers().firstValue("Location"))
                .isEqualTo(none.headers().firstValue("Location"));
        // Without the CSRF token no form is accepted.
        assertThat(new WebSession(port)
                        .postRaw("/signin/email", Map.of("email", "nobody.here@example.org"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(new WebSession(port)
                        .postRaw("/join", Map.of("email", "nobody.here@example.org"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void linkRequestsAndPasswordAttemptsAreRateLimited() throws Exception {
        WebSession web = new WebSession(port);
        for (int i = 0; i < 5; i++) {
            assertThat(web.post("/signin", "/signin/email", Map.of("email", "flood@example.org"))
                            .statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> sixth = web.post("/signin", "/signin/email", Map.of("email", "flood@example.org"));
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).contains("Too many requests").doesNotContain("Exception");
        assertThat(MAIL.waitForIncomingEmail(5_000, 5)).isTrue();
        assertThat(MAIL.getReceivedMessages()).hasSize(5);

        throttle.reset();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = web.post(
                    "/signin", "/signin", Map.of("username", "guess@example.org", "password", "guess number " + i));
            assertThat(r.statusCode()).isEqualTo(302);
        }
        HttpResponse<String> blocked =
                web.post("/signin", "/signin", Map.of("username", "guess@example.org", "password", "another guess"));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("Too many attempts");

        // The window passes with the clock: allowed again.
        clock.advance(Duration.ofMinutes(16));
        assertThat(web.post("/signin", "/signin/email", Map.of("email", "flood@example.org"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void signingOutEverywhereEndsEverySession() throws Exception {
        WebSession laptop = signedIn("two.devices@example.org");
        WebSession phone = new WebSession(port);
        String token = joinAndReadMail(phone, "two.devices@example.org", "ignored");
        phone.post("/signin/link?token=" + token, "/signin/link", Map.of("token", token));
        assertThat(laptop.get("/account").statusCode()).isEqualTo(200);
        assertThat(phone.get("/account").statusCode()).isEqualTo(200);

        HttpResponse<String> out = phone.post("/account", "/account/signout-everywhere", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(phone.get("/account").statusCode()).isEqualTo(302);
        assertThat(laptop.get("/account").statusCode())
                .as("the other device is signed out too")
                .isEqualTo(302);
        // Signing in again works.
        assertThat(signedIn("two.devices@example.org").get("/account").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aReaderExportsThenDeletesTheirAccount() throws Exception {
        WebSession web = signedIn("leaving@example.org");
        // Data other features keep about the reader: a newsletter chosen, a piece read on the meter.
        long userId = jdbc.sql("SELECT id FROM users WHERE email = 'leaving@example.org'")
                .query(Long.class)
                .single();
        OffsetDateTime at = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);
        jdbc.sql("INSERT INTO newsletter_subscriptions (newsletter_id, user_id, subscribed_at) "
                        + "SELECT id, :u, :at FROM newsletters WHERE slug = 'daily-brief'")
                .param("u", userId)
                .param("at", at)
                .update();
        jdbc.sql(
                        "INSERT INTO pieces (slug, kind, headline, body_markdown, body_html, status, publish_at, created_at, updated_at) "
                                + "VALUES ('read-before-leaving', 'NEWS', 'Read on the meter before leaving', '', '', 'PUBLISHED', :t, :t, :t)")
                .param("t", at)
                .update();
        long piece = jdbc.sql("SELECT id FROM pieces WHERE slug = 'read-before-leaving'")
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO meter_reads (reader, read_month, piece_id, read_at) VALUES (:r, '2026-03', :p, :at)")
                .param("r", "u:" + userId)
                .param("p", piece)
                .param("at", at)
                .update();

        HttpResponse<String> export = web.get("/account/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment");
        assertThat(export.body())
                .contains("\"email\" : \"leaving@example.org\"")
                .contains("\"subscriptions\"")
                .doesNotContain("password_hash");
        // Each feature's part, in its section (members assembles them; AccountData).
        JsonNode data = new ObjectMapper().readTree(export.body());
        assertThat(data.path("newsletters").get(0).path("newsletter").asText()).isEqualTo("Daily Brief");
        assertThat(data.path("newsletters").get(0).path("since").asText()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(data.path("piecesReadOnTheMeter").get(0).path("headline").asText())
                .isEqualTo("Read on the meter before leaving");
        assertThat(data.path("piecesReadOnTheMeter").get(0).path("month").asText())
                .isEqualTo("2026-03");
        assertThat(data.fieldNames())
                .toIterable()
                .containsExactly(
                        "account", "subscriptions", "newsletters", "piecesReadOnTheMeter", "organisationSeats");

        HttpResponse<String> refused =
                web.post("/account", "/account/delete", Map.of("confirmEmail", "someone.else@example.org"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = 'leaving@example.org'")
                        .query(Long.class)
                        .single())
                .isOne();

        HttpResponse<String> deleted =
                web.post("/account", "/account/delete", Map.of("confirmEmail", "leaving@example.org"));
        assertThat(deleted.headers().firstValue("Location").orElse("")).endsWith("/account/deleted");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = 'leaving@example.org'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM magic_links WHERE email = 'leaving@example.org'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM meter_reads WHERE reader = :r")
                        .param("r", "u:" + userId)
                        .query(Long.class)
                        .single())
                .as("the meter's rows of the reader (no foreign key: removed by paywall's part of the deletion)")
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_subscriptions WHERE user_id = :u")
                        .param("u", userId)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pieces WHERE id = :p")
                        .param("p", piece)
                        .query(Long.class)
                        .single())
                .as("the piece itself stays")
                .isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'account.deleted'")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(web.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void aReaderSetsAPasswordAndSignsInWithIt() throws Exception {
        WebSession web = signedIn("with.password@example.org");
        assertThat(web.post("/account", "/account/password", Map.of("password", "short"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(accounts.passwordMatches("with.password@example.org", "short"))
                .isFalse();
        web.post("/account", "/account/password", Map.of("password", "a long reader passphrase"));
        assertThat(accounts.passwordMatches("with.password@example.org", "a long reader passphrase"))
                .isTrue();
        WebSession fresh = new WebSession(port);
        HttpResponse<String> in = fresh.post(
                "/signin",
                "/signin",
                Map.of("username", "with.password@example.org", "password", "a long reader passphrase"));
        assertThat(in.headers().firstValue("Location").orElse("")).endsWith("/account");
        assertThat(fresh.get("/account").statusCode()).isEqualTo(200);
    }

    long reader(String email, String name, boolean verified) {
        jdbc.sql(
                        "INSERT INTO users (email, display_name, role, enabled, created_at, email_verified_at) VALUES (:e, :n, 'MEMBER', TRUE, :t, :v)")
                .param("e", email)
                .param("n", name)
                .param("t", java.time.OffsetDateTime.of(2026, 2, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC))
                .param(
                        "v",
                        verified ? java.time.OffsetDateTime.of(2026, 2, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC) : null)
                .update();
        return jdbc.sql("SELECT id FROM users WHERE email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    @Test
    void adminsListSearchFilterAndExportMembersSafely() throws Exception {
        var admin = user("chief.admin@example.org").roles("ADMIN");
        reader("formula.one@example.org", "=HYPERLINK(\"http://evil.example\",\"click\")", true);
        reader("plus.two@example.org", "+SUM(A1:A2)", false);
        reader("at.three@example.org", "@cmd, with comma", true);
        long paying = reader("paying.four@example.org", "Paying Reader", true);
        java.time.OffsetDateTime now = java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        jdbc.sql("INSERT INTO subscriptions (user_id, plan_id, state, current_period_end, created_at, updated_at) "
                        + "VALUES (:u, (SELECT id FROM plans WHERE code = 'annual'), 'ACTIVE', :end, :now, :now)")
                .param("u", paying)
                .param("end", now.plusYears(1))
                .param("now", now)
                .update();

        mvc.perform(get("/admin/members").with(user("member@example.org").roles("MEMBER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/members.csv").with(user("editor@example.org").roles("EDITOR")))
                .andExpect(status().isForbidden());

        String all = mvc.perform(get("/admin/members").with(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(all).contains("formula.one@example.org").contains("paying.four@example.org");
        String search =
                body(mvc.perform(get("/admin/members").param("q", "PLUS.two").with(admin))
                        .andReturn());
        assertThat(Jsoup.parse(search).select("tr.member-row")).hasSize(1);
        assertThat(search).contains("plus.two@example.org");
        assertThat(Jsoup.parse(body(mvc.perform(
                                        get("/admin/members").param("q", "%").with(admin))
                                .andReturn()))
                        .select("tr.member-row"))
                .as("a LIKE wildcard is searched for literally")
                .isEmpty();
        String annual =
                body(mvc.perform(get("/admin/members").param("plan", "annual").with(admin))
                        .andReturn());
        assertThat(Jsoup.parse(annual).select("tr.member-row")).hasSize(1);
        assertThat(annual).contains("paying.four@example.org").contains("Annual");
        String subscribers = body(
                mvc.perform(get("/admin/members").param("role", "SUBSCRIBER").with(admin))
                        .andReturn());
        assertThat(Jsoup.parse(subscribers).select("tr.member-row"))
                .extracting(e -> e.child(0).text())
                .containsExactly("paying.four@example.org");
        String unverified = body(mvc.perform(get("/admin/members")
                        .param("verified", "no")
                        .param("q", "example.org")
                        .with(admin))
                .andReturn());
        assertThat(unverified).contains("plus.two@example.org").doesNotContain("formula.one@example.org");
        assertThat(mvc.perform(get("/admin/members")
                                .param("page", "banana")
                                .param("role", "<script>")
                                .with(admin))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        MvcResult csv = mvc.perform(
                        get("/admin/members.csv").param("q", "example.org").with(admin))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("members.csv");
        String text = csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("id,email,name,role,verified,plan,joined\r\n");
        assertThat(text)
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",")
                .contains(",'+SUM(A1:A2),")
                .contains(",\"'@cmd, with comma\",")
                .contains(",Annual,");
        assertThat(text.lines())
                .noneMatch(l -> l.contains(",=") || l.contains(",+") || l.contains(",@") || l.contains(",\"="));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_log WHERE action = 'members.exported' AND actor = 'chief.admin@example.org'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void adminsEditPlansAndThePaywallWithoutCodeAndEveryChangeIsAudited() throws Exception {
        var admin = user("plans.admin@example.org").roles("ADMIN");
        assertThat(plans.all())
                .extracting(Plans.Plan::name, Plans.Plan::price, Plans.Plan::per)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("Annual", "$100", "year"),
                        org.assertj.core.groups.Tuple.tuple("Monthly", "$10", "month"));
        long monthly = plans.all().stream()
                .filter(p -> p.code().equals("monthly"))
                .findFirst()
                .orElseThrow()
                .id();
        mvc.perform(post("/admin/plans")
                        .with(admin)
                        .with(csrf())
                        .param("id", String.valueOf(monthly))
                        .param("name", "Monthly")
                        .param("price", "12.50")
                        .param("currency", "usd")
                        .param("interval", "MONTH")
                        .param("active", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(plans.all()).anySatisfy(p -> assertThat(p.price()).isEqualTo("$12.50"));
        mvc.perform(post("/admin/plans")
                .with(admin)
                .with(csrf())
                .param("id", String.valueOf(monthly))
                .param("name", "Monthly")
                .param("price", "-3")
                .param("currency", "USD")
                .param("interval", "MONTH"));
        assertThat(plans.all()).anySatisfy(p -> assertThat(p.priceCents()).isEqualTo(1250));
        mvc.perform(post("/admin/plans")
                .with(admin)
                .with(csrf())
                .param("name", "Student")
                .param("price", "50")
                .param("currency", "EUR")
                .param("interval", "YEAR")
                .param("active", "true"));
        assertThat(plans.active()).extracting(Plans.Plan::code).contains("student");
        mvc.perform(post("/admin/plans").with(admin)).andExpect(status().isForbidden()); // no CSRF token
        // Test payments are off unless switched on: no free subscriptions in production.
        mvc.perform(post("/subscribe/test")
                        .with(user("someone@example.org").roles("MEMBER"))
                        .with(csrf())
                        .param("plan", "annual"))
                .andExpect(status().isNotFound());

        String subscribe = new WebSession(port).get("/subscribe").body();
        assertThat(subscribe).contains("$12.50 per month").contains("EUR 50 per year");

        // Cached pages carry the offer: a saved change is announced (SettingsChanged) and the site drops them.
        pageCache.get("probe:offer", () -> "a page with the old offer");
        mvc.perform(post("/admin/paywall")
                        .with(admin)
                        .with(csrf())
                        .param("paywall.free-per-month.visitors", "lots")
                        .param("paywall.free-per-month.members", "3")
                        .param("paywall.offer-heading", "Ignored"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT setting_value FROM site_settings WHERE name = 'paywall.offer-heading'")
                        .query(String.class)
                        .single())
                .isEqualTo("Join our community of readers");
        assertThat(pageCache.<String>getIfPresent("probe:offer"))
                .as("a refused change keeps the pages")
                .isNotNull();
        mvc.perform(post("/admin/paywall")
                        .with(admin)
                        .with(csrf())
                        .param("paywall.free-per-month.visitors", "3")
                        .param("paywall.free-per-month.members", "5")
                        .param("paywall.offer-heading", "Join our community of readers")
                        .param("paywall.offer-text", "All of it.")
                        .param("paywall.price-text", "Subscribe. Only $100 per year."))
                .andExpect(status().is3xxRedirection());
        assertThat(pageCache.<String>getIfPresent("probe:offer"))
                .as("a saved change drops them")
                .isNull();
        assertThat(jdbc.sql("SELECT setting_value FROM site_settings WHERE name = 'paywall.free-per-month.members'")
                        .query(String.class)
                        .single())
                .isEqualTo("5");
        assertThat(body(mvc.perform(get("/admin/paywall").with(admin)).andReturn()))
                .contains("All of it.");
        mvc.perform(post("/admin/paywall")
                .with(admin)
                .with(csrf())
                .param("paywall.free-per-month.visitors", "3")
                .param("paywall.free-per-month.members", "3")
                .param("paywall.offer-heading", "Join our community of readers")
                .param(
                        "paywall.offer-text",
                        "Experience all of our coverage, including 24/7 news, analyses, memos, reports and newsletters.")
                .param("paywall.price-text", "Subscribe. Only $100 per year."));

        String audit = body(mvc.perform(get("/admin/audit").with(admin))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(Jsoup.parse(audit).select("tr.audit-row").text())
                .contains("plan.updated")
                .contains("plan.created")
                .contains("paywall.updated")
                .contains("plans.admin@example.org")
                .contains("$12.50");
        mvc.perform(get("/admin/audit").with(user("editor@example.org").roles("EDITOR")))
                .andExpect(status().isForbidden());
    }

    static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
