package org.sitrep.ingest;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sitrep.common.RunMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./sitrep ingest FILE|URL …} ({@code sitrep.command=ingest}): takes in each file or web
 * address, prints one line per input (ingested, duplicate, already ingested, or error: reason) and
 * exits with status 1 if any input failed, 2 when none was given.
 */
@Component
@Order(10)
class IngestCommand implements ApplicationRunner {
    private final Ingestion ingestion;
    private final ConfigurableApplicationContext context;
    private final RunMode mode;
    PrintStream out = System.out;

    IngestCommand(Ingestion ingestion, ConfigurableApplicationContext context, RunMode mode) {
        this.ingestion = ingestion;
        this.context = context;
        this.mode = mode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!mode.runs("ingest")) return;
        int status = run(args.getNonOptionArgs());
        mode.finish(context, status);
        lastStatus = status;
    }

    /** For tests, where the JVM must not exit. */
    int lastStatus = -1;

    int run(List<String> inputs) {
        if (inputs.isEmpty()) {
            out.println("ingest: give one or more files or web addresses");
            return 2;
        }
        boolean anyFailed = false;
        for (String input : inputs) {
            Ingestion.Report report =
                    isWebAddress(input) ? ingestion.url(input, new Intake.Origin(null, "Command line")) : file(input);
            out.println(input + ": " + report.describe());
            anyFailed |= report.failed();
        }
        return anyFailed ? 1 : 0;
    }

    private Ingestion.Report file(String input) {
        Path path = Path.of(input);
        if (!Files.isRegularFile(path)) return new Ingestion.Report(input, List.of(), List.of("no such file"));
        return ingestion.file(path, new Intake.Origin(null, "Command line"));
    }

    private static boolean isWebAddress(String s) {
        String l = s.toLowerCase(java.util.Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }
}
