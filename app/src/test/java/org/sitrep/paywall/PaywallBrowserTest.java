package org.sitrep.paywall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
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

/** An anonymous reader in headless Chromium reads three pieces and hits the meter on the fourth. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "sitrep.sample-content=false")
@Import(TestClockConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaywallBrowserTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) { TestDatabases.h2(registry); }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired MutableClock clock;

    WebDriver browser;

    @BeforeAll
    void seed() {
        clock.set(TestClockConfig.START);
        TestPieces fixture = new TestPieces(jdbc, events);
        for (int i = 1; i <= 4; i++) {
            fixture.piece("ceasefire-day-" + i).kind("NEWS").headline("Ceasefire, day " + i)
                    .body("<p>Day " + i + " opened quietly.</p><p>Crossings stayed open.</p><p>HIDDEN-LATER paragraph " + i + ".</p>")
                    .insert();
        }
        browser = Browser.start();
    }

    @AfterAll
    void quit() {
        if (browser != null) browser.quit();
    }

    @Test
    void theFourthPieceOfTheMonthIsCutAndOffersASubscription() {
        String base = "http://localhost:" + port;
        for (int i = 1; i <= 3; i++) {
            browser.get(base + "/news/ceasefire-day-" + i);
            assertThat(browser.findElement(By.cssSelector(".body")).getText()).contains("HIDDEN-LATER paragraph " + i);
            assertThat(browser.findElement(By.id("meter-notice")).getText()).contains((3 - i) + " free piece");
        }
        browser.get(base + "/news/ceasefire-day-4");
        assertThat(browser.findElement(By.cssSelector(".body")).getText()).contains("Day 4 opened quietly.");
        assertThat(browser.getPageSource()).doesNotContain("HIDDEN-LATER");
        assertThat(browser.findElement(By.id("paywall-offer")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("paywall-offer")).getText())
                .contains("Join our community of readers").contains("Subscribe. Only $100 per year.");
        browser.findElement(By.cssSelector("#paywall-offer .offer-price a")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/subscribe");
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("Annual").contains("$100 per year")
                .contains("Monthly").contains("$10 per month");
    }
}
