package org.sitrep.intel;

import org.sitrep.common.RunMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code ./sitrep reanalyse}: queues every analysed document and every live piece for the engine,
 * then exits. The queue is in the database, so a running server's workers (or the next start's)
 * do the work; analysts' reviewed events are kept as always.
 */
@Component
class ReanalyseCommand implements ApplicationRunner {
    private final AnalysisQueue queue;
    private final AnalysisWorkers workers;
    private final ConfigurableApplicationContext context;
    private final RunMode mode;

    ReanalyseCommand(
            AnalysisQueue queue, AnalysisWorkers workers, ConfigurableApplicationContext context, RunMode mode) {
        this.queue = queue;
        this.workers = workers;
        this.context = context;
        this.mode = mode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!mode.runs("reanalyse")) return;
        int documents = queue.enqueueAll();
        int pieces = workers.backfill();
        System.out.println("reanalyse: " + (documents + pieces) + " document(s) queued; the server's analysis workers "
                + "process them (see /admin/intel)");
        mode.finish(context, 0);
    }
}
