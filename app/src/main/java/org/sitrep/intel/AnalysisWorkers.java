package org.sitrep.intel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sitrep.common.RunMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A small fixed pool of threads working the analysis queue ({@code sitrep.intel.workers}, default 2:
 * the engine is CPU-bound). Idle workers poll the database (other instances enqueue too) and wake
 * early when this instance enqueues. The first worker also checks, once, whether stored analyses
 * came from an older engine and queues them again: that loads the engine, so it happens here in
 * the background, never during startup, and only when there is something analysed or queued.
 */
@Component
class AnalysisWorkers implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AnalysisWorkers.class);

    private final DocumentAnalysis analysis;
    private final AnalysisQueue queue;
    private final AnalysisEngine engine;
    private final JdbcClient jdbc;
    private final PieceSource pieces;
    private final int size;
    private final Duration poll;
    private final boolean commandLine;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    AnalysisWorkers(
            DocumentAnalysis analysis,
            AnalysisQueue queue,
            AnalysisEngine engine,
            JdbcClient jdbc,
            PieceSource pieces,
            @Value("${sitrep.intel.workers:2}") int size,
            @Value("${sitrep.intel.poll:5s}") Duration poll,
            RunMode mode) {
        this.analysis = analysis;
        this.queue = queue;
        this.engine = engine;
        this.jdbc = jdbc;
        this.pieces = pieces;
        this.size = Math.max(0, size);
        this.poll = poll;
        this.commandLine = !mode.server();
    }

    @Override
    public synchronized void start() {
        if (running || commandLine) return;
        running = true;
        for (int i = 0; i < size; i++) {
            boolean first = i == 0;
            Thread t = new Thread(() -> work(first), "intel-worker-" + (i + 1));
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1); // readers' requests come first on a small machine
            threads.add(t);
            t.start();
        }
        if (size > 0) log.info("Analysis queue: {} worker(s)", size);
    }

    private void work(boolean first) {
        String name = Thread.currentThread().getName();
        if (first) upgradeCheck();
        long lastRescue = 0;
        while (running) {
            try {
                if (System.nanoTime() - lastRescue > 60_000_000_000L) {
                    queue.rescueStuck();
                    lastRescue = System.nanoTime();
                }
                if (engine.pickUpNewModel()) {
                    // ./sitrep train --with-reviews swapped a model in: what the old one coded is read again
                    log.info(
                            "Engine {}: {} document(s) queued for the new event model",
                            engine.version(),
                            queue.enqueueStale(engine.version()));
                }
                if (!analysis.runOnce(name)) queue.awaitWork(poll.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database may be briefly away; the queue is durable, so just try again later.
                log.warn("Analysis worker {}: {}", name, e.toString());
                try {
                    Thread.sleep(poll.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /**
     * Queues every live piece the queue has never seen (published before this feature existed, or
     * while the database was restored from elsewhere), then every document analysed by another
     * engine version. Returns how many were queued.
     */
    int upgradeCheck() {
        try {
            int added = backfill();
            long documents = jdbc.sql("SELECT COUNT(*) FROM intel_documents")
                    .query(Long.class)
                    .single();
            if (documents == 0 && !queue.anyPending()) return 0;
            int stale = queue.enqueueStale(engine.version());
            if (stale > 0)
                log.info("Engine {}: {} document(s) analysed by an older engine queued again", engine.version(), stale);
            return added + stale;
        } catch (RuntimeException e) {
            log.warn("Could not check for documents analysed by an older engine: {}", e.toString());
            return 0;
        }
    }

    /** Live pieces without a job: queued. Returns how many. */
    int backfill() {
        java.util.Set<Long> known =
                new java.util.HashSet<>(jdbc.sql("SELECT source_id FROM intel_jobs WHERE source_kind = :kind")
                        .param("kind", PieceSource.KIND)
                        .query(Long.class)
                        .list());
        int added = 0;
        for (long id : pieces.liveIds()) {
            if (known.contains(id)) continue;
            queue.enqueue(PieceSource.KIND, id);
            added++;
        }
        if (added > 0) log.info("Analysis queue: {} published piece(s) never analysed queued", added);
        return added;
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
