package org.sitrep.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sitrep.members.Role;
import org.sitrep.members.UserAccounts;
import org.sitrep.testsupport.Axe;
import org.sitrep.testsupport.Browser;
import org.sitrep.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Trends and "Draft a situation report" in headless Chromium, signed in as an editor, at 1366 and 390 px: the chart
 * and its table, the change map image, the place page's section, the drafting form and the draft it opens; axe finds
 * nothing serious and nothing scrolls sideways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendsBrowserTest {
    static final String EDITOR = "editor@example.org", PASSWORD = "editor long passphrase";

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

    @BeforeAll
    void setUp() {
        new TrackerFixture(jdbc);
        accounts.create(EDITOR, "Desk Editor", PASSWORD, Role.EDITOR);
        browser = Browser.start();
        browser.get(url("/signin"));
        browser.findElement(By.id("username")).sendKeys(EDITOR);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[action='/signin'] button[type=submit]"))
                .click();
        waitFor().until(d -> !d.getCurrentUrl().contains("/signin"));
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

    void fitsAndPassesAxe(String what) throws Exception {
        assertThat(Axe.seriousViolations(browser)).as(what).isEmpty();
        Object sideways = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(sideways).as(what + " scrolls sideways").isEqualTo(false);
    }

    @Test
    void trendsPlacePagesAndTheDraftingFormAtBothWidths() throws Exception {
        for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            browser.get(url("/tracker/trends"));
            assertThat(browser.findElement(By.cssSelector(".trend-chart svg")).isDisplayed())
                    .isTrue();
            waitFor()
                    .until(
                            d -> (Boolean)
                                    ((JavascriptExecutor) d)
                                            .executeScript(
                                                    "const i = document.querySelector('img.change-map'); return i.complete && i.naturalWidth === 800"));
            assertThat(browser.findElements(By.cssSelector(".changes tbody tr")))
                    .isNotEmpty();
            assertThat(browser.findElement(By.cssSelector("img.change-map-deaths"))
                            .isDisplayed())
                    .isFalse();
            fitsAndPassesAxe("trends at " + size);
            // the change map of reported deaths: chosen by its label (a person's click), shown and loaded, the other
            // hidden
            browser.findElement(By.xpath("//fieldset[@class='change-measure']//label[contains(., 'Reported deaths')]"))
                    .click();
            waitFor()
                    .until(
                            d -> (Boolean)
                                    ((JavascriptExecutor) d)
                                            .executeScript(
                                                    "const i = document.querySelector('img.change-map-deaths'); return i.complete && i.naturalWidth === 800"));
            assertThat(browser.findElement(By.cssSelector("img.change-map-deaths"))
                            .isDisplayed())
                    .isTrue();
            assertThat(browser.findElement(By.cssSelector("img.change-map-events"))
                            .isDisplayed())
                    .isFalse();
            fitsAndPassesAxe("trends with the deaths change map at " + size);

            browser.get(url("/tracker/places/" + TrackerFixture.ALEPPO));
            assertThat(browser.findElements(By.cssSelector(".trends .trend-chart svg")))
                    .hasSize(1);
            fitsAndPassesAxe("place page at " + size);

            browser.get(url("/newsroom/situation-reports/new"));
            fitsAndPassesAxe("drafting form at " + size);
        }
    }

    @Test
    void anEditorDraftsAReportAndLandsInTheEditor() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/newsroom"));
        browser.findElement(By.linkText("Draft a situation report")).click();
        waitFor().until(d -> d.getCurrentUrl().endsWith("/newsroom/situation-reports/new"));
        browser.findElement(By.cssSelector("input[name=country][value=SY]")).click();
        ((JavascriptExecutor) browser)
                .executeScript(
                        "document.getElementById('from').value = '2026-03-01'; document.getElementById('to').value = '2026-03-31';");
        browser.findElement(By.cssSelector("form[action='/newsroom/situation-reports'] button[type=submit]"))
                .click();
        waitFor().until(d -> d.getCurrentUrl().matches(".*/newsroom/pieces/\\d+$"));
        assertThat(browser.findElement(By.id("headline")).getAttribute("value"))
                .isEqualTo("Syria situation report, 1 Mar 2026 to 31 Mar 2026");
        assertThat(browser.findElement(By.id("body")).getAttribute("value"))
                .contains("## Key events")
                .contains("2 events");
        fitsAndPassesAxe("the drafted report in the editor");
    }
}
