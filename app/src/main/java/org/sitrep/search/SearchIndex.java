package org.sitrep.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.newsroom.PieceChanged;
import org.sitrep.newsroom.PieceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The site's full-text search (Lucene, BM25) over pieces, under {@code <data>/index}.
 *
 * <p>Published and scheduled pieces are indexed; a scheduled piece is filtered out at query time
 * until its publish time, so it turns up in results on the second without re-indexing. The index
 * follows the newsroom through {@link PieceChanged} and is rebuilt at start when it does not match
 * the database (empty, older than the latest change, or a different number of pieces), in the
 * background so the site serves meanwhile.
 */
@Service
public class SearchIndex implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    public static final int MAX_PAGE = PieceIndex.MAX_PAGE;
    private static final String COMMIT_LAST_UPDATED = "lastUpdated";
    /**
     * The documents' layout; an index committed with another one is rebuilt at start. 2: the body is
     * no longer stored, snippets come from the readable text.
     */
    private static final String COMMIT_LAYOUT = "layout";

    static final String LAYOUT = "2";

    private final PieceCatalog catalog;
    private final Clock clock;
    private final PieceIndex index;
    private final ApplicationEventPublisher events;
    /** One writer at a time: a rebuild and the newsroom's changes never interleave. */
    private final Object writeLock = new Object();

    public SearchIndex(SitrepProperties properties, PieceCatalog catalog, Clock clock, ApplicationEventPublisher events)
            throws IOException {
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
        this.index = new PieceIndex(properties.indexDir());
    }

    /**
     * Ranked results among pieces live now, those in the page's language first (Spring's locale: the edition's);
     * see {@link PieceIndex#search}.
     */
    public SearchResults search(String query, int page, int pageSize) {
        return index.search(
                query,
                page,
                pageSize,
                clock.instant(),
                LocaleContextHolder.getLocale().getLanguage());
    }

    /** Ids of live pieces sharing tags with this one, best first; see {@link PieceIndex#related}. */
    public List<Long> related(Piece piece, int limit) {
        return index.related(piece, limit, clock.instant());
    }

    /** Pieces in the index, live or waiting for their time. */
    public int size() {
        return index.size();
    }

    /** A rebuild in the background must not hold the shutdown up for minutes. */
    private volatile boolean closing;
    /** A rebuild began and did not finish: what is committed meanwhile must still look stale. */
    private volatile boolean unfinished;

    private static final class StoppedByShutdown extends RuntimeException {
        StoppedByShutdown() {
            super(null, null, false, false);
        }
    }

    /** Announced when a rebuild has finished: pages cached meanwhile may hold partial results. */
    public record Rebuilt(long pieces) {}

    /**
     * At start, in the background: the site serves at once (a rebuild of 100,000 pieces takes about
     * a minute) while searches see the old index, or a filling one when there was none.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void rebuildIfStaleInTheBackground() {
        Thread rebuilder = new Thread(
                () -> {
                    try {
                        rebuildIfStale();
                    } catch (RuntimeException e) {
                        log.error("Search index could not be rebuilt; it will be tried again at the next start", e);
                    }
                },
                "search-rebuild");
        rebuilder.setDaemon(true);
        rebuilder.start();
    }

    public void rebuildIfStale() {
        if (isStale()) rebuild();
    }

    /** Behind the database: pieces changed that the index (with everything it was told) does not have. */
    boolean isStale() {
        synchronized (writeLock) {
            commitIfChanged();
            String lastUpdated = catalog.lastUpdated().map(Instant::toString).orElse("");
            long expected = catalog.countLive() + catalog.scheduledAhead().size();
            Map<String, String> committed = index.committedData();
            return !lastUpdated.equals(committed.get(COMMIT_LAST_UPDATED))
                    || !LAYOUT.equals(committed.get(COMMIT_LAYOUT))
                    || index.size() != expected;
        }
    }

    /**
     * Re-indexes every live and scheduled piece from the database, replacing documents in place and
     * then dropping those of pieces no longer searchable, so searches meanwhile still find the rest.
     */
    public void rebuild() {
        long count;
        synchronized (writeLock) {
            try {
                long started = System.nanoTime();
                unfinished = true;
                Set<Long> seen = new HashSet<>();
                catalog.forEachLive(500, batch -> {
                    if (closing) throw new StoppedByShutdown();
                    batch.forEach(p -> {
                        put(p);
                        seen.add(p.id());
                    });
                });
                for (Piece p : catalog.scheduledAhead()) {
                    put(p);
                    seen.add(p.id());
                }
                for (long id : index.ids()) if (!seen.contains(id)) index.remove(id);
                unfinished = false;
                commit();
                count = seen.size();
                log.info("Search index rebuilt: {} pieces in {} ms", count, (System.nanoTime() - started) / 1_000_000);
            } catch (StoppedByShutdown e) {
                // Committed from now on as stale (no "last updated"), so the next start rebuilds it.
                log.info("Search index rebuild stopped by the shutdown; the next start does it again");
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        events.publishEvent(new Rebuilt(count));
    }

    /** After the newsroom's transaction commits: re-read the piece and index it, or drop it. */
    @TransactionalEventListener(fallbackExecution = true)
    public void pieceChanged(PieceChanged event) {
        synchronized (writeLock) {
            try {
                Optional<Piece> piece = catalog.findById(event.pieceId()).filter(SearchIndex::searchable);
                if (piece.isPresent()) index.put(piece.get());
                else index.remove(event.pieceId());
            } catch (IOException | RuntimeException e) {
                // The piece itself was saved; the index catches up at the next start (it will look stale).
                log.error("Search index could not be updated for piece {}", event.pieceId(), e);
            }
        }
    }

    /** Published or scheduled with a time: live now or going live later. */
    static boolean searchable(Piece p) {
        return (p.status() == PieceStatus.PUBLISHED || p.status() == PieceStatus.SCHEDULED) && p.publishAt() != null;
    }

    private void put(Piece p) {
        try {
            if (searchable(p)) index.put(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Changes are searchable at once but written to disk every few seconds, not per piece: a
     * corpus load of thousands of pieces must not wait for an fsync each. After a crash the index
     * looks stale at the next start and is rebuilt.
     */
    @Scheduled(fixedDelayString = "${sitrep.search.commit-every-ms:5000}")
    public void commitIfChanged() {
        synchronized (writeLock) {
            if (!index.hasUncommittedChanges()) return;
            try {
                commit();
            } catch (IOException | RuntimeException e) {
                log.error("Search index could not be committed", e);
            }
        }
    }

    private void commit() throws IOException {
        index.commit(Map.of(
                COMMIT_LAST_UPDATED,
                unfinished ? "" : catalog.lastUpdated().map(Instant::toString).orElse(""),
                COMMIT_LAYOUT,
                LAYOUT));
    }

    @Override
    public void destroy() throws IOException {
        closing = true;
        commitIfChanged();
        synchronized (writeLock) {
            index.close();
        }
    }
}
