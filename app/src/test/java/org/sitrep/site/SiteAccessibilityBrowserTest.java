package org.sitrep.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.sitrep.testsupport.Axe;
import org.sitrep.testsupport.Browser;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestDatabases;
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
 * WCAG 2.2 AA checks in headless Chromium: axe-core finds no serious or critical violation on any
 * kind of public page, at desktop and phone widths; the skip link is the first tab stop and moves
 * focus to the main content; no page scrolls sideways on a 375 px phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "sitrep.sample-content=false")
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteAccessibilityBrowserTest {
    static final List<String> PAGES = List.of(
            "/",
            "/news/checkpoint-reopens",
            "/news",
            "/analysis",
            "/tags/lebanon",
            "/authors/maya-nasser",
            "/sections/lebanon",
            "/search?q=checkpoint",
            "/search?q=%22unbalanced",
            "/no-such-page");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
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
    void seed() throws IOException {
        clock.set(TestClockConfig.START);
        TestPieces fixture = new TestPieces(jdbc, events);
        long maya = fixture.author("maya-nasser", "Maya Nasser", "Maya reports from southern Lebanon.");
        long lebanon = fixture.tag("lebanon", "Lebanon");
        long photo = fixture.photo(
                "checkpoint",
                "Cars queue at the reopened checkpoint near Naqoura.",
                "SITREP/Test Photographer",
                "A queue of cars at a checkpoint");
        fixture.piece("checkpoint-reopens")
                .kind("NEWS")
                .headline("Checkpoint near Naqoura reopens")
                .standfirst("Traffic resumed after three days.")
                .section("Lebanon")
                .photo(photo)
                .author(maya)
                .tag(lebanon)
                .body("<p>The checkpoint reopened at dawn.</p><h2>Queues</h2><ul><li>Long waits</li></ul>"
                        + "<blockquote><p>We waited all night.</p></blockquote>")
                .publishAt(TestClockConfig.START.minus(Duration.ofHours(6)))
                .updatedAt(TestClockConfig.START.minus(Duration.ofHours(2)))
                .insert();
        for (String kind : List.of("ANALYSIS", "MEMO", "REPORT")) {
            fixture.piece("lebanon-" + kind.toLowerCase())
                    .kind(kind)
                    .headline("Lebanon " + kind.toLowerCase() + " on the checkpoint")
                    .standfirst("Context for readers.")
                    .section("Lebanon")
                    .author(maya)
                    .tag(lebanon)
                    .publishAt(TestClockConfig.START.minus(Duration.ofDays(1)))
                    .insert();
        }
        browser = Browser.start();
    }

    @AfterAll
    void close() {
        if (browser != null) browser.quit();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void noSeriousOrCriticalViolationsOnDesktopOrPhone() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(375, 800))) {
            browser.manage().window().setSize(size);
            for (String path : PAGES) {
                browser.get(url(path));
                assertThat(browser.findElements(By.tagName("h1"))).as(path).hasSize(1);
                for (String p : Axe.seriousViolations(browser)) problems.add(size.width + "px " + path + " → " + p);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void nothingScrollsSidewaysOnAPhone() {
        browser.manage().window().setSize(new Dimension(375, 800));
        for (String path : PAGES) {
            browser.get(url(path));
            Long overflow = (Long) ((JavascriptExecutor) browser)
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as(path).isLessThanOrEqualTo(0L);
        }
    }

    @Test
    void skipLinkIsTheFirstTabStopAndMovesFocusToMain() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        for (String path : List.of("/", "/news/checkpoint-reopens", "/no-such-page")) {
            browser.get(url(path));
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement first = browser.switchTo().activeElement();
            assertThat(first.getText()).as(path).isEqualTo("Skip to main content");
            assertThat(first.isDisplayed()).as("visible when focused").isTrue();
            first.sendKeys(Keys.ENTER);
            assertThat(browser.switchTo().activeElement().getAttribute("id"))
                    .as(path)
                    .isEqualTo("main");
        }
    }

    @Test
    void focusIsVisible() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/"));
        new Actions(browser).sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(focused.getCssValue("outline-width")).isEqualTo("3px");
    }
}
