package org.sitrep.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sitrep.members.Role;
import org.sitrep.members.UserAccounts;
import org.sitrep.testsupport.Browser;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestDatabases;
import org.sitrep.testsupport.TestMail;
import org.sitrep.testsupport.TestPieces;
import org.sitrep.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 5's "done when", in headless Chromium on the embedded default (H2 in a file, as
 * {@code ./sitrep run} has it, and no payment settings: test payments switch on by themselves),
 * with GreenMail as the SMTP server: an anonymous reader hits the meter on the fourth piece, joins
 * by emailed link choosing a newsletter, subscribes with a test payment, reads a paid memo in full,
 * receives the newsletter an editor sends, and unsubscribes in one click.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestPropertySource(properties = "sitrep.sample-content=false")
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderJourneyBrowserTest {
    static final GreenMail MAIL = TestMail.start();
    static final int PORT = TestDatabases.freePort();

    @DynamicPropertySource
    static void embeddedDefault(DynamicPropertyRegistry registry) {
        TestDatabases.embeddedDefault(registry, PORT);
        TestMail.properties(registry, MAIL);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    UserAccounts accounts;

    WebDriver browser;
    final String base = "http://localhost:" + PORT;

    @BeforeAll
    void seed() {
        TestPieces fixture = new TestPieces(jdbc, events);
        for (int i = 1; i <= 4; i++) {
            fixture.piece("front-line-" + i)
                    .kind("NEWS")
                    .headline("Front line, day " + i)
                    .standfirst("Day " + i + " on the front")
                    .body("<p>Day " + i + " began.</p><p>Shelling eased.</p><p>LATER-PARAGRAPH " + i + ".</p>")
                    .insert();
        }
        fixture.piece("what-the-truce-means")
                .kind("MEMO")
                .headline("What the truce means")
                .standfirst("Our memo on the truce")
                .access("PAID")
                .body("<p>The truce holds.</p><p>For now.</p><p>MEMO-CONCLUSION only for subscribers.</p>")
                .insert();
        accounts.create("editor@sitrep.example", "Desk Editor", "correct horse battery", Role.EDITOR);
        browser = Browser.start();
    }

    @AfterAll
    void quit() {
        if (browser != null) browser.quit();
        MAIL.stop();
    }

    final java.util.List<String> accessibility = new java.util.ArrayList<>();

    /** Notes the axe-core problems of the page now shown (asserted at the end, so the journey runs through). */
    void accessible(String page) throws java.io.IOException {
        for (String v : org.sitrep.testsupport.Axe.seriousViolations(browser)) accessibility.add(page + ": " + v);
    }

    WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @Test
    void anAnonymousReaderBecomesASubscriberGetsTheNewsletterAndUnsubscribesInOneClick() throws Exception {
        // 1. The meter: three pieces in full, the fourth cut with the offer.
        browser.get(base + "/");
        browser.manage().deleteAllCookies();
        for (int i = 1; i <= 3; i++) {
            browser.get(base + "/news/front-line-" + i);
            assertThat(browser.findElement(By.cssSelector(".body")).getText()).contains("LATER-PARAGRAPH " + i);
        }
        browser.get(base + "/news/front-line-4");
        assertThat(browser.findElement(By.id("paywall-offer")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".body")).getText()).contains("Day 4 began.");
        assertThat(browser.getPageSource()).doesNotContain("LATER-PARAGRAPH 4");

        // 2. Join by magic link, ticking the Daily Brief; the link arrives at the SMTP server.
        browser.get(base + "/join");
        accessible("/join");
        browser.findElement(By.id("join-email")).sendKeys("reader@example.org");
        browser.findElement(By.id("join-name")).sendKeys("Rana Reader");
        browser.findElement(By.id("join-newsletter-daily-brief")).click();
        browser.findElement(By.cssSelector("form[action='/join'] button[type=submit]"))
                .click();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("link-sent")));
        assertThat(MAIL.waitForIncomingEmail(15_000, 1)).isTrue();
        Matcher link = Pattern.compile(Pattern.quote(base) + "/signin/link\\?token=[A-Za-z0-9_-]+")
                .matcher(GreenMailUtil.getBody(MAIL.getReceivedMessages()[0]).replace("=\r\n", ""));
        assertThat(link.find())
                .as("the sign-in mail holds a link to this server")
                .isTrue();
        browser.get(link.group());
        browser.findElement(By.id("confirm-signin")).click();
        waitFor().until(ExpectedConditions.urlMatches("/account$"));
        assertThat(browser.findElement(By.id("account-plan")).getText()).isEqualTo("Free member");
        assertThat(browser.findElement(By.id("newsletter-daily-brief")).isSelected())
                .isTrue();
        accessible("/account");

        // 3. Subscribe with a test payment: the page says plainly that no real money moves.
        browser.get(base + "/subscribe");
        assertThat(browser.findElement(By.id("test-payments-banner")).getText())
                .contains("Test payments — no real money");
        accessible("/subscribe");
        browser.findElement(By.id("subscribe-annual")).click();
        waitFor().until(ExpectedConditions.urlMatches("/account$"));
        assertThat(browser.findElement(By.id("account-plan")).getText()).isEqualTo("Subscriber");

        // 4. The paid memo reads in full.
        browser.get(base + "/memos/what-the-truce-means");
        assertThat(browser.findElement(By.cssSelector(".body")).getText())
                .contains("MEMO-CONCLUSION only for subscribers.");
        assertThat(browser.findElements(By.id("paywall-offer"))).isEmpty();

        // 5. An editor (signed in with a password) composes the Daily Brief around the memo and sends it.
        WebSession editor = new WebSession(PORT);
        assertThat(editor.post(
                                "/signin",
                                "/signin",
                                Map.of("username", "editor@sitrep.example", "password", "correct horse battery"))
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .doesNotContain("error");
        long daily = jdbc.sql("SELECT id FROM newsletters WHERE slug = 'daily-brief'")
                .query(Long.class)
                .single();
        long memo = jdbc.sql("SELECT id FROM pieces WHERE slug = 'what-the-truce-means'")
                .query(Long.class)
                .single();
        HttpResponse<String> saved = editor.post(
                "/newsroom/newsletters/issues/new?newsletter=" + daily,
                "/newsroom/newsletters/issues",
                Map.of(
                        "newsletter",
                        String.valueOf(daily),
                        "subject",
                        "Daily Brief: the truce",
                        "intro",
                        "Good morning.",
                        "piece",
                        String.valueOf(memo)));
        String issuePage = saved.headers().firstValue("Location").orElseThrow();
        String issuePath = URI.create(issuePage).getPath();
        assertThat(editor.get(issuePath + "/preview").body())
                .contains("What the truce means")
                .contains(base + "/memos/what-the-truce-means");
        editor.post(issuePath, issuePath + "/send", Map.of("confirmed", "yes"));
        assertThat(MAIL.waitForIncomingEmail(15_000, 2))
                .as("the newsletter arrives")
                .isTrue();
        MimeMessage letter = MAIL.getReceivedMessages()[1];
        assertThat(letter.getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
        assertThat(letter.getSubject()).isEqualTo("Daily Brief: the truce");
        assertThat(GreenMailUtil.getBody(letter).replace("=\r\n", "")).contains("What the truce means");
        String header = letter.getHeader("List-Unsubscribe", null);
        assertThat(header).startsWith("<" + base + "/newsletters/unsubscribe?token=");
        assertThat(letter.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");

        // 6. One click in the mail client: it POSTs to the List-Unsubscribe address, no cookies, no token but the
        // link's.
        String unsubscribe = header.substring(1, header.length() - 1);
        HttpResponse<String> oneClick = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(unsubscribe))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        browser.get(base + "/account");
        assertThat(browser.findElement(By.id("newsletter-daily-brief")).isSelected())
                .as("no longer subscribed")
                .isFalse();
        // Following the link in a browser shows a button, and pressing it confirms (harmless when already out).
        browser.get(unsubscribe);
        accessible("unsubscribe confirmation");
        browser.findElement(By.id("confirm-unsubscribe")).click();
        assertThat(waitFor()
                        .until(ExpectedConditions.presenceOfElementLocated(By.id("unsubscribed")))
                        .getText())
                .contains("Daily Brief");
        accessible("unsubscribed");
        assertThat(accessibility).as("serious or critical axe-core violations").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_subscriptions ns JOIN users u ON u.id = ns.user_id "
                                + "WHERE u.email = 'reader@example.org'")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
