package org.sitrep.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The application starts on a database, migrates it, and serves the front page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SiteSmokeContract {
    @Autowired
    TestRestTemplate http;

    @Autowired
    Flyway flyway;

    @Test
    void migratesAndServesTheFrontPage() {
        // Every migration on the classpath was applied, none failed, and the tables answer.
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied())
                .hasSize(flyway.info().all().length)
                .allSatisfy(m ->
                        assertThat(m.getState().isFailed()).as(m.getScript()).isFalse());
        ResponseEntity<String> home = http.getForEntity("/", String.class);
        assertThat(home.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(home.getBody()).contains("Skip to main content");
    }
}
