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
 * {@code ./sitrep export-reviews [--out FILE]}: writes analysts' reviewed events as training passages
 * (JSON Lines, default {@code <data>/reviews.jsonl}) for {@code ./sitrep train --with-reviews FILE}, then exits.
 */
@Component
class ExportReviewsCommand implements ApplicationRunner {
    private final ReviewedExamples examples;
    private final ConfigurableApplicationContext context;
    private final RunMode mode;
    private final Path out;

    ExportReviewsCommand(
            ReviewedExamples examples,
            ConfigurableApplicationContext context,
            RunMode mode,
            @Value("${sitrep.reviews-out:${sitrep.data-dir:./data}/reviews.jsonl}") String out) {
        this.examples = examples;
        this.context = context;
        this.mode = mode;
        this.out = Path.of(out);
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!mode.runs("export-reviews")) return;
        int code = 0;
        try {
            System.out.println("export-reviews: " + write() + " reviewed event(s) written to " + out
                    + "; retrain with ./sitrep train --with-reviews " + out);
        } catch (IOException e) {
            System.err.println("export-reviews: cannot write " + out + " (" + e.getMessage() + ")");
            code = 1;
        }
        mode.finish(context, code);
    }

    /** Writes the file whole or not at all (a temporary file moved into place). */
    int write() throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "reviews", ".tmp");
        try {
            int n;
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                n = examples.export(w);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
