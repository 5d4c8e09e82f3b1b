package org.sitrep.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.testsupport.Axe;
import org.sitrep.testsupport.Browser;
import org.sitrep.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The sample content's translated analysis in its Arabic and Turkish editions (opened by the samples
 * themselves), in headless Chromium at desktop and phone sizes: right to left where it should be,
 * no serious axe violation, nothing scrolling sideways, and the language switcher taking the reader
 * to the same piece in another language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"sitrep.sample-content=true", "sitrep.intel.workers=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditionsBrowserTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    PieceCatalog catalog;

    @Autowired
    org.sitrep.members.UserAccounts accounts;

    WebDriver browser;
    Piece original;
    Piece arabic;
    Piece turkish;

    @BeforeAll
    void start() {
        original = catalog.latestOfKind(org.sitrep.newsroom.PieceKind.ANALYSIS, "en", 50, 0).stream()
                .filter(p -> p.headline().startsWith("Why the Euphrates"))
                .findFirst()
                .orElseThrow();
        arabic = catalog.translation(original.id(), "ar").orElseThrow();
        turkish = catalog.translation(original.id(), "tr").orElseThrow();
        accounts.create(
                "translator@example.org", "Tran Slator", "correct horse battery", org.sitrep.members.Role.EDITOR);
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
    void everyEditionsPagesPassAxeAtDesktopAndPhoneSizes() throws java.io.IOException {
        List<String> pages = List.of(
                "/ar/", arabic.path(), "/ar/analysis", "/tr/", turkish.path(), original.path(), "/ar/no-such-page");
        List<String> problems = new ArrayList<>();
        for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            for (String path : pages) {
                browser.get(url(path));
                for (String p : Axe.seriousViolations(browser)) problems.add(size.width + "px " + path + " → " + p);
                Long overflow = (Long) ((JavascriptExecutor) browser)
                        .executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                if (overflow > 0) problems.add(size.width + "px " + path + " scrolls sideways by " + overflow + " px");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theNewsroomShowsTheOriginalBesideItsTranslationAccessibly() throws java.io.IOException {
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/signin"));
        browser.findElement(By.id("username")).sendKeys("translator@example.org");
        browser.findElement(By.id("password")).sendKeys("correct horse battery");
        Browser.navigating(
                browser, () -> browser.findElement(By.id("password")).sendKeys(org.openqa.selenium.Keys.ENTER));
        List<String> problems = new ArrayList<>();
        for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            for (long id : List.of(original.id(), arabic.id())) {
                browser.get(url("/newsroom/pieces/" + id));
                for (String p : Axe.seriousViolations(browser)) problems.add(size.width + "px piece " + id + " → " + p);
            }
        }
        assertThat(problems).isEmpty();
        browser.get(url("/newsroom/pieces/" + arabic.id()));
        assertThat(browser.findElement(By.cssSelector(".original-pane")).getText())
                .contains(original.headline());
        assertThat(browser.findElement(By.id("translator")).getAttribute("value"))
                .isEqualTo(arabic.translator());
        browser.get(url("/newsroom/pieces/" + original.id()));
        assertThat(browser.findElements(By.cssSelector(".translations-panel li")))
                .hasSize(2);
    }

    @Test
    void arabicReadsRightToLeftAndTheSwitcherLeadsToTheOtherLanguages() {
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url(arabic.path()));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
        assertThat(browser.findElement(By.cssSelector("h1.headline")).getText()).isEqualTo(arabic.headline());
        // Right to left for real: the headline's text starts at the right edge of its box.
        String align = (String) ((JavascriptExecutor) browser)
                .executeScript("return getComputedStyle(document.querySelector('h1.headline')).direction;");
        assertThat(align).isEqualTo("rtl");
        browser.findElement(By.cssSelector("nav.translations a[hreflang=tr]")).click();
        assertThat(browser.getCurrentUrl()).isEqualTo(url(turkish.path()));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");
        assertThat(browser.findElement(By.cssSelector("h1.headline")).getText()).isEqualTo(turkish.headline());
        browser.findElement(By.cssSelector("nav.translations a[hreflang=en]")).click();
        assertThat(browser.getCurrentUrl()).isEqualTo(url(original.path()));
        browser.get(url("/ar/"));
        assertThat(browser.findElement(By.cssSelector("main")).getText())
                .contains(arabic.headline())
                .doesNotContain(original.headline());
    }
}
