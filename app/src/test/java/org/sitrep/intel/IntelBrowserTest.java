package org.sitrep.intel;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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

/**
 * The embedded default as a new publisher gets it: the sample pieces are analysed in the background
 * by the worker pool at first start, and an analyst reviews their events in headless Chromium —
 * signed in, by keyboard where it matters, with axe-core finding no serious accessibility problem.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sitrep.sample-content=true", "sitrep.intel.workers=2", "sitrep.intel.poll=200ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntelBrowserTest {
    static final String ANALYST = "analyst@example.org";
    static final String ADMIN = "admin@example.org";
    static final String PASSWORD = "correct horse battery";

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
    AnalysisQueue queue;

    WebDriver browser;

    @BeforeAll
    void setUp() throws InterruptedException {
        accounts.create(ANALYST, "Ana Lyst", PASSWORD, Role.ANALYST);
        accounts.create(ADMIN, "Ad Min", PASSWORD, Role.ADMIN);
        // The workers run by themselves: wait (bounded) until the sample pieces' jobs are finished.
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline
                && (queue.counts().get("queued") + queue.counts().get("running") > 0
                        || queue.counts().values().stream()
                                        .mapToLong(Long::longValue)
                                        .sum()
                                == 0)) {
            Thread.sleep(250);
        }
    }

    @AfterAll
    void close() {
        if (browser != null) browser.quit();
    }

    @Test
    void samplePiecesAreAnalysedInTheBackgroundAtFirstStart() {
        long pieces = jdbc.sql("SELECT COUNT(*) FROM pieces").query(Long.class).single();
        assertThat(pieces).isEqualTo(18); // 16 pieces and two translations of one of them
        assertThat(queue.counts())
                .containsEntry("queued", 0L)
                .containsEntry("running", 0L)
                .containsEntry("failed", 0L)
                .containsEntry("done", 18L);
        // Two samples are scheduled hours ahead: not live, so not analysed yet; the translations never are
        // (their events are their original's).
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_documents WHERE source_kind = 'piece'")
                        .query(Long.class)
                        .single())
                .isEqualTo(14);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_documents WHERE source_kind = 'piece' AND source_id IN "
                                + "(SELECT id FROM pieces WHERE original_id IS NOT NULL)")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_events")
                        .query(Long.class)
                        .single())
                .isGreaterThan(20);
    }

    @Test
    void anAnalystReviewsEventsInTheBrowser() throws IOException {
        browser = Browser.start();
        List<String> problems = new ArrayList<>();
        signIn(ANALYST);

        browser.get(url("/intel/review"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Review queue");
        axe("/intel/review", problems);
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to main content");

        WebElement first = browser.findElement(By.cssSelector("main table tbody tr a"));
        String eventPath = first.getAttribute("href").substring(url("").length());
        Browser.navigating(browser, first::click);
        long id = Long.parseLong(eventPath.substring(eventPath.lastIndexOf('/') + 1));
        String sentence = jdbc.sql("SELECT evidence_sentence FROM intel_events WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(browser.findElement(By.cssSelector(".article-text mark")).getText())
                .isEqualTo(sentence.strip());
        axe(eventPath, problems);

        WebElement actor1 = browser.findElement(By.id("actor1"));
        actor1.clear();
        actor1.sendKeys("Liwa al-Tawhid");
        Browser.navigating(browser, () -> actor1.sendKeys(Keys.ENTER)); // submits the correction form from the keyboard
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .isEqualTo("Correction saved.");
        assertThat(browser.findElement(By.cssSelector(".state")).getText()).isEqualToIgnoringCase("corrected");
        assertThat(browser.findElement(By.cssSelector("section[aria-labelledby=history-heading] table"))
                        .getText())
                .contains(ANALYST)
                .contains("actor1:")
                .contains("→ Liwa al-Tawhid");
        axe(eventPath + " after correcting", problems);

        browser.findElement(By.id("latitude")).clear();
        browser.findElement(By.id("latitude")).sendKeys("north");
        Browser.navigating(
                browser, () -> browser.findElement(By.cssSelector("form[action$='/correct'] button[type=submit]"))
                        .click());
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("not saved");
        axe(eventPath + " refused correction", problems);

        Browser.navigating(browser, () -> browser.findElement(By.xpath("//button[text()='Reject']"))
                .click());
        // The next event in the queue opens, saying what became of this one.
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .startsWith("Event #" + id + " rejected");
        assertThat(jdbc.sql("SELECT review_state FROM intel_events WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("rejected");

        Browser.navigating(browser, () -> browser.findElement(By.cssSelector("form[action='/signout'] button"))
                .click());
        signIn(ADMIN);
        // a recorded retraining, as the admin page shows one kept out, with its figures side by side
        jdbc.sql(
                        "INSERT INTO intel_model_trainings (state, requested_by, started_at, finished_at, previous_version, "
                                + "model_version, corpus_size, reviewed_count, heldout_size, figures, reason) VALUES ('kept', :who, "
                                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'ev-0123456789', 'ev-9876543210', 4027, 3, 375, :figures, :reason)")
                .param("who", ADMIN)
                .param("reason", "Kept out: worse than the model in use (weighted F1 lower by more than 0.005).")
                .param(
                        "figures",
                        "{\"before\":{\"sub-type weighted F1\":0.812,\"F1 Attack\":0.8},"
                                + "\"after\":{\"sub-type weighted F1\":0.7,\"F1 Attack\":0.5}}")
                .update();
        browser.get(url("/admin/intel"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Analysis queue");
        assertThat(browser.findElement(By.id("latest-training")).getText())
                .contains("Kept out", "0.812", "0.700", "F1 Attack");
        assertThat(browser.findElement(By.id("events-by-model")).getText()).contains("(in use)");
        axe("/admin/intel", problems);
        assertThat(problems).isEmpty();
    }

    void signIn(String email) {
        browser.get(url("/signin"));
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        Browser.navigating(browser, () -> browser.findElement(By.id("password")).sendKeys(Keys.ENTER));
    }

    void axe(String where, List<String> problems) throws IOException {
        for (String v : Axe.seriousViolations(browser)) problems.add(where + ": " + v);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
