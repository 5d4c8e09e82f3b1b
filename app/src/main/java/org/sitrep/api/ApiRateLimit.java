package org.sitrep.api;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Requests per key per minute (a fixed window; {@code sitrep.api.rate-limit}, 0 for none): it keeps one runaway
 * script from starving the desk, it is not billing. One instance counts in memory; with several
 * ({@code sitrep.cluster.enabled}) each call adds one to its key's row for the minute in {@code api_rate_windows}
 * (one atomic statement), so the limit is the same whichever instances a client's calls reach.
 * The members' {@code Throttle} keeps every attempt's time, fine for sign-ins, too heavy for thousands of calls a minute.
 */
@Component
class ApiRateLimit {
    private record Window(long minute, AtomicInteger count) {}

    private final Clock clock;
    private final int perMinute;
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();
    /** Set with several instances: the counts are rows, shared by all. */
    private final JdbcClient shared;

    private final AtomicLong prunedMinute = new AtomicLong();

    ApiRateLimit(Clock clock, int perMinute) {
        this(clock, perMinute, null, false);
    }

    @Autowired
    ApiRateLimit(
            Clock clock,
            @Value("${sitrep.api.rate-limit:1200}") int perMinute,
            JdbcClient jdbc,
            @Value("${sitrep.cluster.enabled:false}") boolean severalInstances) {
        this.clock = clock;
        this.perMinute = perMinute;
        this.shared = severalInstances ? jdbc : null;
    }

    boolean allow(long keyId) {
        if (perMinute <= 0) return true;
        long minute = clock.millis() / 60_000;
        if (shared != null) return sharedCount(keyId, minute) <= perMinute;
        Window w = windows.compute(
                keyId,
                (k, old) -> old == null || old.minute() != minute ? new Window(minute, new AtomicInteger()) : old);
        return w.count().incrementAndGet() <= perMinute;
    }

    private int sharedCount(long keyId, long minute) {
        // Earlier minutes count for nothing: the first call of each minute on an instance drops them.
        long last = prunedMinute.get();
        if (last != minute && prunedMinute.compareAndSet(last, minute)) {
            shared.sql("DELETE FROM api_rate_windows WHERE window_minute < :minute")
                    .param("minute", minute)
                    .update();
        }
        return shared.sql(
                        "INSERT INTO api_rate_windows (key_id, window_minute, calls) VALUES (:key, :minute, 1) "
                                + "ON CONFLICT (key_id, window_minute) DO UPDATE SET calls = api_rate_windows.calls + 1 RETURNING calls")
                .param("key", keyId)
                .param("minute", minute)
                .query(Integer.class)
                .single();
    }

    int perMinute() {
        return perMinute;
    }
}
