package org.sitrep.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
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
 * A password guesser and a mail bomber sent round robin to two instances ({@code sitrep.cluster.enabled}): the
 * application's {@link Throttle} and another instance's, on the same PostgreSQL schema, count the same attempts,
 * so the limits hold as for one instance. A throttle counting in memory, as before, is the control: it sees none.
 */
@RequiresPostgres
@SpringBootTest(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.cluster.enabled=true",
            "sitrep.intel.workers=0",
            "sitrep.scheduler.initial-delay=1h",
            "sitrep.signin.rate-limit=5",
            "sitrep.signin.address-limit=8",
            "sitrep.signin.rate-window=15m",
            "sitrep.signin.account-delay=10s"
        })
@Import(TestClockConfig.class)
class SignInThrottleSeveralInstancesPostgresTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @Autowired
    Throttle instanceA;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Throttle instanceB;
    Throttle inMemory;

    @BeforeEach
    void instances() {
        instanceA.reset();
        instanceB = new Throttle(clock, 5, Duration.ofMinutes(15), 8, Duration.ofSeconds(10), jdbc, true);
        inMemory = new Throttle(clock, 5, Duration.ofMinutes(15), 8, Duration.ofSeconds(10), jdbc, false);
    }

    @Test
    void wrongPasswordsSpreadOverTwoInstancesSlowTheAccountOnBoth() {
        for (int i = 0; i < 5; i++) {
            Throttle answering = i % 2 == 0 ? instanceA : instanceB;
            assertThat(answering.passwordRefusal("victim@example.org", "203.0.113." + i))
                    .isEmpty();
            answering.passwordFailed("victim@example.org", "203.0.113." + i);
        }
        assertThat(instanceA.passwordRefusal("victim@example.org", "198.51.100.1"))
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10)));
        assertThat(instanceB.passwordRefusal("victim@example.org", "198.51.100.2"))
                .isPresent();
        assertThat(inMemory.passwordRefusal("victim@example.org", "198.51.100.3"))
                .as("the control counts per instance")
                .isEmpty();
        assertThat(instanceB.passwordRefusal("someone-else@example.org", "198.51.100.2"))
                .isEmpty();

        // The owner signs in on B: A no longer slows the account either.
        instanceB.signedIn("victim@example.org");
        assertThat(instanceA.passwordRefusal("victim@example.org", "198.51.100.1"))
                .isEmpty();
    }

    @Test
    void oneAddressGuessingManyAccountsIsStoppedOnEveryInstance() {
        for (int i = 0; i < 8; i++)
            (i % 2 == 0 ? instanceA : instanceB).passwordFailed("account" + i + "@example.org", "192.0.2.66");
        assertThat(instanceA.passwordRefusal("fresh@example.org", "192.0.2.66")).isPresent();
        assertThat(instanceB.passwordRefusal("fresh@example.org", "192.0.2.66")).isPresent();
        assertThat(instanceB.passwordRefusal("fresh@example.org", "192.0.2.67")).isEmpty();
        clock.advance(Duration.ofMinutes(16));
        assertThat(instanceA.passwordRefusal("fresh@example.org", "192.0.2.66"))
                .as("the window has passed")
                .isEmpty();
    }

    @Test
    void signInLinksForOneAddressAreLimitedAcrossInstances() {
        for (int i = 0; i < 5; i++) {
            assertThat((i % 2 == 0 ? instanceA : instanceB).linkRefusal("bombed@example.org", "203.0.113." + i))
                    .isEmpty();
        }
        assertThat(instanceA.linkRefusal("bombed@example.org", "203.0.113.9")).isPresent();
        assertThat(instanceB.linkRefusal("bombed@example.org", "203.0.113.9")).isPresent();
        assertThat(inMemory.linkRefusal("bombed@example.org", "203.0.113.9"))
                .as("the control counts per instance")
                .isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM signin_attempts WHERE attempt_key = 'link:bombed@example.org'")
                        .query(Long.class)
                        .single())
                .as("refused requests count nothing")
                .isEqualTo(5);
    }
}
