package org.sitrep.licences;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sitrep.members.Role;
import org.sitrep.members.UserAccounts;
import org.sitrep.testsupport.Axe;
import org.sitrep.testsupport.Browser;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestDatabases;
import org.sitrep.testsupport.TestMail;
import org.sitrep.testsupport.TestPieces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The journeys in headless Chromium, mail through GreenMail, every page checked with axe:
 * a manager finds "Team licences" from their account, buys 5 seats in test-payments mode and
 * invites two colleagues, who each open the mailed link, join by e-mail link, take the seat and
 * read a paid memo; a visitor finds "give a year" on the plans page and buys a gift without an
 * account, which its recipient redeems; the administrator's licences page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"sitrep.sample-content=false", "sitrep.payments.test-mode=true"})
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicencesBrowserTest {
    static final GreenMail MAIL = TestMail.start();
    private static final Pattern SIGN_IN = Pattern.compile("http://\\S+(/signin/link\\?token=[A-Za-z0-9_-]+\\S*)");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        TestMail.properties(registry, MAIL);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MutableClock clock;

    @Autowired
    UserAccounts accounts;

    WebDriver browser;
    String base;

    @BeforeAll
    void seed() {
        clock.set(TestClockConfig.START);
        new TestPieces(jdbc, events)
                .piece("border-memo")
                .kind("MEMO")
                .headline("Border memo")
                .access("PAID")
                .body(
                        "<p>Opening of the memo.</p><p>Second paragraph.</p><p>PAID-ONLY assessment of the crossings.</p>")
                .insert();
        browser = Browser.start();
        base = "http://localhost:" + port;
    }

    @AfterAll
    void quit() {
        if (browser != null) browser.quit();
        MAIL.stop();
    }

    WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    /** The newest mail to {@code to}, its body with soft line breaks undone. */
    String mailTo(String to, int expectedTotal) throws Exception {
        assertThat(MAIL.waitForIncomingEmail(10_000, expectedTotal)).isTrue();
        MimeMessage[] all = MAIL.getReceivedMessagesForDomain(to);
        assertThat(all).isNotEmpty();
        return GreenMailUtil.getBody(all[all.length - 1]).replace("=\r\n", "").replace("=3D", "=");
    }

    /** Joins at /join (already showing, with its next) and follows the mailed link back. */
    void joinByMail(String email) throws Exception {
        int before = MAIL.getReceivedMessages().length;
        browser.findElement(By.id("join-email")).sendKeys(email);
        Browser.navigating(browser, () -> browser.findElement(By.cssSelector("form[action='/join'] button"))
                .click());
        Matcher link = SIGN_IN.matcher(mailTo(email, before + 1));
        assertThat(link.find()).isTrue();
        browser.get(base + link.group(1));
        Browser.navigating(
                browser, () -> browser.findElement(By.id("confirm-signin")).click());
    }

    void noSeriousViolations() throws Exception {
        assertThat(Axe.seriousViolations(browser)).as(browser.getCurrentUrl()).isEmpty();
    }

    /** An invited colleague, signed out, opens the mailed link, joins, takes the seat and reads the paid memo. */
    void colleagueTakesTheSeat(String email, String mailBody) throws Exception {
        Matcher invitation = Pattern.compile("http://\\S+(/licences/invitation\\?token=[A-Za-z0-9_-]+)")
                .matcher(mailBody);
        assertThat(invitation.find()).isTrue();
        browser.get(base + "/");
        browser.manage().deleteAllCookies();
        browser.get(base + invitation.group(1));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("A seat from Acme Risk");
        noSeriousViolations();
        Browser.navigating(browser, () -> browser.findElement(By.cssSelector("#sign-in-first a[href^='/join']"))
                .click());
        joinByMail(email);
        waitFor().until(ExpectedConditions.urlContains("/licences/invitation"));
        Browser.navigating(
                browser, () -> browser.findElement(By.id("take-seat")).click());
        waitFor().until(ExpectedConditions.urlMatches("/account$"));
        assertThat(browser.findElement(By.id("granted-by")).getText()).contains("a seat of Acme Risk");
        browser.get(base + "/memos/border-memo");
        assertThat(browser.findElement(By.cssSelector(".body")).getText()).contains("PAID-ONLY assessment");
    }

    @Test
    void aManagerBuysFiveSeatsAndTwoInvitedColleaguesReadAPaidMemo() throws Exception {
        browser.get(base + "/");
        browser.manage().deleteAllCookies();
        browser.get(base + "/join");
        joinByMail("manager@acme.example");
        browser.get(base + "/account");
        Browser.navigating(browser, () -> browser.findElement(By.cssSelector("#licence-links a[href='/licences/team']"))
                .click());
        assertThat(browser.findElement(By.id("test-payments-banner")).getText())
                .contains("Test payments — no real money.");
        noSeriousViolations();
        browser.findElement(By.id("org-name")).sendKeys("Acme Risk");
        browser.findElement(By.id("org-seats")).clear();
        browser.findElement(By.id("org-seats")).sendKeys("5");
        Browser.navigating(
                browser, () -> browser.findElement(By.id("buy-seats")).click());
        assertThat(browser.findElement(By.id("seat-count")).getText()).isEqualTo("1 of 5 seats in use.");
        String organisationPage = browser.getCurrentUrl();

        int mails = MAIL.getReceivedMessages().length;
        for (String colleague : new String[] {"amira@acme.example", "bilal@example.org"}) {
            browser.findElement(By.id("invite-email")).sendKeys(colleague);
            Browser.navigating(
                    browser, () -> browser.findElement(By.id("send-invitation")).click());
            assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                    .contains("Invitation sent to " + colleague);
        }
        assertThat(browser.findElements(By.cssSelector("li.invitation"))).hasSize(2);
        noSeriousViolations();
        String toAmira = mailTo("amira@acme.example", mails + 2);
        String toBilal = mailTo("bilal@example.org", mails + 2);

        colleagueTakesTheSeat("amira@acme.example", toAmira);
        colleagueTakesTheSeat("bilal@example.org", toBilal);

        // The manager sees who uses the seats, on a phone too.
        browser.manage().deleteAllCookies();
        browser.get(base + "/join");
        joinByMail("manager@acme.example");
        browser.get(organisationPage);
        assertThat(browser.findElement(By.id("seat-count")).getText()).isEqualTo("3 of 5 seats in use.");
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.navigate().refresh();
            JavascriptExecutor js = (JavascriptExecutor) browser;
            long viewport = ((Number) js.executeScript("return document.documentElement.clientWidth;")).longValue();
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue())
                    .isLessThanOrEqualTo(viewport);
            noSeriousViolations();
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }
    }

    @Test
    void aGiftIsBoughtWithoutAnAccountAndRedeemed() throws Exception {
        browser.get(base + "/");
        browser.manage().deleteAllCookies();
        browser.get(base + "/subscribe");
        Browser.navigating(browser, () -> browser.findElement(By.cssSelector("#more-ways a[href='/gift']"))
                .click());
        noSeriousViolations();
        int mails = MAIL.getReceivedMessages().length;
        browser.findElement(By.id("gift-buyer")).sendKeys("aunt@example.org");
        browser.findElement(By.id("gift-recipient")).sendKeys("nephew@example.org");
        browser.findElement(By.id("gift-message")).sendKeys("Stay safe out there.");
        Browser.navigating(browser, () -> browser.findElement(By.id("buy-gift")).click());
        assertThat(browser.findElement(By.id("gift-sent")).getText()).contains("nephew@example.org");
        Matcher redeem = Pattern.compile("http://\\S+(/gift/redeem\\?token=[A-Za-z0-9_-]+)")
                .matcher(mailTo("nephew@example.org", mails + 2));
        assertThat(redeem.find()).isTrue();

        browser.manage().deleteAllCookies();
        browser.get(base + redeem.group(1));
        assertThat(browser.findElement(By.cssSelector(".gift-message")).getText())
                .isEqualTo("Stay safe out there.");
        noSeriousViolations();
        Browser.navigating(browser, () -> browser.findElement(By.cssSelector("#sign-in-first a[href^='/join']"))
                .click());
        joinByMail("nephew@example.org");
        waitFor().until(ExpectedConditions.urlContains("/gift/redeem"));
        Browser.navigating(
                browser, () -> browser.findElement(By.id("redeem-gift")).click());
        waitFor().until(ExpectedConditions.urlMatches("/account$"));
        assertThat(browser.findElement(By.id("account-plan")).getText()).isEqualTo("Subscriber");
        browser.get(base + "/memos/border-memo");
        assertThat(browser.findElement(By.cssSelector(".body")).getText()).contains("PAID-ONLY assessment");
    }

    @Test
    void theAdministratorsLicencesPageIsReachableAndAccessible() throws Exception {
        accounts.create("licences.admin@example.org", "Licences Admin", "a long admin password", Role.ADMIN);
        browser.get(base + "/");
        browser.manage().deleteAllCookies();
        browser.get(base + "/signin");
        browser.findElement(By.cssSelector("form[action='/signin'] input[name='username']"))
                .sendKeys("licences.admin@example.org");
        browser.findElement(By.cssSelector("form[action='/signin'] input[name='password']"))
                .sendKeys("a long admin password");
        Browser.navigating(
                browser, () -> browser.findElement(By.cssSelector("form[action='/signin'] button[type='submit']"))
                        .click());
        browser.get(base + "/admin/paywall");
        Browser.navigating(browser, () -> browser.findElement(By.cssSelector(".subnav a[href='/admin/licences']"))
                .click());
        browser.findElement(By.id("new-name")).sendKeys("Embassy of Testland");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('new-until').value = '2026-12-31';");
        Browser.navigating(browser, () -> browser.findElement(By.cssSelector("#new-site-licence button"))
                .click());
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Embassy of Testland created");
        browser.findElement(By.cssSelector("section.organisation input[name='cidr']"))
                .sendKeys("0.0.0.0/0");
        Browser.navigating(browser, () -> browser.findElement(
                        By.cssSelector("section.organisation form[action$='/ranges'] button"))
                .click());
        assertThat(browser.findElement(By.cssSelector(".error")).getText()).contains("too wide");
        browser.findElement(By.cssSelector("section.organisation input[name='cidr']"))
                .sendKeys("198.51.100.0/24");
        Browser.navigating(browser, () -> browser.findElement(
                        By.cssSelector("section.organisation form[action$='/ranges'] button"))
                .click());
        assertThat(browser.findElement(By.cssSelector("li.range code")).getText())
                .isEqualTo("198.51.100.0/24");
        noSeriousViolations();
    }
}
