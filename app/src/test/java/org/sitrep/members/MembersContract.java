package org.sitrep.members;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.TestPropertySource;

/**
 * Reader accounts over real HTTP with a real SMTP server (GreenMail): magic links, no account
 * enumeration, rate limits, sign out everywhere, export and deletion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"sitrep.sample-content=false", "sitrep.mail.from=desk@sitrep.example"})
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MembersContract {
    static final GreenMail MAIL = startMail();
    private static final Pattern LINK = Pattern.compile("(/signin/link\\?token=)([A-Za-z0-9_-]+)");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired Throttle throttle;
    @Autowired UserAccounts accounts;

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

        List<String> stored = jdbc.sql("SELECT token_hash FROM magic_links WHERE email = 'layla@example.org'").query(String.class).list();
        assertThat(stored).containsExactly(Tokens.sha256(token));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM magic_links WHERE token_hash = :t OR email = :t OR display_name = :t")
                .param("t", token).query(Long.class).single()).isZero();

        HttpResponse<String> confirm = web.get("/signin/link?token=" + token);
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(web.get("/account").statusCode()).as("not signed in by merely opening the link").isEqualTo(302);

        HttpResponse<String> in = web.post("/signin/link?token=" + token, "/signin/link", Map.of("token", token));
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElse("")).endsWith("/account");
        HttpResponse<String> account = web.get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(account.body()).select("#account-email").text()).isEqualTo("layla@example.org");
        assertThat(account.body()).contains("(verified)").contains("Layla Nasser").contains("Free member");

        WebSession other = new WebSession(port);
        assertThat(other.get("/signin/link?token=" + token).statusCode()).isEqualTo(410);
        String csrf = Jsoup.parse(other.get("/signin").body()).selectFirst("input[name=_csrf]").val();
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
        String csrf = Jsoup.parse(web.get("/signin").body()).selectFirst("input[name=_csrf]").val();
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
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(joinKnown.statusCode()).isEqualTo(200);
        String a = Jsoup.parse(known.body()).select("main").outerHtml();
        assertThat(a).contains("If that address can sign in, a link is on its way");
        assertThat(Jsoup.parse(unknown.body()).select("main").outerHtml()).isEqualTo(a);
        assertThat(Jsoup.parse(joinKnown.body()).select("main").outerHtml()).isEqualTo(a);
        // Wrong password and unknown account: one answer.
        WebSession pw = new WebSession(port);
        HttpResponse<String> wrong = pw.post("/signin", "/signin", Map.of("username", "known.editor@example.org", "password", "not the one at all"));
        HttpResponse<String> none = pw.post("/signin", "/signin", Map.of("username", "nobody.here@example.org", "password", "not the one at all"));
        assertThat(wrong.headers().firstValue("Location")).isEqualTo(none.headers().firstValue("Location"));
    }

    @Test
    void linkRequestsAndPasswordAttemptsAreRateLimited() throws Exception {
        WebSession web = new WebSession(port);
        for (int i = 0; i < 5; i++) {
            assertThat(web.post("/signin", "/signin/email", Map.of("email", "flood@example.org")).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> sixth = web.post("/signin", "/signin/email", Map.of("email", "flood@example.org"));
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).contains("Too many requests").doesNotContain("Exception");
        assertThat(MAIL.waitForIncomingEmail(5_000, 5)).isTrue();
        assertThat(MAIL.getReceivedMessages()).hasSize(5);

        throttle.reset();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = web.post("/signin", "/signin", Map.of("username", "guess@example.org", "password", "guess number " + i));
            assertThat(r.statusCode()).isEqualTo(302);
        }
        HttpResponse<String> blocked = web.post("/signin", "/signin", Map.of("username", "guess@example.org", "password", "another guess"));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("Too many attempts");

        // The window passes with the clock: allowed again.
        clock.advance(Duration.ofMinutes(16));
        assertThat(web.post("/signin", "/signin/email", Map.of("email", "flood@example.org")).statusCode()).isEqualTo(200);
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
        assertThat(laptop.get("/account").statusCode()).as("the other device is signed out too").isEqualTo(302);
        // Signing in again works.
        assertThat(signedIn("two.devices@example.org").get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aReaderExportsThenDeletesTheirAccount() throws Exception {
        WebSession web = signedIn("leaving@example.org");
        HttpResponse<String> export = web.get("/account/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(export.body()).contains("\"email\" : \"leaving@example.org\"").contains("\"subscriptions\"").doesNotContain("password_hash");

        HttpResponse<String> refused = web.post("/account", "/account/delete", Map.of("confirmEmail", "someone.else@example.org"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = 'leaving@example.org'").query(Long.class).single()).isOne();

        HttpResponse<String> deleted = web.post("/account", "/account/delete", Map.of("confirmEmail", "leaving@example.org"));
        assertThat(deleted.headers().firstValue("Location").orElse("")).endsWith("/account/deleted");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = 'leaving@example.org'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM magic_links WHERE email = 'leaving@example.org'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'account.deleted'").query(Long.class).single()).isPositive();
        assertThat(web.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void aReaderSetsAPasswordAndSignsInWithIt() throws Exception {
        WebSession web = signedIn("with.password@example.org");
        assertThat(web.post("/account", "/account/password", Map.of("password", "short")).statusCode()).isEqualTo(302);
        assertThat(accounts.passwordMatches("with.password@example.org", "short")).isFalse();
        web.post("/account", "/account/password", Map.of("password", "a long reader passphrase"));
        assertThat(accounts.passwordMatches("with.password@example.org", "a long reader passphrase")).isTrue();
        WebSession fresh = new WebSession(port);
        HttpResponse<String> in = fresh.post("/signin", "/signin", Map.of("username", "with.password@example.org", "password", "a long reader passphrase"));
        assertThat(in.headers().firstValue("Location").orElse("")).endsWith("/account");
        assertThat(fresh.get("/account").statusCode()).isEqualTo(200);
    }
}
