package org.sitrep.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.sitrep.common.SettingsChanged;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.newsroom.PieceChanged;
import org.sitrep.search.SearchIndex;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Rendered public pages (and the small lookups every page needs), kept in memory so the hot pages
 * cost one map lookup. Bounded by size (least recently used pages go first). Everything is
 * dropped together when any piece changes, when the next scheduled piece goes live (so lists show
 * it on time), or when a check every {@link #CHECK_EVERY} finds the database changed behind the
 * application's back (the newest edit, the number of live pieces, or a value a feature asked to
 * {@link #watch}). Dropping everything is crude but always correct: one edit may touch the home
 * page, a kind page, tag and author pages and other pieces' related lists. Each entry also ends
 * {@link #LONGEST} after it was made, for what changes with time alone (the news sitemap's last
 * two days); entries made at different times end at different times, so the site never has to
 * render every page at once.
 */
@Component
public class PageCache {
    static final Duration CHECK_EVERY = Duration.ofMinutes(5);
    static final Duration LONGEST = Duration.ofHours(1);

    private final Cache<String, Object> entries;
    private final Clock clock;
    private final PieceCatalog catalog;
    private volatile long generation;
    private volatile Instant validUntil = Instant.MIN;
    private volatile Instant nextGoLive;
    /** What the last check saw; a different answer means pages may be stale. */
    private volatile List<Object> fingerprint;

    private final List<Supplier<?>> watched = new CopyOnWriteArrayList<>();

    public PageCache(Clock clock, PieceCatalog catalog, @Value("${sitrep.site.page-cache-mb:128}") long megabytes) {
        this.clock = clock;
        this.catalog = catalog;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(megabytes * 1024 * 1024)
                .weigher((String key, Object value) -> weight(value))
                .expireAfterWrite(LONGEST)
                .build();
    }

    /** The cached value for {@code key}, or what {@code compute} returns (not cached when null). */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        expireIfDue();
        Object hit = entries.getIfPresent(key);
        if (hit != null) return (T) hit;
        long before = generation;
        T value = compute.get();
        // A change that landed while we computed must not be hidden behind a stale entry.
        if (value != null && before == generation) entries.put(key, value);
        return value;
    }

    /** The cached value for {@code key}, or null: nothing is computed. */
    @SuppressWarnings("unchecked")
    public <T> T getIfPresent(String key) {
        expireIfDue();
        return (T) entries.getIfPresent(key);
    }

    /** Also drop everything when {@code value} (read at each check, so cheap to ask) changes. */
    public void watch(Supplier<?> value) {
        watched.add(value);
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void pieceChanged(PieceChanged event) {
        clear();
    }

    /** Pages show settings (the paywall's offer and free pieces): drop them when an administrator changes any. */
    @TransactionalEventListener(fallbackExecution = true)
    public void settingsChanged(SettingsChanged event) {
        clear();
    }

    /** Search results and related lists cached while the index was rebuilt may be partial. */
    @EventListener
    public void searchRebuilt(SearchIndex.Rebuilt event) {
        clear();
    }

    public synchronized void clear() {
        generation++;
        entries.invalidateAll();
        validUntil = Instant.MIN;
    }

    private void expireIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(validUntil)) return;
        synchronized (this) {
            if (now.isBefore(validUntil)) return;
            List<Object> current = new ArrayList<>(List.of(catalog.lastUpdated(), catalog.countLive()));
            for (Supplier<?> w : watched) current.add(w.get());
            boolean wentLive = nextGoLive != null && !now.isBefore(nextGoLive);
            if (wentLive || !current.equals(fingerprint)) {
                generation++;
                entries.invalidateAll();
            }
            fingerprint = current;
            Instant until = now.plus(CHECK_EVERY);
            nextGoLive = catalog.nextGoLive().orElse(null);
            validUntil = nextGoLive != null && nextGoLive.isBefore(until) ? nextGoLive : until;
        }
    }

    /** A cached value that knows roughly how many bytes it holds. */
    public interface Weighed {
        int weight();
    }

    /** Roughly the bytes an entry holds. */
    private static int weight(Object value) {
        if (value instanceof Weighed w) return w.weight();
        if (value instanceof java.util.Optional<?> o)
            return o.map(PageCache::weight).orElse(64);
        if (value instanceof byte[] bytes) return bytes.length + 64;
        if (value instanceof String s) return 2 * s.length() + 64;
        return 1024;
    }
}
