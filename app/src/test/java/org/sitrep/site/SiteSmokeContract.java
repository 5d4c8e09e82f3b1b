package org.sitrep.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application starts on a database, migrates it, and serves the front page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SiteSmokeContract {
    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;

    @Test
    void migratesAndServesTheFrontPage() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pieces").query(Long.class).single()).isGreaterThanOrEqualTo(0);
        ResponseEntity<String> home = http.getForEntity("/", String.class);
        assertThat(home.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(home.getBody()).contains("Skip to main content");
    }
}
