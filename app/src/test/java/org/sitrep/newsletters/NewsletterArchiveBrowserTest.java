package org.sitrep.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The newsletter as readers see it, in headless Chromium: the mail's HTML rendered as a mail client
 * would (a file, no site policy) at desktop and phone widths, and the public archive (list and web
 * view of a free and a paid issue) at 1366x900 and 390x844, each checked with axe-core; the paid
 * issue's note and the paid piece's body never reach an anonymous reader's page. With
 * {@code -Dsitrep.screenshots=DIR} the rendered mail is saved as {@code DIR/newsletter.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestPropertySource(
        properties = {"sitrep.sample-content=false", "sitrep.newsletters.tick=1h", "sitrep.newsletters.initial-delay=1h"
        })
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsletterArchiveBrowserTest {
    static final int PORT = TestDatabases.freePort();
    static Path data;

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) throws Exception {
        data = Files.createTempDirectory("sitrep-archive-");
        data.toFile().deleteOnExit();
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:archive" + PORT + ";DB_CLOSE_DELAY=-1");
        registry.add("sitrep.data-dir", data::toString);
        registry.add("server.port", () -> PORT);
        registry.add("sitrep.base-url", () -> "http://localhost:" + PORT);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    IssueDesk desk;

    @Autowired
    Newsletters newsletters;

    @Autowired
    IssueLetter letters;

    WebDriver browser;
    final String base = "http://localhost:" + PORT;
    long freeIssue;
    long paidIssue;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    void seed() throws Exception {
        TestPieces fixture = new TestPieces(jdbc, events);
        long port = fixture.photo(
                "aden-quay", "Cranes over the quay", "Sitrep", "Cranes unload a container ship at Aden's quay at dawn");
        long hills = fixture.photo(
                "idlib-hills", "Hills south of Idlib", "Sitrep", "Olive groves on the hills south of Idlib");
        for (String key : List.of("aden-quay", "idlib-hills"))
            photoFiles(key, key.startsWith("aden") ? new Color(0x2b4c6f) : new Color(0x6b7d3a));
        long lead = fixture.piece("aden-port-reopens")
                .kind("NEWS")
                .section("Yemen")
                .headline("Aden's port reopens to container ships")
                .standfirst(
                        "The first ship in six weeks docked at dawn; insurers had cut war-risk premiums the day before")
                .photo(port)
                .insert();
        long memo = fixture.piece("what-the-truce-means")
                .kind("MEMO")
                .section("Syria")
                .access("PAID")
                .headline("What the truce in Idlib means")
                .standfirst("Why the lines held this week, and what would move them")
                .photo(hills)
                .body("<p>The truce holds.</p><p>For now.</p><p>MEMO-CONCLUSION-SECRET only for subscribers.</p>")
                .insert();
        long analysis = fixture.piece("grain-corridor")
                .kind("ANALYSIS")
                .section("Black Sea")
                .headline("The grain corridor, a year on")
                .standfirst("Shipments are up, but the routes are narrower")
                .insert();
        Newsletter daily = newsletters.bySlug("daily-brief").orElseThrow();
        Newsletter weekly = newsletters.bySlug("weekly-memo").orElseThrow();
        freeIssue = sent(desk.save(
                null,
                daily.id(),
                "Daily Brief: Aden's port reopens",
                "Good morning. Three things from the fronts overnight, **in order of consequence**.\n\n"
                        + "- Ships dock again in Aden\n- The Idlib truce holds\n\nOur [weekly memo](/memos/what-the-truce-means) explains why.",
                List.of(lead, memo, analysis),
                "editor@sitrep.example"));
        paidIssue = sent(desk.save(
                null,
                weekly.id(),
                "Weekly Memo: the truce",
                "PAID-NOTE-SECRET: what our analysts make of the week.",
                List.of(memo),
                "editor@sitrep.example"));
        browser = Browser.start();
    }

    @AfterAll
    void quit() {
        if (browser != null) browser.quit();
    }

    private long sent(long issue) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql(
                        "UPDATE newsletter_issues SET state = 'SENT', started_at = :at, finished_at = :at, recipients = 0 WHERE id = :id")
                .param("at", at)
                .param("id", issue)
                .update();
        return issue;
    }

    /** The photo's original and renditions as real JPEG files in the media folder, so the pages show them. */
    private void photoFiles(String key, Color sky) throws Exception {
        Path media = data.resolve("media");
        Files.createDirectories(media);
        for (int w : new int[] {480, 960, 1600}) {
            int h = w * 9 / 16;
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setPaint(new GradientPaint(0, 0, sky, 0, h, new Color(0xe9d8b4)));
            g.fillRect(0, 0, w, h);
            g.setColor(new Color(0x3a3a3a));
            g.fillRect(0, h * 3 / 4, w, h / 4);
            g.setColor(new Color(0x8f1d21));
            for (int i = 0; i < 5; i++) g.fillRect(w / 8 + i * w / 7, h / 2, w / 16, h / 4);
            g.dispose();
            ImageIO.write(
                    img,
                    "jpg",
                    media.resolve(w == 1600 ? key + ".jpg" : key + "-" + w + ".jpg")
                            .toFile());
        }
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

    @Test
    void theMailRendersLikeThePublicationOnDesktopAndPhone() throws Exception {
        Issue issue = desk.find(freeIssue).orElseThrow();
        String html = letters.render(
                        issue, newsletters.byId(issue.newsletterId()).orElseThrow())
                .html(base + "/newsletters/unsubscribe?token=example");
        Path file = Files.createTempFile("newsletter-", ".html");
        Files.writeString(file, html);
        browser.manage().window().setSize(new Dimension(760, 1500));
        browser.get(file.toUri().toString());
        assertThat(browser.findElement(By.cssSelector(".masthead .site-name")).getText())
                .isEqualTo("Sitrep");
        List<Boolean> loaded = new ArrayList<>();
        for (var img : browser.findElements(By.tagName("img"))) {
            loaded.add((Boolean) ((JavascriptExecutor) browser)
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", img));
        }
        assertThat(loaded)
                .as("the photos load from their absolute addresses")
                .hasSize(2)
                .containsOnly(true);
        String dir = System.getProperty("sitrep.screenshots");
        if (dir != null && !dir.isBlank()) {
            Path shot =
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(Path.of(dir));
            Files.copy(shot, Path.of(dir, "newsletter.png"), StandardCopyOption.REPLACE_EXISTING);
        }
        look("mail", 760, 1500);
        look("mail", 390, 844);
        assertThat(problems).isEmpty();
    }

    @Test
    void theArchiveIsAccessibleAndKeepsPaidTextFromAnonymousReaders() throws Exception {
        for (int[] size : new int[][] {{1366, 900}, {390, 844}}) {
            browser.manage().window().setSize(new Dimension(size[0], size[1]));
            // A reader finds the archive from the site's footer, without knowing its address.
            browser.get(base + "/");
            browser.findElement(By.cssSelector("footer a[href='/newsletters']")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/newsletters");
            assertThat(browser.findElements(By.cssSelector(".issue-list a")))
                    .extracting(e -> e.getText())
                    .containsExactly("Weekly Memo: the truce", "Daily Brief: Aden's port reopens");
            look("archive", size[0], size[1]);
            browser.get(base + "/newsletters/issues/" + freeIssue);
            assertThat(browser.findElement(By.id("issue-intro")).getText()).contains("Three things from the fronts");
            assertThat(browser.findElements(By.cssSelector(".issue-piece .teaser-headline")))
                    .hasSize(3);
            assertThat(browser.getPageSource()).doesNotContain("MEMO-CONCLUSION-SECRET");
            look("free issue", size[0], size[1]);
            browser.get(base + "/newsletters/issues/" + paidIssue);
            assertThat(browser.findElements(By.id("issue-intro"))).isEmpty();
            assertThat(browser.findElement(By.id("paywall-offer")).getText()).contains("for subscribers");
            assertThat(browser.getPageSource())
                    .doesNotContain("PAID-NOTE-SECRET")
                    .doesNotContain("MEMO-CONCLUSION-SECRET");
            look("paid issue", size[0], size[1]);
        }
        assertThat(problems).isEmpty();
    }
}
