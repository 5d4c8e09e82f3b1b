package org.sitrep.testsupport;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application clock with a {@link MutableClock} starting at {@link #START}. */
@TestConfiguration
public class TestClockConfig {
    public static final Instant START = Instant.parse("2026-03-02T12:00:00Z");

    @Bean
    @Primary
    public MutableClock testClock() {
        return new MutableClock(START);
    }
}
