package org.sitrep.intel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sitrep.common.RunMode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code ./sitrep import-batch DIR|FILE ...}: takes a Spark archive run's events back into the database
 * ({@link ArchiveImport}), prints what it did and what it set aside, then exits: 0 when the input was read
 * (set-aside rows and articles are listed, not fatal), 1 when it could not be, 2 when none was given.
 */
@Component
class ImportBatchCommand implements ApplicationRunner {
    private final ArchiveImport archive;
    private final ConfigurableApplicationContext context;
    private final RunMode mode;

    ImportBatchCommand(ArchiveImport archive, ConfigurableApplicationContext context, RunMode mode) {
        this.archive = archive;
        this.context = context;
        this.mode = mode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!mode.runs("import-batch")) return;
        mode.finish(context, run(args.getNonOptionArgs()));
    }

    int run(List<String> inputs) {
        if (inputs.isEmpty()) {
            System.err.println("import-batch: give the output folder of ./sitrep batch (or its events.jsonl files)");
            return 2;
        }
        ArchiveImport.Report r;
        try {
            r = archive.importFrom(inputs.stream().map(Path::of).toList());
        } catch (IOException e) {
            System.err.println(
                    "import-batch: cannot read the input (" + e.getMessage() + "); nothing more was imported");
            return 1;
        }
        System.out.printf(
                "import-batch: %d file(s), %d row(s), %d article(s): %d imported (%d events; %d analysts' events "
                        + "kept as they were; %d machine events no longer found, dropped)%n",
                r.files(), r.rows(), r.articles(), r.imported(), r.events(), r.kept(), r.dropped());
        if (r.unmatched() + r.setAside() + r.malformedRows() > 0) {
            System.out.printf(
                    "import-batch: %d article(s) not in this database, %d set aside, %d malformed row(s):%n",
                    r.unmatched(), r.setAside(), r.malformedRows());
            r.problems().forEach(p -> System.out.println("  " + p));
            if (r.problems().size() == ArchiveImport.LISTED)
                System.out.println("  (only the first " + ArchiveImport.LISTED + " are listed)");
        }
        return 0;
    }
}
