package org.sitrep.intel;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sitrep.common.RunMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code ./sitrep export-articles [--out FILE]}: writes every analysed article as JSON Lines for the Spark archive
 * job ({@link ArchiveExport}; default {@code <data>/articles.jsonl}), then exits: 0 when written, 1 when not.
 */
@Component
class ExportArticlesCommand implements ApplicationRunner {
    private final ArchiveExport archive;
    private final ConfigurableApplicationContext context;
    private final RunMode mode;
    private final Path out;

    ExportArticlesCommand(
            ArchiveExport archive,
            ConfigurableApplicationContext context,
            RunMode mode,
            @Value("${sitrep.articles-out:${sitrep.data-dir:./data}/articles.jsonl}") String out) {
        this.archive = archive;
        this.context = context;
        this.mode = mode;
        this.out = Path.of(out);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!mode.runs("export-articles")) return;
        mode.finish(context, run());
    }

    int run() {
        try {
            System.out.println("export-articles: " + write() + " article(s) written to " + out
                    + "; analyse them with ./sitrep batch --in " + out + " --out DIR, take the events back with"
                    + " ./sitrep import-batch DIR");
            return 0;
        } catch (IOException e) {
            System.err.println("export-articles: cannot write " + out + " (" + e.getMessage() + ")");
            return 1;
        }
    }

    /** Writes the file whole or not at all (a temporary file moved into place): a half export is never read as whole. */
    int write() throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "articles", ".tmp");
        try {
            int n;
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                n = archive.export(w);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
