package org.sitrep.api;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Requests per key per minute (a fixed window; {@code sitrep.api.rate-limit}, 0 for none). In memory,
 * per instance: it keeps one runaway script from starving the desk, it is not billing.
 * The members' {@code Throttle} keeps every attempt's time, fine for sign-ins, too heavy for thousands of calls a minute.
 */
@Component
class ApiRateLimit {
    private record Window(long minute, AtomicInteger count) {}

    private final Clock clock;
    private final int perMinute;
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();

    ApiRateLimit(Clock clock, @Value("${sitrep.api.rate-limit:1200}") int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    boolean allow(long keyId) {
        if (perMinute <= 0) return true;
        long minute = clock.millis() / 60_000;
        Window w = windows.compute(keyId, (k, old) -> old == null || old.minute() != minute ? new Window(minute, new AtomicInteger()) : old);
        return w.count().incrementAndGet() <= perMinute;
    }

    int perMinute() {
        return perMinute;
    }
}
