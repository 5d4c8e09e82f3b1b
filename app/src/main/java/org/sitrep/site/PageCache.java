package org.sitrep.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.newsroom.PieceChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Rendered public pages (and the small lookups every page needs), kept in memory so the hot pages
 * cost one map lookup. Everything is dropped together when any piece changes, when the next
 * scheduled piece goes live (so lists show it on time), or after {@link #LONGEST} as a safety net
 * for changes made behind the application's back. Dropping everything is crude but always correct:
 * one edit may touch the home page, a kind page, tag pages, author pages and related lists.
 */
@Component
public class PageCache {
    static final Duration LONGEST = Duration.ofMinutes(5);
    /** A bound on memory: past this many entries the cache starts over. */
    static final int MAX_ENTRIES = 5_000;

    private final Map<String, Object> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final PieceCatalog catalog;
    private volatile long generation;
    private volatile Instant validUntil = Instant.MIN;

    public PageCache(Clock clock, PieceCatalog catalog) {
        this.clock = clock;
        this.catalog = catalog;
    }

    /** The cached value for {@code key}, or what {@code compute} returns (not cached when null). */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        expireIfDue();
        Object hit = entries.get(key);
        if (hit != null) return (T) hit;
        long before = generation;
        T value = compute.get();
        // A change that landed while we computed must not be hidden by a stale entry.
        if (value != null && before == generation) {
            if (entries.size() >= MAX_ENTRIES) entries.clear();
            entries.put(key, value);
        }
        return value;
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void pieceChanged(PieceChanged event) {
        clear();
    }

    public synchronized void clear() {
        generation++;
        entries.clear();
        validUntil = Instant.MIN;
    }

    private void expireIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(validUntil)) return;
        synchronized (this) {
            if (now.isBefore(validUntil)) return;
            generation++;
            entries.clear();
            Instant until = now.plus(LONGEST);
            Instant next = catalog.nextGoLive().orElse(null);
            validUntil = next != null && next.isBefore(until) ? next : until;
        }
    }
}
