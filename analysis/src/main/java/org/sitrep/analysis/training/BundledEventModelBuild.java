package org.sitrep.analysis.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.sitrep.analysis.events.LearnedEventClassifier;

/**
 * Run by Maven in {@code process-classes}, after the gazetteer is built: trains the event classifier
 * from {@code analysis/corpus/train} (less the hash-chosen stand-in for the held-out split while
 * {@code heldout/} is empty) into the model file the engine loads from its classpath. A corpus line
 * that breaks the format fails the build with the file and line named. The corpus is copied beside the
 * model ({@link TrainingCorpus#BUNDLED_TRAIN}, {@link TrainingCorpus#BUNDLED_HELDOUT}) for retraining. When
 * nothing the model is trained from changed since the last build ({@link ModelInputs}), the model is kept.
 *
 * <p>Arguments: the corpus folder (holding {@code train/} and {@code heldout/}) and the model file.
 */
public final class BundledEventModelBuild {
    private BundledEventModelBuild() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: BundledEventModelBuild CORPUS_DIR MODEL_FILE");
        Path corpus = Path.of(args[0]);
        TrainingCorpus train = TrainingCorpus.load(corpus.resolve("train"));
        TrainingCorpus heldout = TrainingCorpus.load(corpus.resolve("heldout"));
        if (!train.problems().isEmpty() || !heldout.problems().isEmpty()) {
            train.problems().forEach(p -> System.err.println("corpus/train/" + p));
            heldout.problems().forEach(p -> System.err.println("corpus/heldout/" + p));
            throw new IllegalStateException("the training corpus has lines that break its format (listed above)");
        }
        if (train.size() == 0) throw new IllegalStateException("no training passages in " + corpus.resolve("train"));
        HeldOut split = HeldOut.of(train, heldout);
        Path out = Path.of(args[1]);
        Path classes = ModelInputs.classesOf(out, LearnedEventClassifier.BUNDLED);
        String inputs = classes == null ? null : ModelInputs.digest(corpus, classes);
        if (inputs != null && ModelInputs.upToDate(out, inputs)) {
            System.out.println("event model: up to date (corpus, engine and libraries unchanged) " + out);
        } else {
            long t0 = System.nanoTime();
            byte[] model = new EventModelTrainer().train(split.train());
            Files.createDirectories(out.getParent());
            Files.write(out, model);
            if (inputs != null) ModelInputs.record(out, inputs);
            System.out.printf(
                    "event model: %d passages -> %s (%d KB) in %d ms%n",
                    split.train().size(), out, model.length / 1024, (System.nanoTime() - t0) / 1_000_000);
        }
        // Beside the model, the corpus it came from: a server retraining from its analysts' reviews
        // (intel's admin button) needs the shipped passages and the held-out split, wherever it runs.
        copy(corpus.resolve("train"), out.resolveSibling(name(TrainingCorpus.BUNDLED_TRAIN)));
        copy(corpus.resolve("heldout"), out.resolveSibling(name(TrainingCorpus.BUNDLED_HELDOUT)));
    }

    private static String name(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** Every {@code *.jsonl} of a folder in name order (as {@link TrainingCorpus#load} reads them), as one file. */
    private static void copy(Path folder, Path to) throws IOException {
        StringBuilder all = new StringBuilder();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
                        .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                        .toList()) {
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        if (!line.isBlank()) all.append(line).append('\n');
                    }
                }
            }
        }
        Files.writeString(to, all, StandardCharsets.UTF_8);
    }
}
