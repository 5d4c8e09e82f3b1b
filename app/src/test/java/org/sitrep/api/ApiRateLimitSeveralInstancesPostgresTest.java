package org.sitrep.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.RequiresPostgres;
import org.sitrep.testsupport.TestClockConfig;
import org.sitrep.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A client spreading its data API calls over two instances ({@code sitrep.cluster.enabled}): the application's
 * {@link ApiRateLimit} and another instance's, on one PostgreSQL schema, count the same calls, so a key gets its
 * limit once, not once per instance. The in-memory limit (one instance) is the control: it sees none of them.
 */
@RequiresPostgres
@SpringBootTest(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.cluster.enabled=true",
            "sitrep.intel.workers=0",
            "sitrep.scheduler.initial-delay=1h",
            "sitrep.api.rate-limit=4"
        })
@Import(TestClockConfig.class)
class ApiRateLimitSeveralInstancesPostgresTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @Autowired
    ApiRateLimit instanceA;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void callsSpreadOverTwoInstancesShareOneLimit() {
        ApiRateLimit instanceB = new ApiRateLimit(clock, 4, jdbc, true);
        ApiRateLimit inMemory = new ApiRateLimit(clock, 4);
        clock.advance(Duration.ofMillis(60_000 - clock.millis() % 60_000)); // the start of a minute
        assertThat(instanceA.allow(7)).isTrue();
        assertThat(instanceB.allow(7)).isTrue();
        assertThat(instanceA.allow(7)).isTrue();
        assertThat(instanceB.allow(7)).isTrue();
        assertThat(instanceA.allow(7))
                .as("the fifth call this minute, wherever it lands")
                .isFalse();
        assertThat(instanceB.allow(7)).isFalse();
        assertThat(instanceB.allow(8)).as("another key has its own limit").isTrue();
        assertThat(inMemory.allow(7)).as("the control counts per instance").isTrue();

        clock.advance(Duration.ofMinutes(1));
        assertThat(instanceB.allow(7)).as("a new minute").isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_rate_windows WHERE window_minute < :m")
                        .param("m", clock.millis() / 60_000)
                        .query(Long.class)
                        .single())
                .as("earlier minutes are dropped")
                .isZero();
    }
}
