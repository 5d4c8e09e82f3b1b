package org.sitrep.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sitrep.members.Role;
import org.sitrep.members.UserAccounts;
import org.sitrep.testsupport.Axe;
import org.sitrep.testsupport.Browser;
import org.sitrep.testsupport.TestDatabases;
import org.sitrep.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Reported deaths as an analyst meets them in headless Chromium: the tracker's panel and the event's review page show
 * the figure with the words it was read from (escaped: ingested text is untrusted); the analyst corrects it by
 * keyboard, a figure that is no count is refused next to the field, and the panel shows the correction. axe finds
 * nothing serious on the review page with its refused form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FatalitiesBrowserTest {
    static final String PASSWORD = "long enough passphrase", ANALYST = "deaths-analyst@example.org";
    static final String SENTENCE = "A car bomb exploded in Azaz, killing at least seven <b>people</b>.";
    static final String WORDS = "killing at least seven <b>people</b>";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    WebDriver browser;
    long bomb;

    @BeforeAll
    void setUp() {
        TestEvents events = new TestEvents(jdbc);
        String text = "Car bomb in Azaz\n\n" + SENTENCE;
        long doc = events.document("Car bomb in Azaz", "Wire D", LocalDate.of(2026, 11, 30), text);
        bomb = events.event(
                doc,
                TestEvents.spec(
                                "Explosions/Remote violence",
                                "Remote explosive/landmine/IED",
                                LocalDate.of(2026, 11, 30))
                        .at("Azaz", "SY", "Aleppo", 36.586, 37.044, 170017L)
                        .evidence(SENTENCE, "exploded")
                        .confidence(0.8));
        int start = text.indexOf(WORDS);
        // what the engine's store writes for "killing at least seven people" (FatalitiesContract tests that write)
        jdbc.sql(
                        "UPDATE intel_events SET fatalities = 7, fatalities_low = 7, fatalities_high = NULL, fatalities_text = :w, "
                                + "fatalities_start = :s, fatalities_end = :e WHERE id = :id")
                .param("w", WORDS)
                .param("s", start)
                .param("e", start + WORDS.length())
                .param("id", bomb)
                .update();
        accounts.create(ANALYST, "Deaths Analyst", PASSWORD, Role.ANALYST);
        browser = Browser.start();
    }

    @AfterAll
    void close() {
        if (browser != null) browser.quit();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    FluentWait<WebDriver> waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);
    }

    void signIn() {
        browser.manage().deleteAllCookies();
        browser.get(url("/signin"));
        browser.findElement(By.id("username")).sendKeys(ANALYST);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        Browser.navigating(
                browser, () -> browser.findElement(By.cssSelector("form[action='/signin'] button[type=submit]"))
                        .click());
    }

    String panelDeaths() {
        browser.get(url("/tracker"));
        WebElement link = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.cssSelector("#event-list .event-link")));
        link.sendKeys(Keys.ENTER);
        WebElement panel = browser.findElement(By.id("event-panel"));
        waitFor().until(d -> panel.isDisplayed());
        waitFor().until(d -> !d.findElement(By.id("panel-deaths")).getText().isBlank());
        return browser.findElement(By.id("panel-deaths")).getText();
    }

    @Test
    void theAnalystSeesTheDeathsWithTheirWordsAndCorrectsThem() throws IOException {
        signIn();
        assertThat(panelDeaths()).isEqualTo("at least 7 killed (“" + WORDS + "”)");
        assertThat(browser.findElements(By.cssSelector("#panel-deaths b")))
                .as("the words are text, not markup")
                .isEmpty();

        browser.get(url("/intel/events/" + bomb));
        assertThat(browser.findElement(By.id("deaths")).getText()).isEqualTo("at least 7 killed (“" + WORDS + "”)");
        WebElement field = browser.findElement(By.id("fatalities"));
        assertThat(field.getAttribute("value")).isEqualTo("7");

        // a figure that is no count: refused next to the field, the page still whole and accessible
        field.clear();
        field.sendKeys("seven or so");
        Browser.navigating(browser, () -> field.sendKeys(Keys.ENTER));
        assertThat(browser.findElement(By.cssSelector("#fatalities ~ .field-error"))
                        .getText())
                .contains("number of people reported killed");
        assertThat(browser.getPageSource()).doesNotContain("Exception");
        assertThat(Axe.seriousViolations(browser)).isEmpty();

        WebElement again = browser.findElement(By.id("fatalities"));
        again.clear();
        again.sendKeys("9");
        Browser.navigating(browser, () -> again.sendKeys(Keys.ENTER));
        waitFor().until(d -> d.findElement(By.id("deaths")).getText().startsWith("9 killed"));
        assertThat(Axe.seriousViolations(browser)).isEmpty();

        assertThat(panelDeaths()).startsWith("9 killed");
        Integer stored = jdbc.sql("SELECT fatalities FROM intel_events WHERE id = :id")
                .param("id", bomb)
                .query(Integer.class)
                .single();
        assertThat(stored).isEqualTo(9);
    }
}
