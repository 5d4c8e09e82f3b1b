package org.sitrep.analysis.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sitrep.analysis.events.LearnedActorRolePicker;
import org.sitrep.analysis.events.LearnedEventClassifier;

/**
 * Run by Maven in {@code process-classes}, after the event model is trained: trains the actor-role picker
 * from the actor labels of {@code analysis/corpus/train}, reading each passage with that event model in the
 * engine (as it will be at run time), into the model file the engine loads from its classpath.
 *
 * <p>Arguments: the corpus folder (holding {@code train/} and {@code heldout/}), the event model file and the
 * role model file. Kept as it is when nothing it is trained from changed ({@link ModelInputs}).
 */
public final class BundledRoleModelBuild {
    private BundledRoleModelBuild() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException(
                    "usage: BundledRoleModelBuild CORPUS_DIR EVENT_MODEL_FILE ROLE_MODEL_FILE");
        }
        Path out = Path.of(args[2]);
        Path eventModel = Path.of(args[1]);
        Path classes = ModelInputs.classesOf(out, LearnedActorRolePicker.BUNDLED);
        String inputs = classes == null ? null : ModelInputs.digest(Path.of(args[0]), classes, eventModel);
        if (inputs != null && ModelInputs.upToDate(out, inputs)) {
            System.out.println(
                    "actor-role model: up to date (corpus, event model, engine and libraries unchanged) " + out);
            return;
        }
        HeldOut split = HeldOut.of(Path.of(args[0]));
        long t0 = System.nanoTime();
        byte[] model = new RoleModelTrainer(LearnedEventClassifier.read(eventModel)).train(split.train());
        Files.createDirectories(out.getParent());
        Files.write(out, model);
        if (inputs != null) ModelInputs.record(out, inputs);
        System.out.printf(
                "actor-role model: %d passages -> %s (%d KB) in %d ms%n",
                split.train().size(), out, model.length / 1024, (System.nanoTime() - t0) / 1_000_000);
    }
}
