package org.sitrep.analysis.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by Maven in {@code process-classes}, after the gazetteer is built: trains the event classifier
 * from {@code analysis/corpus/train} (less the hash-chosen stand-in for the held-out split while
 * {@code heldout/} is empty) into the model file the engine loads from its classpath. A corpus line
 * that breaks the format fails the build with the file and line named.
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
        long t0 = System.nanoTime();
        byte[] model = new EventModelTrainer().train(split.train());
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        Files.write(out, model);
        System.out.printf("event model: %d passages -> %s (%d KB) in %d ms%n", split.train().size(), out,
                model.length / 1024, (System.nanoTime() - t0) / 1_000_000);
    }
}
