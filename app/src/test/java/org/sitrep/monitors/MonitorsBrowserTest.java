package org.sitrep.monitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.testsupport.TestEvents.battle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sitrep.members.Role;
import org.sitrep.members.UserAccounts;
import org.sitrep.testsupport.Axe;
import org.sitrep.testsupport.Browser;
import org.sitrep.testsupport.TestDatabases;
import org.sitrep.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Monitors as a reader uses them, in headless Chromium: from a filtered tracker view to the form, the saved
 * monitor on the list (digest changed there), the unsubscribe page, and the digest mail opened as a mail client
 * would (a file, no site policy) with its map; each at 1366x900 and 390x844 (the mail at 760 and 390), checked with
 * axe-core and for width. With {@code -Dsitrep.screenshots=DIR} the list and the mail are saved as
 * {@code monitors.png} and {@code monitor-digest.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestPropertySource(
        properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0", "sitrep.monitors.initial-delay=1h"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorsBrowserTest {
    static final int PORT = TestDatabases.freePort();
    static final String ANALYST = "monitor.analyst@example.org", PASSWORD = "a long enough passphrase";

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("sitrep-monitors-");
        data.toFile().deleteOnExit();
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:monitors" + PORT + ";DB_CLOSE_DELAY=-1");
        registry.add("sitrep.data-dir", data::toString);
        registry.add("server.port", () -> PORT);
        registry.add("sitrep.base-url", () -> "http://localhost:" + PORT);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Monitors monitors;

    @Autowired
    DigestLetter letters;

    @Autowired
    UnsubscribeLinks links;

    WebDriver browser;
    final String base = "http://localhost:" + PORT;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void setUp() {
        TestEvents events = new TestEvents(jdbc);
        LocalDate day = LocalDate.now();
        long doc = events.document(
                "Fighting in the north",
                "Wire One",
                day,
                "Rebels attacked Aleppo on Monday. Shelling hit Idlib. Clashes <script>alert(1)</script> near Hama.");
        events.event(
                doc,
                battle(day)
                        .actors("Islamic Front", "Syrian Arab Army")
                        .at("Aleppo", "SY", "Aleppo", 36.2, 37.16, 170063)
                        .evidence("Rebels attacked Aleppo on Monday.", "attacked"));
        events.event(
                doc,
                battle(day)
                        .at("Idlib", "SY", "Idlib", 35.93, 36.63, 169388)
                        .evidence("Shelling hit Idlib.", "Shelling"));
        events.event(
                doc,
                battle(day.minusDays(1))
                        .actors("<img src=x onerror=alert(2)>", null)
                        .at("Hama", "SY", "Hama", 35.13, 36.75, 170017)
                        .evidence("Clashes <script>alert(1)</script> near Hama.", "Clashes"));
        accounts.create(ANALYST, "Monitor Analyst", PASSWORD, Role.ANALYST);
        browser = Browser.start();
        browser.get(base + "/signin");
        browser.findElement(By.id("username")).sendKeys(ANALYST);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[action='/signin'] button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.getCurrentUrl().contains("/signin"));
    }

    @AfterAll
    void quit() {
        if (browser != null) browser.quit();
    }

    private void look(String what, int width, int height) throws Exception {
        browser.manage().window().setSize(new Dimension(width, height));
        for (String v : Axe.seriousViolations(browser)) problems.add(what + " at " + width + ": " + v);
        long scroll = ((Number)
                        ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;"))
                .longValue();
        long client = ((Number)
                        ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;"))
                .longValue();
        if (scroll > client)
            problems.add(what + " at " + width + ": wider than the window (" + scroll + " > " + client + ")");
    }

    private void screenshot(String name) throws Exception {
        String dir = System.getProperty("sitrep.screenshots");
        if (dir == null || dir.isBlank()) return;
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of(dir));
        Files.copy(shot, Path.of(dir, name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aReaderSavesATrackerViewAndManagesItsMonitors() throws Exception {
        for (int[] size : new int[][] {{1366, 900}, {390, 844}}) {
            browser.manage().window().setSize(new Dimension(size[0], size[1]));
            browser.get(base + "/tracker?country=SY&type=Battles");
            browser.findElement(By.id("save-monitor")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().contains("/monitors/new"));
            assertThat(browser.getCurrentUrl()).contains("/monitors/new?type=Battles&country=SY");
            assertThat(browser.findElement(By.id("watches")).getText()).isEqualTo("Event type: Battles · Country: SY");
            look("new monitor form", size[0], size[1]);
            browser.findElement(By.id("name")).sendKeys("Syria battles " + size[0]);
            browser.findElement(By.cssSelector("label[for=digest-weekly]")).click();
            browser.findElement(By.cssSelector("form[action='/monitors'] button[type=submit]"))
                    .click();
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().endsWith("/monitors?saved"));
            assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                    .isEqualTo("Monitor saved.");
            assertThat(browser.findElements(By.cssSelector(".monitor h2")))
                    .extracting(e -> e.getText())
                    .contains("Syria battles " + size[0]);
            look("monitors list", size[0], size[1]);
        }
        Monitor saved = monitors.of(accounts.findByEmail(ANALYST).orElseThrow().id()).stream()
                .filter(x -> x.name().equals("Syria battles 1366"))
                .findFirst()
                .orElseThrow();
        assertThat(saved.digest()).isEqualTo(Monitor.Digest.WEEKLY);
        // change its digest on the list
        browser.get(base + "/monitors");
        browser.findElement(By.cssSelector("label[for=digest-" + saved.id() + "-daily]"))
                .click();
        browser.findElement(By.cssSelector("#monitor-" + saved.id() + " .monitor-settings button[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().endsWith("/monitors?saved"));
        assertThat(monitors.find(saved.id()).orElseThrow().digest()).isEqualTo(Monitor.Digest.DAILY);
        browser.manage().window().setSize(new Dimension(1366, 900));
        screenshot("monitors.png");

        // a failed save shows its reasons, accessibly
        browser.get(base + "/monitors/new?country=SY");
        browser.findElement(By.cssSelector("form[action='/monitors'] button[type=submit]"))
                .click();
        // the name is required in the browser too; without it the form is not sent
        assertThat(browser.getCurrentUrl()).contains("/monitors/new");

        // the unsubscribe page a mail's link opens
        String token = links.token(saved.id(), UnsubscribeLinks.Stops.DIGEST);
        for (int[] size : new int[][] {{1366, 900}, {390, 844}}) {
            browser.get(base + "/monitors/unsubscribe?token=" + token);
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Stop its digest");
            look("unsubscribe", size[0], size[1]);
        }
        browser.findElement(By.id("confirm-unsubscribe")).click();
        // the answer is a new page: wait for it (seen in CI: looked for before the browser had loaded it)
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.id("unsubscribed")).isEmpty());
        assertThat(browser.findElement(By.id("unsubscribed")).getText()).contains("no longer sends its digest");
        assertThat(monitors.find(saved.id()).orElseThrow().digest()).isEqualTo(Monitor.Digest.NONE);
        assertThat(problems).isEmpty();
    }

    @Test
    void theDigestMailRendersWithItsMapAndHostileTextStaysText() throws Exception {
        long user = accounts.findByEmail(ANALYST).orElseThrow().id();
        Monitor m = monitors.create(user, "Northern Syria", "country=SY", "daily", true);
        DigestLetter.Letter letter = letters.digest(
                        m,
                        Instant.now().minus(Duration.ofDays(1)),
                        Instant.now().plusSeconds(60))
                .orElseThrow();
        assertThat(letter.map()).isPresent();
        // as a mail client shows it: the map by its Content-ID becomes the attached PNG (here, a data: address)
        String html = letter.html()
                .replace(
                        "cid:map",
                        "data:image/png;base64,"
                                + Base64.getEncoder()
                                        .encodeToString(letter.map().get().bytes()))
                .replace(DigestLetter.UNSUBSCRIBE_PLACEHOLDER, base + "/monitors/unsubscribe?token=example");
        Path file = Files.createTempFile("digest-", ".html");
        Files.writeString(file, html);
        browser.manage().window().setSize(new Dimension(760, 1400));
        browser.get(file.toUri().toString());
        assertThat(browser.findElements(By.tagName("h2")))
                .extracting(e -> e.getText())
                .containsExactly("Aleppo, Syria", "Idlib, Syria", "Hama, Syria");
        assertThat((Boolean) ((JavascriptExecutor) browser)
                        .executeScript(
                                "var i = document.querySelector('img'); return i.complete && i.naturalWidth > 0;"))
                .as("the map shows")
                .isTrue();
        assertThat(browser.getPageSource())
                .contains("Clashes &lt;script&gt;alert(1)&lt;/script&gt; near Hama.")
                .doesNotContain("<img src=\"x\"")
                .doesNotContain("<img src=x");
        screenshot("monitor-digest.png");
        look("digest mail", 760, 1400);
        look("digest mail", 390, 844);
        assertThat(problems).isEmpty();
    }
}
