package org.sitrep.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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
 * The tracker in headless Chromium, signed in as an analyst: the offline basemap and the markers are
 * drawn, filters and the timeline change what is shown and the URL, the panel shows the evidence
 * marked in its article (hostile text stays text), the keyboard reaches and closes everything, and
 * axe-core finds nothing serious at desktop and phone widths (where nothing scrolls sideways either).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "sitrep.sample-content=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackerBrowserTest {
    static final String ANALYST = "analyst@example.org", PASSWORD = "analyst long passphrase";

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

    TrackerFixture fixture;
    WebDriver browser;

    @BeforeAll
    void setUp() {
        fixture = new TrackerFixture(jdbc);
        accounts.create(ANALYST, "Desk Analyst", PASSWORD, Role.ANALYST);
        browser = Browser.start();
        browser.get(url("/signin"));
        browser.findElement(By.id("username")).sendKeys(ANALYST);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[action='/signin'] button[type=submit]"))
                .click();
        waitFor().until(d -> !d.getCurrentUrl().contains("/signin"));
    }

    @AfterAll
    void close() {
        if (browser != null) browser.quit();
    }

    @BeforeEach
    void desktop() {
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The script swaps the list and redraws labels as it goes: retry reads that land in between. */
    FluentWait<WebDriver> waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    void openTracker(String query) {
        browser.get(url("/tracker" + query));
        waitFor().until(d -> !d.findElement(By.id("map-status")).getText().isBlank());
    }

    String status() {
        return browser.findElement(By.id("map-status")).getText();
    }

    List<String> listedTypes() {
        return browser.findElements(By.cssSelector("#event-list .event-link")).stream()
                .map(a -> a.findElements(By.tagName("span")).get(1).getText())
                .toList();
    }

    @Test
    void mapDrawsTheOfflineBasemapTownLabelsAndOneMarkerPerPlacedEvent() {
        openTracker("");
        waitFor()
                .until(d ->
                        d.findElements(By.cssSelector("path.tracker-country")).size() > 100);
        // Town labels come from the GeoNames gazetteer: the big cities in view.
        waitFor().until(d -> d.findElements(By.cssSelector(".place-label")).stream()
                .map(WebElement::getText)
                .toList()
                .containsAll(List.of("Baghdad", "Damascus", "Aleppo")));
        assertThat(status()).isEqualTo("Showing 3 of 4 events on the map (1 have no place).");
        // Markers are clustered: every placed event is a marker or counted in a cluster, each with its letter.
        waitFor().until(d -> markersAndClustered() == 3);
        for (WebElement m : browser.findElements(By.cssSelector(".event-marker"))) {
            assertThat(m.getAttribute("tabindex")).isEqualTo("0");
            assertThat(m.getAttribute("title")).isNotBlank();
            assertThat(m.getText()).isIn("B", "E", "P");
        }
        // The list is the accessible alternative: the four default-shown events, the rejected one left out.
        assertThat(listedTypes())
                .containsExactly("Protests", "Explosions/Remote violence", "Strategic developments", "Battles");
        assertThat(browser.findElement(By.id("list-count")).getText()).startsWith("Showing 4 of 4 events");
    }

    @Test
    void provinceBordersAreDrawnForTheCountriesInViewAndOnlyWhenZoomedIn() {
        openTracker("");
        // the events' view (Syria, Iraq) is zoomed in enough: Natural Earth admin-1 borders of the countries in view
        waitFor().until(d -> !d.findElements(By.cssSelector("path.tracker-admin1"))
                .isEmpty());
        int inView = browser.findElements(By.cssSelector("path.tracker-admin1")).size();
        assertThat(inView).as("countries drawn (a path each), not all 194").isBetween(2, 40);
        // zoomed out to a continent, they go
        for (int i = 0; i < 4; i++) {
            browser.findElement(By.cssSelector("#map .leaflet-control-zoom-out"))
                    .click();
            waitFor().until(d -> !d.findElement(By.id("map"))
                    .getAttribute("class")
                    .contains("leaflet-zoom-anim")); // one step at a time
        }
        waitFor().until(d -> d.findElements(By.cssSelector("path.tracker-admin1"))
                .isEmpty());
    }

    long markersAndClustered() {
        long single = browser.findElements(By.cssSelector(".event-marker")).size();
        long inClusters = browser.findElements(By.cssSelector(".event-cluster .cluster-count")).stream()
                .mapToLong(c -> Long.parseLong(c.getText().replaceAll("\\D", "")))
                .sum();
        return single + inClusters;
    }

    @Test
    void filtersChangeTheMapTheListAndTheUrl() {
        openTracker("");
        browser.findElement(By.cssSelector("label[for=type-protests]")).click();
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        waitFor().until(d -> d.getCurrentUrl().contains("type=Protests"));
        waitFor().until(d -> listedTypes().equals(List.of("Protests")));
        waitFor().until(d -> status().equals("Showing 1 of 1 events on the map."));

        // The URL is the view: reloading it shows the same.
        browser.navigate().refresh();
        waitFor().until(d -> status().equals("Showing 1 of 1 events on the map."));
        assertThat(browser.findElement(By.id("type-protests")).isSelected()).isTrue();
        assertThat(listedTypes()).containsExactly("Protests");

        // Review state: the rejected event is shown when asked for.
        openTracker("?state=rejected");
        assertThat(listedTypes()).containsExactly("Battles");
        assertThat(browser.findElement(By.cssSelector("#event-list .meta")).getText())
                .contains("Shelling near Idlib");
    }

    @Test
    void dateInputsAndTheTimelineBrushFilterTheMapAndTheList() {
        openTracker("");
        waitFor().until(d -> !d.findElements(By.cssSelector("#timeline rect.bar"))
                .isEmpty());
        assertThat(browser.findElements(By.cssSelector("#timeline rect.bar.type-battles")))
                .isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#timeline rect.bar.type-protests")))
                .isNotEmpty();

        // Keyboard alternative: typing dates applies them.
        js(
                "var f = document.getElementById('from'); f.value = '2026-03-15'; f.dispatchEvent(new Event('change', {bubbles: true}));");
        waitFor().until(d -> d.getCurrentUrl().contains("from=2026-03-15"));
        waitFor().until(d -> listedTypes().equals(List.of("Protests", "Explosions/Remote violence")));
        waitFor().until(d -> status().equals("Showing 2 of 2 events on the map."));

        // Brushing: drag across the first part of the timeline (March) and the dates follow.
        openTracker("");
        waitFor().until(d -> !d.findElements(By.cssSelector("#timeline rect.bar"))
                .isEmpty());
        WebElement chart = browser.findElement(By.cssSelector("#timeline svg"));
        int width = chart.getRect().getWidth();
        new Actions(browser)
                .moveToElement(chart, -width / 2 + 12, 0)
                .clickAndHold()
                .moveToElement(chart, -width / 2 + width / 3, 0)
                .release()
                .perform();
        waitFor()
                .until(d -> d.getCurrentUrl().contains("from=2026-03-02")
                        && d.getCurrentUrl().contains("to=2026-03-"));
        String to = browser.findElement(By.id("to")).getAttribute("value");
        assertThat(to).startsWith("2026-03-");
        waitFor().until(d -> !listedTypes().contains("Protests"));
        assertThat(listedTypes()).contains("Battles");
        // The timeline now spans the brushed dates.
        waitFor().until(d -> d.findElement(By.cssSelector("#timeline .axis-from"))
                .getText()
                .equals("2 Mar 2026"));
    }

    @Test
    void theListOpensThePanelWithTheEvidenceMarkedAndEscapeClosesIt() {
        openTracker("?type=Battles");
        WebElement link = browser.findElement(By.cssSelector("#event-list .event-link"));
        link.sendKeys(Keys.ENTER);
        WebElement panel = browser.findElement(By.id("event-panel"));
        waitFor().until(d -> panel.isDisplayed());
        waitFor().until(d -> "panel-title".equals(d.switchTo().activeElement().getAttribute("id")));
        assertThat(browser.findElement(By.id("panel-type")).getText()).isEqualTo("Battles");
        assertThat(browser.findElement(By.id("panel-actors")).getText())
                .isEqualTo("Northern Brigade; Government forces");
        assertThat(browser.findElement(By.id("panel-place")).getText())
                .contains("Aleppo")
                .contains("precision: city");
        assertThat(browser.findElement(By.id("panel-date")).getText()).isEqualTo("2 Mar 2026 (“on Monday”)");
        assertThat(browser.findElement(By.id("panel-source")).getText())
                .isEqualTo("Clashes in Aleppo (Wire A, 3 Mar 2026)");
        assertThat(browser.findElement(By.id("panel-review")).getAttribute("href"))
                .endsWith("/intel/events/" + fixture.aleppoEvent);
        assertThat(browser.findElement(By.cssSelector("#panel-article mark.evidence"))
                        .getText())
                .isEqualTo(TrackerFixture.ALEPPO_SENTENCE);
        assertThat(browser.findElement(By.id("panel-article")).getText())
                .startsWith("Opening paragraph")
                .contains("Closing paragraph.");

        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        waitFor().until(d -> !panel.isDisplayed());
        assertThat(browser.switchTo().activeElement().getAttribute("data-event-id"))
                .isEqualTo(String.valueOf(fixture.aleppoEvent));
    }

    @Test
    void aMarkerOpensThePanelFromTheKeyboardAndTheCloseButtonReturnsFocus() {
        openTracker("?type=Protests");
        waitFor().until(d -> d.findElements(By.cssSelector(".event-marker")).size() == 1);
        WebElement marker = browser.findElement(By.cssSelector(".event-marker"));
        js("arguments[0].focus();", marker);
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        WebElement panel = browser.findElement(By.id("event-panel"));
        waitFor().until(d -> panel.isDisplayed());
        assertThat(browser.findElement(By.id("panel-type")).getText()).isEqualTo("Protests");
        assertThat(browser.findElement(By.id("panel-state")).getText()).isEqualTo("Confirmed");
        // The close button sits just before the focused title: Shift+Tab reaches it; it closes and focus goes back to
        // the marker.
        waitFor().until(d -> "panel-title".equals(d.switchTo().activeElement().getAttribute("id")));
        new Actions(browser)
                .keyDown(Keys.SHIFT)
                .sendKeys(Keys.TAB)
                .keyUp(Keys.SHIFT)
                .perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("panel-close");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        waitFor().until(d -> !panel.isDisplayed());
        assertThat(browser.switchTo().activeElement().getAttribute("class")).contains("event-marker");
    }

    @Test
    void hostileTextInTitlesActorsAndEvidenceIsShownAsText() {
        openTracker("?type=Explosions%2FRemote+violence");
        assertThat(browser.findElement(By.cssSelector("#event-list .meta")).getText())
                .contains(TrackerFixture.HOSTILE_TITLE);
        browser.findElement(By.cssSelector("#event-list .event-link")).click();
        WebElement panel = browser.findElement(By.id("event-panel"));
        waitFor().until(d -> panel.isDisplayed());
        assertThat(browser.findElement(By.cssSelector("#panel-article mark.evidence"))
                        .getText())
                .isEqualTo(TrackerFixture.HOSTILE_SENTENCE);
        assertThat(browser.findElement(By.id("panel-source")).getText()).contains(TrackerFixture.HOSTILE_TITLE);
        assertThat(browser.findElement(By.id("panel-actors")).getText()).isEqualTo("<b>Unknown</b> drone operator");
        assertThat(browser.findElements(
                        By.cssSelector("#event-panel img, #event-panel script, #event-list img, #event-panel b")))
                .isEmpty();
        assertThat(js("return window.pwned === undefined;")).isEqualTo(true);

        browser.get(url("/tracker/events/" + fixture.hostileEvent));
        assertThat(browser.findElement(By.cssSelector("mark.evidence")).getText())
                .isEqualTo(TrackerFixture.HOSTILE_SENTENCE);
        assertThat(browser.findElements(By.cssSelector("main img, main script")))
                .isEmpty();
        assertThat(js("return window.pwned === undefined;")).isEqualTo(true);
    }

    @Test
    void aPlacePageCentresItsMapOnThePlaceAndItsMarkerOpensTheEvent() {
        browser.get(url("/tracker/places/" + TrackerFixture.ALEPPO));
        waitFor()
                .until(d -> d.findElements(By.cssSelector("#profile-map path.tracker-country"))
                                .size()
                        > 100);
        waitFor().until(d -> d.findElement(By.id("profile-map-status"))
                .getText()
                .equals("Showing 1 of 1 events on the map."));
        // zoomed in on a town, the governorates' borders and names are drawn too (Natural Earth admin-1)
        waitFor().until(d -> !d.findElements(By.cssSelector("#profile-map path.tracker-admin1"))
                .isEmpty());
        waitFor().until(d -> !d.findElements(By.cssSelector("#profile-map .admin1-label"))
                .isEmpty());
        // Labels are decluttered: no province name is drawn over a town's, nor a town's over another's.
        Object overlapping = js("""
                var boxes = Array.from(document.querySelectorAll('#profile-map .place-label, #profile-map .admin1-label'))
                  .map(function (e) { return e.getBoundingClientRect(); });
                var n = 0;
                for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
                  var a = boxes[i], b = boxes[j];
                  if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) n++;
                }
                return n;""");
        assertThat(overlapping).isEqualTo(0L);
        WebElement marker = browser.findElement(By.cssSelector("#profile-map .event-marker"));
        assertThat(marker.getText()).isEqualTo("B");
        js("arguments[0].focus();", marker);
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        waitFor().until(d -> d.getCurrentUrl().endsWith("/tracker/events/" + fixture.aleppoEvent));
        assertThat(browser.findElement(By.cssSelector("mark.evidence")).getText())
                .isEqualTo(TrackerFixture.ALEPPO_SENTENCE);

        browser.get(url("/tracker/actors/Northern%20Brigade"));
        waitFor().until(d -> d.findElement(By.id("profile-map-status"))
                .getText()
                .equals("Showing 1 of 2 events on the map (1 have no place)."));
    }

    @Test
    void noSeriousAccessibilityViolationsAtDesktopOrPhoneWidth() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(375, 800))) {
            browser.manage().window().setSize(size);
            for (String path : List.of(
                    "/tracker",
                    "/tracker/events/" + fixture.aleppoEvent,
                    "/tracker?from=bad",
                    "/tracker/places/" + TrackerFixture.ALEPPO,
                    "/tracker/actors/Northern%20Brigade")) {
                browser.get(url(path));
                if (path.startsWith("/tracker/places") || path.startsWith("/tracker/actors")) {
                    waitFor().until(d -> !d.findElement(By.id("profile-map-status"))
                            .getText()
                            .isBlank());
                }
                if (path.equals("/tracker")) {
                    waitFor().until(d -> !d.findElement(By.id("map-status"))
                            .getText()
                            .isBlank());
                    waitFor().until(d -> !d.findElements(By.cssSelector("path.tracker-country"))
                            .isEmpty());
                }
                assertThat(browser.findElements(By.tagName("h1"))).as(path).hasSize(1);
                for (String p : Axe.seriousViolations(browser))
                    problems.add(size.getWidth() + "px " + path + " → " + p);
                Long overflow = (Long)
                        js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                if (overflow > 0)
                    problems.add(size.getWidth() + "px " + path + " scrolls sideways by " + overflow + "px");
            }
            // The open panel too.
            openTracker("?type=Battles");
            browser.findElement(By.cssSelector("#event-list .event-link")).click();
            waitFor().until(d -> d.findElement(By.id("event-panel")).isDisplayed());
            for (String p : Axe.seriousViolations(browser)) problems.add(size.getWidth() + "px panel → " + p);
        }
        assertThat(problems).isEmpty();
    }
}
