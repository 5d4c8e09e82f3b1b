package org.sitrep.intel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
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
    private final String command;
    private final boolean exitAfterCommand;

    ReanalyseCommand(AnalysisQueue queue, AnalysisWorkers workers, ConfigurableApplicationContext context,
                     @Value("${sitrep.command:}") String command,
                     @Value("${sitrep.command-exits:true}") boolean exitAfterCommand) {
        this.queue = queue;
        this.workers = workers;
        this.context = context;
        this.command = command;
        this.exitAfterCommand = exitAfterCommand;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!"reanalyse".equals(command)) return;
        int documents = queue.enqueueAll();
        int pieces = workers.backfill();
        System.out.println("reanalyse: " + (documents + pieces) + " document(s) queued; the server's analysis workers "
                + "process them (see /admin/intel)");
        if (exitAfterCommand) System.exit(SpringApplication.exit(context, () -> 0));
    }
}
