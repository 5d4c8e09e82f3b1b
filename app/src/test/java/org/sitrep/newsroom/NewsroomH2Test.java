package org.sitrep.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sitrep.testsupport.Axe;
import org.sitrep.testsupport.Browser;
import org.sitrep.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class NewsroomH2Test extends NewsroomContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    /** An editor signs in with a real browser, writes a piece, publishes it and previews it; every page passes axe. */
    @Test
    void anEditorSignsInAndPublishesInChromium() throws IOException {
        ensureEditor();
        WebDriver browser = Browser.start();
        try {
            String base = "http://localhost:" + port;
            browser.get(base + "/newsroom");
            assertThat(browser.getCurrentUrl()).endsWith("/signin");
            browser.findElement(By.id("username")).sendKeys(EDITOR);
            browser.findElement(By.id("password")).sendKeys("not the password");
            browser.findElement(By.id("signin-submit")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("error"));
            assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                    .contains("not right");

            browser.findElement(By.id("username")).sendKeys(EDITOR);
            browser.findElement(By.id("password")).sendKeys(EDITOR_PASSWORD);
            browser.findElement(By.id("signin-submit")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.not(ExpectedConditions.urlContains("signin")));
            assertThat(browser.getCurrentUrl()).contains("/newsroom");

            browser.get(base + "/newsroom/pieces/new");
            String headline =
                    "Browser-made report " + UUID.randomUUID().toString().substring(0, 8);
            browser.findElement(By.id("headline")).sendKeys(headline);
            browser.findElement(By.id("standfirst")).sendKeys("Written in Chromium.");
            new Select(browser.findElement(By.id("kind"))).selectByValue("REPORT");
            browser.findElement(By.id("body")).sendKeys("Fighting in **Layramoun** <script>alert(1)</script>");
            browser.findElement(By.id("tags")).sendKeys("Aleppo");
            new Select(browser.findElement(By.id("status"))).selectByValue("PUBLISHED");
            browser.findElement(By.id("save")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.urlMatches(".*/newsroom/pieces/\\d+$"));
            assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                    .contains("Saved");

            browser.findElement(By.linkText("Preview as readers see it")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/preview"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
            assertThat(browser.findElement(By.cssSelector(".body strong")).getText())
                    .isEqualTo("Layramoun");
            assertThat(browser.getPageSource()).doesNotContain("<script>alert(1)");

            // WCAG 2.2 AA: no serious or critical axe-core violation on any newsroom page, desktop or phone.
            String pieceUrl = browser.getCurrentUrl();
            long photoId = photos.recent(1).get(0).id();
            long authorId = authors.all().get(0).id();
            List<String> pages = List.of(
                    "/newsroom",
                    "/newsroom?status=scheduled",
                    "/newsroom/pieces/new",
                    pieceUrl.substring(base.length()),
                    "/newsroom/pieces/1",
                    "/newsroom/pieces/1/revisions",
                    "/newsroom/pieces/1/revisions/1",
                    "/newsroom/photos",
                    "/newsroom/photos/" + photoId,
                    "/newsroom/authors",
                    "/newsroom/authors/" + authorId,
                    "/newsroom/authors/new");
            List<String> problems = new ArrayList<>();
            for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(375, 800))) {
                browser.manage().window().setSize(size);
                for (String page : pages) {
                    browser.get(base + page);
                    for (String v : Axe.seriousViolations(browser)) problems.add(page + " @" + size.width + ": " + v);
                }
                // The refused form, with its messages, must be accessible too.
                browser.get(base + "/newsroom/pieces/new");
                browser.findElement(By.id("headline")).sendKeys("   ");
                browser.findElement(By.id("publishAt")).sendKeys("x");
                ((JavascriptExecutor) browser)
                        .executeScript("document.getElementById('headline').removeAttribute('required');"
                                + "document.getElementById('piece-form').submit();");
                new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#form-errors")));
                assertThat(browser.findElement(By.cssSelector("#form-errors")).getText())
                        .contains("Write a headline");
                for (String v : Axe.seriousViolations(browser)) problems.add("refused form @" + size.width + ": " + v);
            }
            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.get(base + "/signin");
            assertThat(browser.getCurrentUrl()).endsWith("/signin");
            for (String v : Axe.seriousViolations(browser)) problems.add("/signin: " + v);
            assertThat(problems).isEmpty();

            Piece live = catalog.latestOfKind(PieceKind.REPORT, 50, 0).stream()
                    .filter(p -> p.headline().equals(headline))
                    .findFirst()
                    .orElseThrow();
            assertThat(live.status()).isEqualTo(PieceStatus.PUBLISHED);
            assertThat(Duration.between(live.publishAt(), clock.instant()).abs())
                    .isLessThan(Duration.ofMinutes(1));
        } finally {
            browser.quit();
        }
    }
}
