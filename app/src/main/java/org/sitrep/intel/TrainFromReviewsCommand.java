package org.sitrep.intel;

import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code ./sitrep train --with-reviews [--data DIR]}: the admin's "Retrain from reviews" from the command
 * line, on this data directory's database (the reviewed examples) and models folder; prints the figures
 * and the verdict, then exits: 0 when the new model was swapped in (or is the one in use), 1 when it was
 * kept out or the run failed, 3 when another retraining is running.
 */
@Component
class TrainFromReviewsCommand implements ApplicationRunner {
    private final ModelRetraining retraining;
    private final ConfigurableApplicationContext context;
    private final String command;
    private final boolean exitAfterCommand;

    TrainFromReviewsCommand(
            ModelRetraining retraining,
            ConfigurableApplicationContext context,
            @Value("${sitrep.command:}") String command,
            @Value("${sitrep.command-exits:true}") boolean exitAfterCommand) {
        this.retraining = retraining;
        this.context = context;
        this.command = command;
        this.exitAfterCommand = exitAfterCommand;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!"train".equals(command)) return;
        int code = run();
        if (exitAfterCommand) System.exit(SpringApplication.exit(context, () -> code));
    }

    int run() {
        System.out.println(
                "train: retraining the event and actor-role models from the corpus and the analysts' reviews (a few minutes)...");
        ModelRetraining.Training t;
        try {
            t = retraining.runNow("command line");
        } catch (ModelRetraining.AlreadyRunning e) {
            System.err.println("train: " + e.getMessage());
            return 3;
        }
        if (t.modelVersion() != null) {
            System.out.printf(
                    Locale.ROOT,
                    "train: %d corpus passages + %d reviewed example(s), measured on %d held-out passages%n",
                    t.corpusSize(),
                    t.reviewedCount(),
                    t.heldoutSize());
            for (Map.Entry<String, Double[]> f : t.compared().entrySet()) {
                System.out.printf(
                        Locale.ROOT,
                        "  %-40s %s -> %s%n",
                        f.getKey(),
                        number(f.getValue()[0]),
                        number(f.getValue()[1]));
            }
        }
        System.out.println("train: " + t.reason());
        boolean same = t.modelVersion() != null && t.modelVersion().equals(t.previousVersion());
        return "swapped".equals(t.state()) || same ? 0 : 1;
    }

    private static String number(Double d) {
        return d == null ? "–" : String.format(Locale.ROOT, "%.3f", d);
    }
}
