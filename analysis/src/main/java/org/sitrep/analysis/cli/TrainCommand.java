package org.sitrep.analysis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.events.EventClassifier;
import org.sitrep.analysis.training.AcledSubtypeReport;
import org.sitrep.analysis.training.CorpusProblem;
import org.sitrep.analysis.training.HeldOut;
import org.sitrep.analysis.training.LearnedModels;
import org.sitrep.analysis.training.Passage;
import org.sitrep.analysis.training.PassageEvaluation;
import org.sitrep.analysis.training.Retraining;
import org.sitrep.analysis.training.TrainingCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sitrep train [--corpus DIR] [--reviews FILE ...] [--out FILE] [--report FILE] [--check]}: trains
 * both learned slots from the corpus (and reviewed events): the event classifier, then the actor-role picker
 * beside it; measures the pair on the held-out split beside the pair in use, and writes both only if they
 * are not worse (the role model next to the event model, {@link LearnedModels#rolesBeside}).
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train the learned event classifier and actor-role picker from the labelled corpus (and analysts'",
            "reviewed events), measure them on the held-out split, and keep them only if they are not worse than the",
            "models in use."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:trained (and written, unless worse) or, with --check, the corpus is clean",
            "1:the corpus has broken lines, cannot be read, or the new model is worse and was not written",
            "2:bad command-line arguments"
        })
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--corpus",
            paramLabel = "DIR",
            defaultValue = "analysis/corpus",
            description = "The folder holding train/ and heldout/. Default: ${DEFAULT-VALUE}.")
    Path corpus;

    @Option(
            names = "--reviews",
            paramLabel = "FILE",
            description =
                    "Reviewed events exported as JSON Lines in the corpus format (added to the training passages).")
    List<Path> reviews = new ArrayList<>();

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = {
                "Where the event model goes; the actor-role model goes beside it (x.bin -> x.roles.bin).",
                "The models already there are the ones to beat (else the bundled ones)."
            })
    Path out;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description =
                    "Write the evaluation page (rules alone vs. rules with the new model), e.g. docs/evaluation/acled-subtypes.md.")
    Path report;

    @Option(names = "--check", description = "Only check the corpus files and list their problems.")
    boolean check;

    @Option(names = "--force", description = "Write the new model even if it is worse (a new corpus's first model).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(corpus.resolve("train"))) {
            err.println("sitrep train: no folder " + corpus.resolve("train") + " (use --corpus)");
            return 1;
        }
        TrainingCorpus train = TrainingCorpus.load(corpus.resolve("train"));
        TrainingCorpus heldout = TrainingCorpus.load(corpus.resolve("heldout"));
        List<CorpusProblem> problems = new ArrayList<>();
        problems.addAll(train.problems());
        problems.addAll(heldout.problems());
        List<Passage> reviewed = new ArrayList<>();
        for (Path r : reviews) {
            if (!Files.isRegularFile(r)) {
                err.println("sitrep train: " + r + ": no such file");
                return 1;
            }
            TrainingCorpus c = TrainingCorpus.load(r);
            problems.addAll(c.problems());
            reviewed.addAll(c.passages());
        }
        o.printf(
                Locale.ROOT,
                "corpus: %d training passages, %d held out, %d reviewed; %d problem%s%n",
                train.size(),
                heldout.size(),
                reviewed.size(),
                problems.size(),
                problems.size() == 1 ? "" : "s");
        for (CorpusProblem p : problems) err.println("  " + p);
        if (check) return problems.isEmpty() ? 0 : 1;
        if (!train.problems().isEmpty() || !heldout.problems().isEmpty()) {
            err.println("sitrep train: fix the corpus first (problems listed above)");
            return 1;
        }
        HeldOut split = HeldOut.of(train, heldout);
        o.printf(
                Locale.ROOT,
                "training on %d passages (+ %d reviewed, each counted %d times), measuring on %d (%s)%n",
                split.train().size(),
                reviewed.size(),
                Retraining.REVIEW_WEIGHT,
                split.size(),
                split.description());
        LearnedModels shipped = LearnedModels.bundled();
        LearnedModels current = out != null && Files.isRegularFile(out) ? LearnedModels.read(out) : shipped;
        Retraining.Result result = Retraining.run(split, reviewed, current, shipped);
        LearnedModels pair = result.models();
        o.printf(
                Locale.ROOT,
                "held-out sub-type weighted F1: %s %.3f -> new %s %.3f; event F1 %.3f -> %.3f; "
                        + "actor1 %.3f -> %.3f; actor2 %.3f -> %.3f%n",
                current.version().isEmpty() ? "rules alone" : current.version(),
                result.before().weightedF1(),
                pair.version(),
                result.after().weightedF1(),
                result.before().eventF1(),
                result.after().eventF1(),
                result.before().actor1(),
                result.after().actor1(),
                result.before().actor2(),
                result.after().actor2());
        if (report != null) {
            Analyzer rulesOnly =
                    Analyzer.builder().eventClassifier(EventClassifier.NONE).build();
            Analyzer after = pair.into(Analyzer.builder()).build();
            PassageEvaluation rules = PassageEvaluation.run(rulesOnly, split.test());
            PassageEvaluation now = PassageEvaluation.run(after, split.test());
            Files.writeString(
                    report,
                    AcledSubtypeReport.markdown(
                            rules,
                            now,
                            split,
                            split.train().size() + reviewed.size(),
                            rulesOnly.engineVersion(),
                            after.engineVersion(),
                            LocalDate.now()));
            o.println("report: " + report);
        }
        if (out == null) {
            o.println("no --out: the model was measured, not written (" + result.reason() + ")");
            return 0;
        }
        if (!force && !result.notWorse()) {
            err.println("sitrep train: the new models are " + result.reason() + "; " + out
                    + " and the role model beside it left as they were");
            return 1;
        }
        Path roles = LearnedModels.rolesBeside(out);
        // the role model first: the event model is what says a pair is there, so it lands last
        write(roles, result.roleModel());
        write(out, result.model());
        o.println("written: " + out + " (" + result.version() + ") and " + roles + " (" + result.roleVersion() + ")");
        return 0;
    }

    /** Whole or not at all: a reader never sees half a model. */
    private static void write(Path file, byte[] bytes) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "model", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
