package org.sitrep.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.sitrep.testsupport.Browser;
import org.sitrep.testsupport.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomePageBrowserTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) { TestDatabases.h2(registry); }

    @LocalServerPort int port;
    WebDriver browser;

    @BeforeEach
    void open() { browser = Browser.start(); }

    @AfterEach
    void close() { if (browser != null) browser.quit(); }

    @Test
    void skipLinkIsTheFirstFocusableElement() {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.findElement(By.cssSelector("a")).getText()).isEqualTo("Skip to main content");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    }
}
