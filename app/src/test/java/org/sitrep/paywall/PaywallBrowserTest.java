package org.sitrep.paywall;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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
 * An anonymous reader in headless Chromium reads three pieces and hits the meter on the fourth,
 * then joins by the emailed link (the mail arrives at a real SMTP server) and reads on; the offer
 * is a clear, accessible box on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "sitrep.sample-content=false")
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaywallBrowserTest {
    static final GreenMail MAIL = TestMail.start();

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

    WebDriver browser;

    @BeforeAll
    void seed() {
        clock.set(TestClockConfig.START);
        TestPieces fixture = new TestPieces(jdbc, events);
        for (int i = 1; i <= 4; i++) {
            fixture.piece("ceasefire-day-" + i)
                    .kind("NEWS")
                    .headline("Ceasefire, day " + i)
                    .body("<p>Day " + i + " opened quietly.</p><p>Crossings stayed open.</p><p>HIDDEN-LATER paragraph "
                            + i + ".</p>")
                    .insert();
        }
        browser = Browser.start();
    }

    WebDriverWait waitFor() {
        return new WebDriverWait(browser, java.time.Duration.ofSeconds(15));
    }

    @AfterAll
    void quit() {
        if (browser != null) browser.quit();
        MAIL.stop();
    }

    @Test
    void theFourthPieceOfTheMonthIsCutAndOffersASubscription() {
        String base = "http://localhost:" + port;
        browser.get(base + "/");
        browser.manage().deleteAllCookies(); // a new anonymous visitor, whatever ran before
        for (int i = 1; i <= 3; i++) {
            browser.get(base + "/news/ceasefire-day-" + i);
            assertThat(browser.findElement(By.cssSelector(".body")).getText()).contains("HIDDEN-LATER paragraph " + i);
            // Before the last free piece, how many are left; on the last one, that it is the last.
            assertThat(browser.findElement(By.id("meter-notice")).getText())
                    .contains(i < 3 ? (3 - i) + " free piece" : "This is your last free piece");
        }
        browser.get(base + "/news/ceasefire-day-4");
        assertThat(browser.findElement(By.cssSelector(".body")).getText()).contains("Day 4 opened quietly.");
        assertThat(browser.getPageSource()).doesNotContain("HIDDEN-LATER");
        assertThat(browser.findElement(By.id("paywall-offer")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("paywall-offer")).getText())
                .contains("Join our community of readers")
                .contains("Subscribe. Only $100 per year.");
        browser.findElement(By.cssSelector("#paywall-offer .offer-price a")).click();
        waitFor().until(ExpectedConditions.urlMatches("/subscribe$"));
        assertThat(browser.findElement(By.cssSelector("main")).getText())
                .contains("Annual")
                .contains("$100 per year")
                .contains("Monthly")
                .contains("$10 per month");
    }

    @Test
    void theOfferIsAClearAccessibleBoxOnAPhone() throws Exception {
        String base = "http://localhost:" + port;
        browser.manage().window().setSize(new Dimension(375, 800));
        try {
            browser.get(base + "/");
            browser.manage().deleteAllCookies();
            for (int i = 1; i <= 4; i++) browser.get(base + "/news/ceasefire-day-" + i);
            WebElement offer = browser.findElement(By.id("paywall-offer"));
            assertThat(offer.isDisplayed()).isTrue();
            assertThat(offer.findElement(By.cssSelector("h2")).getText()).isEqualTo("Join our community of readers");
            assertThat(offer.findElement(By.cssSelector(".offer-text")).getText())
                    .startsWith("Experience all of our coverage");
            WebElement subscribe = offer.findElement(By.cssSelector(".offer-price a.button"));
            assertThat(subscribe.getText()).isEqualTo("Subscribe. Only $100 per year.");
            assertThat(offer.findElement(By.cssSelector(".offer-signin a")).getAttribute("href"))
                    .endsWith("/signin");

            // A box: tinted, bordered, set apart from the text; the button looks like one and is big enough to tap.
            assertThat(offer.getCssValue("background-color"))
                    .isNotEqualTo(browser.findElement(By.tagName("body")).getCssValue("background-color"));
            assertThat(offer.getCssValue("border-top-width")).isEqualTo("4px");
            assertThat(subscribe.getCssValue("background-color")).isEqualTo("rgba(143, 29, 33, 1)");
            assertThat(subscribe.getCssValue("color")).isEqualTo("rgba(255, 255, 255, 1)");
            assertThat(subscribe.getSize().getHeight()).isGreaterThanOrEqualTo(44);
            // On a 375 px phone: nothing sideways, the box and its button within the screen.
            JavascriptExecutor js = (JavascriptExecutor) browser;
            long viewport = ((Number) js.executeScript("return document.documentElement.clientWidth;")).longValue();
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue())
                    .isLessThanOrEqualTo(viewport);
            assertThat(offer.getRect().getX() + offer.getRect().getWidth()).isLessThanOrEqualTo((int) viewport);
            assertThat(subscribe.getRect().getX() + subscribe.getRect().getWidth())
                    .isLessThanOrEqualTo((int) viewport);
            assertThat(Axe.seriousViolations(browser)).isEmpty();
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void aStoppedReaderJoinsByEmailLinkAndReadsOn() throws Exception {
        String base = "http://localhost:" + port;
        browser.get(base + "/");
        browser.manage().deleteAllCookies();
        for (int i = 1; i <= 4; i++) browser.get(base + "/news/ceasefire-day-" + i);
        assertThat(browser.getPageSource()).doesNotContain("HIDDEN-LATER paragraph 4");
        browser.get(base + "/join");
        browser.findElement(By.id("join-email")).sendKeys("new.reader@example.org");
        browser.findElement(By.id("join-name")).sendKeys("New Reader");
        browser.findElement(By.cssSelector("form[action='/join'] button")).click();
        assertThat(waitFor()
                        .until(ExpectedConditions.presenceOfElementLocated(By.id("link-sent")))
                        .getText())
                .contains("If that address can sign in");

        assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        Matcher link = Pattern.compile("http://\\S+/signin/link\\?token=[A-Za-z0-9_-]+")
                .matcher(GreenMailUtil.getBody(MAIL.getReceivedMessages()[0]).replace("=\r\n", ""));
        assertThat(link.find()).isTrue();
        String path = link.group().substring(link.group().indexOf("/signin/link"));
        browser.get(base + path);
        browser.findElement(By.id("confirm-signin")).click();
        waitFor().until(ExpectedConditions.urlMatches("/account$"));
        assertThat(browser.findElement(By.id("account-email")).getText()).isEqualTo("new.reader@example.org");
        assertThat(browser.findElement(By.id("account-plan")).getText()).isEqualTo("Free member");

        // A member has a meter of their own: the fourth piece reads in full now.
        browser.get(base + "/news/ceasefire-day-4");
        assertThat(browser.findElement(By.cssSelector(".body")).getText()).contains("HIDDEN-LATER paragraph 4");
    }
}
