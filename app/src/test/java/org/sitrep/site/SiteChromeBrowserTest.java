package org.sitrep.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sitrep.testsupport.Axe;
import org.sitrep.testsupport.Browser;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestDatabases;
import org.sitrep.testsupport.TestMail;
import org.sitrep.testsupport.TestPieces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 11's first ten minutes, in headless Chromium on the embedded default (an H2 file, test
 * payments on by themselves) with GreenMail as the SMTP server: a reader on an article joins from
 * the masthead, follows the emailed link and is back on the same article, signed in; on a phone,
 * through the folded menu, another reader signs in by link and is back on theirs. axe checks each page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestPropertySource(properties = "sitrep.sample-content=false")
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteChromeBrowserTest {
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

    WebDriver browser;
    final String base = "http://localhost:" + PORT;
    final List<String> accessibility = new ArrayList<>();

    @BeforeAll
    void seed() {
        TestPieces fixture = new TestPieces(jdbc, events);
        fixture.piece("truce-holds")
                .kind("NEWS")
                .headline("The truce holds")
                .standfirst("Calm on the front")
                .body("<p>The truce held overnight.</p><p>Both sides reported calm.</p><p>More later.</p>")
                .insert();
        fixture.piece("what-comes-next")
                .kind("ANALYSIS")
                .headline("What comes next")
                .standfirst("Our analysis")
                .body("<p>An analysis of the truce.</p><p>Second paragraph.</p>")
                .insert();
        browser = Browser.start();
    }

    @AfterAll
    void quit() {
        if (browser != null) browser.quit();
        MAIL.stop();
    }

    WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    void accessible(String page) throws Exception {
        for (String v : Axe.seriousViolations(browser)) accessibility.add(page + ": " + v);
    }

    /** The sign-in link in the newest mail to arrive (after {@code before} mails). */
    String signInLink(int before) throws Exception {
        assertThat(MAIL.waitForIncomingEmail(15_000, before + 1))
                .as("the sign-in mail arrives")
                .isTrue();
        String body = GreenMailUtil.getBody(MAIL.getReceivedMessages()[before]).replace("=\r\n", "");
        Matcher link = Pattern.compile(
                        Pattern.quote(base) + "/signin/link\\?token=[A-Za-z0-9_-]+(&next=[A-Za-z0-9%._-]+)?")
                .matcher(body);
        assertThat(link.find()).as("the mail holds a sign-in link").isTrue();
        return link.group();
    }

    @Test
    void aReaderJoinsFromTheMastheadAndIsBackOnTheArticleOnDesktopAndOnAPhone() throws Exception {
        // Desktop: the masthead offers Join; the reader joins and the emailed link brings them back.
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(base + "/news/truce-holds");
        browser.manage().deleteAllCookies();
        browser.get(base + "/news/truce-holds");
        accessible("article, signed out, desktop");
        assertThat(browser.findElement(By.id("reader-menu-toggle")).isDisplayed())
                .as("no menu button on a wide screen")
                .isFalse();
        Browser.navigating(
                browser, () -> browser.findElement(By.id("masthead-join")).click());
        assertThat(browser.getCurrentUrl()).endsWith("/join?next=%2Fnews%2Ftruce-holds");
        accessible("/join");
        browser.findElement(By.id("join-email")).sendKeys("rana@example.org");
        browser.findElement(By.id("join-name")).sendKeys("Rana Reader");
        Browser.navigating(
                browser, () -> browser.findElement(By.cssSelector("form[action='/join'] button[type=submit]"))
                        .click());
        assertThat(browser.findElement(By.id("link-sent")).isDisplayed()).isTrue();
        String link = signInLink(0);
        assertThat(link).endsWith("&next=%2Fnews%2Ftruce-holds");
        browser.get(link);
        accessible("sign-in link");
        Browser.navigating(
                browser, () -> browser.findElement(By.id("confirm-signin")).click());
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/news/truce-holds");
        assertThat(browser.findElement(By.id("masthead-account")).getText())
                .contains("Rana Reader")
                .contains("Free member");
        assertThat(browser.findElements(By.id("masthead-join"))).isEmpty();
        accessible("article, signed in, desktop");

        // Phone: a new reader; the masthead's links fold behind a real button.
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + "/analysis/what-comes-next");
        WebElement menu = browser.findElement(By.id("reader-menu-toggle"));
        assertThat(menu.isDisplayed()).isTrue();
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.findElement(By.id("masthead-signin")).isDisplayed())
                .as("folded")
                .isFalse();
        accessible("article, signed out, phone, menu folded");
        menu.click();
        assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("masthead-signin")));
        accessible("article, signed out, phone, menu open");
        assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing scrolls sideways")
                .isTrue();
        Browser.navigating(
                browser, () -> browser.findElement(By.id("masthead-signin")).click());
        assertThat(browser.getCurrentUrl()).endsWith("/signin?next=%2Fanalysis%2Fwhat-comes-next");
        accessible("/signin, phone");
        browser.findElement(By.id("link-email")).sendKeys("sami@example.org");
        Browser.navigating(
                browser, () -> browser.findElement(By.id("email-link")).click());
        browser.get(signInLink(1));
        Browser.navigating(
                browser, () -> browser.findElement(By.id("confirm-signin")).click());
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/analysis/what-comes-next");
        browser.findElement(By.id("reader-menu-toggle")).click();
        assertThat(waitFor()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("masthead-account")))
                        .getText())
                .contains("sami");
        accessible("article, signed in, phone, menu open");

        assertThat(accessibility).as("serious or critical axe-core violations").isEmpty();
    }
}
