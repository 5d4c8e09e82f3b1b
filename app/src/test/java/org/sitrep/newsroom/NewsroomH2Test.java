package org.sitrep.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.sitrep.testsupport.Browser;
import org.sitrep.testsupport.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class NewsroomH2Test extends NewsroomContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) { TestDatabases.h2(registry); }

    /** An editor signs in with a real browser, writes a piece, publishes it and previews it. */
    @Test
    void anEditorSignsInAndPublishesInChromium() {
        ensureEditor();
        WebDriver browser = Browser.start();
        try {
            String base = "http://localhost:" + port;
            browser.get(base + "/newsroom");
            assertThat(browser.getCurrentUrl()).endsWith("/signin");
            browser.findElement(By.id("username")).sendKeys(EDITOR);
            browser.findElement(By.id("password")).sendKeys("not the password");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("not right");

            browser.findElement(By.id("username")).sendKeys(EDITOR);
            browser.findElement(By.id("password")).sendKeys(EDITOR_PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.getCurrentUrl()).contains("/newsroom").doesNotContain("signin");

            browser.get(base + "/newsroom/pieces/new");
            String headline = "Browser-made report " + UUID.randomUUID().toString().substring(0, 8);
            browser.findElement(By.id("headline")).sendKeys(headline);
            browser.findElement(By.id("standfirst")).sendKeys("Written in Chromium.");
            new Select(browser.findElement(By.id("kind"))).selectByValue("REPORT");
            browser.findElement(By.id("body")).sendKeys("Fighting in **Layramoun** <script>alert(1)</script>");
            browser.findElement(By.id("tags")).sendKeys("Aleppo");
            new Select(browser.findElement(By.id("status"))).selectByValue("PUBLISHED");
            browser.findElement(By.cssSelector("main form button[type=submit]")).click();
            assertThat(browser.getCurrentUrl()).matches(".*/newsroom/pieces/\\d+$");
            assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Saved");

            browser.findElement(By.linkText("Preview as readers see it")).click();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
            assertThat(browser.findElement(By.cssSelector(".body strong")).getText()).isEqualTo("Layramoun");
            assertThat(browser.getPageSource()).doesNotContain("<script>alert(1)");

            Piece live = catalog.latestOfKind(PieceKind.REPORT, 50, 0).stream()
                    .filter(p -> p.headline().equals(headline)).findFirst().orElseThrow();
            assertThat(live.status()).isEqualTo(PieceStatus.PUBLISHED);
            assertThat(Duration.between(live.publishAt(), clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));
        } finally {
            browser.quit();
        }
    }
}
