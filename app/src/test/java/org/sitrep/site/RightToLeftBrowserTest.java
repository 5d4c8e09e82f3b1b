package org.sitrep.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.sitrep.testsupport.Axe;
import org.sitrep.testsupport.Browser;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestDatabases;
import org.sitrep.testsupport.TestPieces;
import org.sitrep.web.Language;
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
 * The Arabic, Persian and Hebrew editions' pages in Chromium, right to left, opened at their addresses
 * ({@code /ar/…}) with the {@code <html lang dir>} their edition gives them. The layout mirrors by logical properties alone, the
 * script's font is loaded (and the English page loads none), and axe finds nothing serious at 1366 and 390 px.
 * Screenshots are left in target/rtl-screenshots for a person to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "sitrep.sample-content=false")
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RightToLeftBrowserTest {
    static final Path SHOTS = Path.of("target/rtl-screenshots");

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
    Editions editions;

    WebDriver browser;

    @BeforeAll
    void seed() {
        TestPieces fixture = new TestPieces(jdbc, events);
        long author = fixture.author("rana-haddad", "Rana Haddad", "Correspondent");
        long tag = fixture.tag("aleppo", "Aleppo");
        fixture.piece("after-the-truce")
                .kind("ANALYSIS")
                .headline("ما بعد الهدنة في حلب")
                .standfirst("ماذا تغيّر الهدنة، وماذا لا تغيّر.")
                .section("Syria")
                .author(author)
                .tag(tag)
                .publishAt(TestClockConfig.START.minus(Duration.ofHours(6)))
                .body("<p>اجتمع المفاوضون في حلب لتمديد وقف إطلاق النار، وقال Rana Haddad إن الهدنة صامدة.</p>"
                        + "<blockquote><p>انتظرنا طوال الليل.</p></blockquote><ul><li>طوابير طويلة</li></ul>")
                .insert();
        fixture.piece("checkpoint")
                .kind("NEWS")
                .headline("إعادة فتح المعبر")
                .section("Lebanon")
                .author(author)
                .publishAt(TestClockConfig.START.minus(Duration.ofHours(8)))
                .body("<p>فُتح المعبر فجراً.</p>")
                .insert();
        // Arabic pieces, in the Arabic edition; the Persian and Hebrew editions open too (their pages in their words).
        jdbc.sql("UPDATE pieces SET language = 'ar'").update();
        fixture.piece("truce-holds")
                .kind("NEWS")
                .headline("The truce holds")
                .section("Syria")
                .author(author)
                .publishAt(TestClockConfig.START.minus(Duration.ofHours(9)))
                .body("<p>The truce held overnight.</p>")
                .insert();
        editions.enable(Set.of(Language.AR, Language.FA, Language.HE));
        browser = Browser.start();
    }

    @AfterAll
    void close() {
        if (browser != null) browser.quit();
    }

    /** Opens the page at {@code path} as a reader would, then waits for its fonts. */
    void show(String path) {
        browser.get("http://127.0.0.1:" + port + path);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var wait = () => document.readyState === 'complete' ? document.fonts.ready.then(() => done()) : setTimeout(wait, 50); wait();");
    }

    Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @Test
    void arabicLaysOutFromTheRightWithItsFont() throws IOException {
        Files.createDirectories(SHOTS);
        List<String> problems = new ArrayList<>();
        for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            for (boolean article : List.of(false, true)) {
                show(article ? "/ar/analysis/after-the-truce" : "/ar/");
                String name = (article ? "article" : "home") + "-ar-" + size.width;
                Files.write(
                        SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                for (String p : Axe.seriousViolations(browser)) problems.add(name + " → " + p);
                Long overflow = (Long)
                        js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow).as(name + " scrolls sideways").isLessThanOrEqualTo(0L);
                // The site's name starts at the right edge; the kicker's rule is on the section's right (its start).
                Number brandRight =
                        (Number) js("return document.querySelector('.site-name').getBoundingClientRect().right;");
                assertThat(brandRight.doubleValue())
                        .as(name + ": the name at the right")
                        .isGreaterThan(size.width * 0.6);
                assertThat(js("var s = getComputedStyle(document.querySelector('.kicker-section'));"
                                + "return s.borderRightWidth + ' ' + s.borderLeftWidth;"))
                        .as(name)
                        .isEqualTo("1px 0px");
                assertThat(
                                js(
                                        "return document.fonts.check('16px \"Noto Sans Arabic\"', 'حلب') && "
                                                + "[...document.fonts].some(f => f.family.includes('Noto Sans Arabic') && f.status === 'loaded');"))
                        .as(name + ": Noto Sans Arabic loaded")
                        .isEqualTo(true);
            }
        }
        show("/ar/analysis/after-the-truce");
        // A blockquote in Arabic has its rule on the right, and a list its bullets' room on the right.
        assertThat(js("var s = getComputedStyle(document.querySelector('.body blockquote'));"
                        + "return s.borderRightWidth + ' ' + s.borderLeftWidth;"))
                .isEqualTo("3px 0px");
        assertThat(
                        js(
                                "var s = getComputedStyle(document.querySelector('.body ul')); return s.paddingRight !== '0px' && s.paddingLeft === '0px';"))
                .isEqualTo(true);
        assertThat(problems).isEmpty();
    }

    @Test
    void persianAndHebrewToo() throws IOException {
        Files.createDirectories(SHOTS);
        browser.manage().window().setSize(new Dimension(390, 844));
        List<String> problems = new ArrayList<>();
        for (String language : List.of("fa", "he")) {
            show("/" + language + "/");
            Files.write(
                    SHOTS.resolve("home-" + language + "-390.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            for (String p : Axe.seriousViolations(browser)) problems.add(language + " → " + p);
            assertThat(browser.findElement(By.cssSelector(".skip-link")).getAttribute("textContent"))
                    .doesNotContain("Skip");
        }
        assertThat(
                        js(
                                "return [...document.fonts].some(f => f.family.includes('Noto Sans Hebrew') && f.status === 'loaded');"))
                .as("Hebrew font on the Hebrew page")
                .isEqualTo(true);
        assertThat(problems).isEmpty();
    }

    @Test
    void theEnglishPageFetchesNoFont() {
        // A browser of its own: Chromium reports fonts it already holds from the other pages as fetched again.
        WebDriver english = Browser.start();
        try {
            english.manage().window().setSize(new Dimension(1366, 900));
            english.get("http://127.0.0.1:" + port + "/");
            JavascriptExecutor js = (JavascriptExecutor) english;
            assertThat(
                            js.executeScript(
                                    "return performance.getEntriesByType('resource').map(r => r.name).filter(n => n.includes('/fonts/')).join(' ');"))
                    .as("fonts fetched by the English page")
                    .isEqualTo("");
            assertThat(
                            js.executeScript(
                                    "return [...document.fonts].filter(f => f.status !== 'unloaded').map(f => f.family).join(' ');"))
                    .isEqualTo("");
            assertThat(js.executeScript(
                            "return getComputedStyle(document.querySelector('.kicker-section')).borderLeftWidth;"))
                    .isEqualTo("1px");
        } finally {
            english.quit();
        }
    }
}
