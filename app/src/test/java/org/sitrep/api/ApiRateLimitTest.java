package org.sitrep.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sitrep.testsupport.MutableClock;

class ApiRateLimitTest {
    @Test
    void allowsTheLimitPerKeyPerMinute() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T12:00:00Z"));
        ApiRateLimit limit = new ApiRateLimit(clock, 3);
        assertThat(limit.allow(1)).isTrue();
        assertThat(limit.allow(1)).isTrue();
        assertThat(limit.allow(1)).isTrue();
        assertThat(limit.allow(1)).isFalse();
        assertThat(limit.allow(2)).as("another key has its own count").isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(limit.allow(1)).isTrue();
        assertThat(new ApiRateLimit(clock, 0).allow(1)).as("0 means no limit").isTrue();
    }
}
