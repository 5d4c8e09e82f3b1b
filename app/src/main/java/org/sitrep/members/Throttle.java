package org.sitrep.members;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rate limits for sign-in and magic-link requests: at most {@code limit} attempts per
 * {@code window} for one email address and for one client address. Kept in memory, so per
 * instance; it blunts password guessing and mail bombing, it is not an accounting system.
 */
@Component
public class Throttle {
    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    Throttle(Clock clock, @Value("${sitrep.signin.rate-limit:5}") int limit,
             @Value("${sitrep.signin.rate-window:15m}") Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** Counts one attempt for each key; false (and nothing counted) when any key is over its limit. */
    public boolean allow(String... keys) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        if (attempts.size() > 100_000) attempts.clear(); // a flood of distinct keys must not eat the heap
        synchronized (this) {
            for (String key : keys) {
                Deque<Instant> d = attempts.get(key);
                if (d == null) continue;
                while (!d.isEmpty() && !d.peekFirst().isAfter(since)) d.pollFirst();
                if (d.size() >= limit) return false;
            }
            for (String key : keys) attempts.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
            return true;
        }
    }

    /** Forget everything (tests). */
    public void reset() {
        attempts.clear();
    }
}
