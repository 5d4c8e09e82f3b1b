package org.sitrep.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sitrep.members.Plans;
import org.sitrep.members.Role;
import org.sitrep.members.Subscriptions;
import org.sitrep.members.UserAccounts;
import org.sitrep.testsupport.Axe;
import org.sitrep.testsupport.Browser;
import org.sitrep.testsupport.TestDatabases;
import org.sitrep.testsupport.TestEvents;
import org.sitrep.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The tracker's first ten minutes in headless Chromium: the first view fits where the recent news is (two events
 * placed far away do not pull it out to the world), the timeline follows the date filter, clusters show their mix of
 * types, a subscriber on a data plan reads the tracker without any review action (and the server refuses their review
 * POSTs), an analyst corrects a misplaced event with the gazetteer look-up and it moves on the map, and the next event
 * in the queue opens after a decision. axe finds nothing serious.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackerReviewBrowserTest {
    static final String PASSWORD = "long enough passphrase";
    static final String ANALYST = "first-analyst@example.org", SUBSCRIBER = "data-reader@example.org";

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

    @Autowired
    Plans plans;

    @Autowired
    Subscriptions subscriptions;

    WebDriver browser;
    long misplacedInSweden, misplacedInBrazil, syriaFirst;

    @BeforeAll
    void setUp() {
        TestEvents events = new TestEvents(jdbc);
        long doc = events.document(
                "Week in Syria and Iraq", "Wire R", LocalDate.of(2026, 11, 30), "Fighting was reported.");
        LocalDate d = LocalDate.of(2026, 11, 1);
        Object[][] towns = {
            {"Aleppo", "SY", 36.2021, 37.1343, 170063L},
            {"Idlib", "SY", 35.9306, 36.6339, 169389L},
            {"Homs", "SY", 34.7268, 36.7234, 169577L},
            {"Deir ez-Zor", "SY", 35.3359, 40.1408, 170794L},
            {"Mosul", "IQ", 36.335, 43.1189, 99072L},
            {"Raqqa", "SY", 35.9528, 39.0079, 163915L}
        };
        for (int i = 0; i < 24; i++) {
            Object[] t = towns[i % towns.length];
            long id = events.event(
                    doc,
                    TestEvents.spec(
                                    i % 3 == 0 ? "Protests" : "Battles",
                                    i % 3 == 0 ? "Peaceful protest" : "Armed clash",
                                    d.plusDays(i))
                            .actors(i % 2 == 0 ? "Northern Brigade" : null, null)
                            .at((String) t[0], (String) t[1], (String) t[0], (double) t[2], (double) t[3], (long) t[4])
                            .evidence("Fighting was reported.", "Fighting")
                            .confidence(0.5 + i / 100.0));
            if (i == 0) syriaFirst = id;
        }
        // Two events the engine placed far away: a same-named town in Sweden, a mis-resolved one in Brazil.
        misplacedInSweden = events.event(
                doc,
                TestEvents.battle(d.plusDays(20))
                        .at("Aleppo", "SE", "Skane", 59.33, 18.06, 2673730L)
                        .evidence("Fighting was reported.", "Fighting")
                        .confidence(0.05));
        misplacedInBrazil = events.event(
                doc,
                TestEvents.battle(d.plusDays(21))
                        .at("Homs", "BR", "Bahia", -12.97, -38.5, 3450554L)
                        .evidence("Fighting was reported.", "Fighting")
                        .confidence(0.06));
        // An older event two years back, so the whole period needs wider bars than days.
        events.event(
                doc,
                TestEvents.battle(LocalDate.of(2024, 6, 1))
                        .at("Aleppo", "SY", "Aleppo", 36.2021, 37.1343, 170063L)
                        .evidence("Fighting was reported.", "Fighting")
                        .state("confirmed"));

        accounts.create(ANALYST, "First Analyst", PASSWORD, Role.ANALYST);
        long reader = accounts.create(SUBSCRIBER, "Data Reader", PASSWORD, Role.MEMBER)
                .id();
        Plans.Plan annual = plans.all().stream()
                .filter(p -> p.code().equals("annual"))
                .findFirst()
                .orElseThrow();
        plans.setDataAccess(annual.id(), true);
        subscriptions.start(reader, "annual", Subscriptions.State.ACTIVE, "TEST", null);
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

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    void signIn(String email) {
        browser.manage().deleteAllCookies();
        browser.get(url("/signin"));
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        Browser.navigating(
                browser, () -> browser.findElement(By.cssSelector("form[action='/signin'] button[type=submit]"))
                        .click());
    }

    /** The map's view once it has settled, as west, south, east, north. */
    double[] openTrackerAndReadBounds(String query) {
        browser.get(url("/tracker" + query));
        waitFor().until(d -> !d.findElement(By.id("map-status")).getText().isBlank());
        waitFor().until(d -> d.findElement(By.id("map")).getAttribute("data-bounds") != null);
        String before = null, now = browser.findElement(By.id("map")).getAttribute("data-bounds");
        for (int i = 0;
                i < 20 && !now.equals(before);
                i++) { // fitBounds animates nothing, but labels load after: let it settle
            before = now;
            sleep(250);
            now = browser.findElement(By.id("map")).getAttribute("data-bounds");
        }
        return Arrays.stream(now.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theFirstViewFitsTheRecentEventsNotTheWorld() {
        signIn(ANALYST);
        browser.manage().window().setSize(new Dimension(1366, 900));
        double[] b = openTrackerAndReadBounds("");
        double west = b[0], south = b[1], east = b[2], north = b[3];
        // Every Syrian and Iraqi town is in view...
        assertThat(west).isLessThan(36.6);
        assertThat(east).isGreaterThan(43.1);
        assertThat(south).isLessThan(34.7);
        assertThat(north).isGreaterThan(36.4);
        // ...and the view is that region, not the world the two misplaced events would pull it to.
        assertThat(north).as("Sweden (59°N) is out of view").isLessThan(50);
        assertThat(west).as("Brazil (38°W) is out of view").isGreaterThan(20);
        assertThat(east - west).isLessThan(30);
        // Clusters say their mix of types, not just a number.
        waitFor().until(d -> !d.findElements(By.cssSelector(".event-cluster")).isEmpty());
        WebElement cluster = browser.findElement(By.cssSelector(".event-cluster .cluster-box"));
        assertThat(cluster.getAttribute("title")).matches("\\d+ events: .*(Battles|Protests).*");
        assertThat(browser.findElements(By.cssSelector(".event-cluster svg.cluster-ring .ring")))
                .isNotEmpty();
    }

    @Test
    void theTimelineFollowsTheDateFilter() {
        signIn(ANALYST);
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/tracker"));
        waitFor().until(d -> !d.findElements(By.cssSelector("#timeline rect.bar"))
                .isEmpty());
        // June 2024 to late November 2026: weeks would be a pixel wide, so months.
        assertThat(browser.findElement(By.id("timeline-unit")).getText()).isEqualTo("month");
        assertThat(browser.findElement(By.id("timeline-whole")).isDisplayed()).isFalse();

        browser.get(url("/tracker?from=2026-11-01&to=2026-11-30"));
        waitFor().until(d -> !d.findElements(By.cssSelector("#timeline rect.bar"))
                .isEmpty());
        assertThat(browser.findElement(By.id("timeline-unit")).getText()).isEqualTo("day");
        assertThat(browser.findElement(By.cssSelector("#timeline .axis-from")).getText())
                .isEqualTo("1 Nov 2026");
        assertThat(browser.findElement(By.cssSelector("#timeline .axis-to")).getText())
                .isEqualTo("30 Nov 2026");
        // Thirty bars wide enough to carry their counts, and nothing from 2024.
        assertThat(browser.findElements(By.cssSelector("#timeline rect.bar")).stream()
                        .map(r -> r.getAttribute("data-day"))
                        .allMatch(day -> day.startsWith("2026-11-")))
                .isTrue();
        assertThat(browser.findElements(By.cssSelector("#timeline .bar-count"))).isNotEmpty();
        // Typing a narrower range redraws it at once.
        js(
                "var f = document.getElementById('from'); f.value = '2026-11-10'; f.dispatchEvent(new Event('change', {bubbles: true}));");
        waitFor().until(d -> d.findElement(By.cssSelector("#timeline .axis-from"))
                .getText()
                .equals("10 Nov 2026"));
        // And the whole period comes back with one button.
        browser.findElement(By.id("timeline-whole")).click();
        waitFor().until(d -> d.findElement(By.id("timeline-unit")).getText().equals("month"));
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).isEmpty();
    }

    @Test
    void aSubscriberOnADataPlanReadsTheTrackerWithoutReviewActions() throws IOException {
        signIn(SUBSCRIBER);
        browser.manage().window().setSize(new Dimension(1366, 900));
        openTrackerAndReadBounds("");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Conflict tracker");
        waitFor().until(d -> !d.findElements(By.cssSelector(".event-marker, .event-cluster"))
                .isEmpty());
        assertThat(browser.findElements(By.cssSelector("a[href^='/intel']"))).isEmpty();
        browser.findElement(By.cssSelector("#event-list .event-link")).click();
        waitFor().until(d -> d.findElement(By.id("event-panel")).isDisplayed());
        assertThat(browser.findElements(By.id("panel-review"))).isEmpty();
        // The evidence is in the article: the "no longer in the article" note stays hidden (a style once overrode it).
        waitFor().until(d -> !d.findElements(By.cssSelector("#panel-article mark.evidence"))
                .isEmpty());
        assertThat(browser.findElement(By.id("panel-evidence-missing")).isDisplayed())
                .isFalse();
        List<String> problems = new ArrayList<>(Axe.seriousViolations(browser));
        browser.get(url("/tracker/events/" + syriaFirst));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Protests");
        assertThat(browser.findElements(By.cssSelector("a[href^='/intel']"))).isEmpty();
        problems.addAll(Axe.seriousViolations(browser));
        assertThat(problems).isEmpty();

        // The server refuses a subscriber's review, whatever the page shows.
        WebSession reader = new WebSession(port);
        reader.post("/signin", "/signin", Map.of("username", SUBSCRIBER, "password", PASSWORD));
        assertThat(reader.get("/tracker/data/events").statusCode()).isEqualTo(200);
        assertThat(reader.get("/intel/events/" + syriaFirst).statusCode()).isEqualTo(403);
        String csrf = org.jsoup.Jsoup.parse(reader.get("/tracker").body())
                .select("input[name=_csrf]")
                .val();
        HttpResponse<String> confirm =
                reader.postRaw("/intel/events/" + syriaFirst + "/confirm", Map.of("_csrf", csrf, "version", "0"));
        assertThat(confirm.statusCode()).isEqualTo(403);
        HttpResponse<String> bulk =
                reader.postRaw("/intel/review/confirm", Map.of("_csrf", csrf, "event", syriaFirst + ":0"));
        assertThat(bulk.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT review_state FROM intel_events WHERE id = :id")
                        .param("id", syriaFirst)
                        .query(String.class)
                        .single())
                .isEqualTo("unreviewed");
    }

    @Test
    void anAnalystMovesAMisplacedEventWithTheLookUpAndTheNextOneOpens() throws IOException {
        signIn(ANALYST);
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/intel/events/" + misplacedInSweden));
        WebElement place = browser.findElement(By.id("placeName"));
        place.clear();
        place.sendKeys("Alepp");
        waitFor().until(d -> d.findElements(By.cssSelector("#place-suggestions button")).stream()
                .anyMatch(
                        b -> b.getText().startsWith("Aleppo — ") && b.getText().contains("SY (town or city")));
        WebElement syrian = browser.findElements(By.cssSelector("#place-suggestions button")).stream()
                .filter(b -> b.getText().startsWith("Aleppo — ") && b.getText().contains("SY (town or city"))
                .findFirst()
                .orElseThrow();
        List<String> problems = new ArrayList<>(Axe.seriousViolations(browser));
        syrian.click();
        assertThat(browser.findElement(By.id("gazetteerId")).getAttribute("value"))
                .isEqualTo("170063");
        assertThat(browser.findElement(By.id("country")).getAttribute("value")).isEqualTo("SY");
        Browser.navigating(
                browser, () -> browser.findElement(By.cssSelector("form[action$='/correct'] button[type=submit]"))
                        .click());
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("Correction saved.");
        assertThat(browser.findElement(By.cssSelector(".state")).getText()).isEqualToIgnoringCase("corrected");

        // The map data has it in Syria now.
        String there = (String) ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1]; fetch('/tracker/data/events?bbox=36,35,38,37&state=corrected')"
                                + ".then(r => r.text()).then(done);");
        assertThat(there).contains("\"id\":" + misplacedInSweden);
        assertThat(jdbc.sql("SELECT gazetteer_id FROM intel_events WHERE id = :id")
                        .param("id", misplacedInSweden)
                        .query(Long.class)
                        .single())
                .isEqualTo(170063L);

        // Rejecting the other misplaced one opens the next event in the queue (least confident first).
        browser.get(url("/intel/events/" + misplacedInBrazil));
        Browser.navigating(browser, () -> browser.findElement(By.xpath("//button[text()='Reject']"))
                .click());
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("Event #" + misplacedInBrazil + " rejected")
                .contains("next event in the queue");
        assertThat(browser.getCurrentUrl()).endsWith("/intel/events/" + syriaFirst);
        problems.addAll(Axe.seriousViolations(browser));

        // The queue: filters and bulk confirm, at phone width too.
        for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            browser.get(url("/intel/review?type=Protests"));
            assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(8);
            problems.addAll(Axe.seriousViolations(browser).stream()
                    .map(p -> size.getWidth() + "px queue: " + p)
                    .toList());
            Long overflow =
                    (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow)
                    .as("the table scrolls inside its box, not the page")
                    .isZero();
        }
        browser.findElements(By.cssSelector("tbody input[name=event]")).stream()
                .limit(2)
                .forEach(WebElement::click);
        Browser.navigating(browser, () -> browser.findElement(By.cssSelector("#bulk button[type=submit]"))
                .click());
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("Confirmed 2 events.");
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(6);
        assertThat(problems).isEmpty();
    }
}
