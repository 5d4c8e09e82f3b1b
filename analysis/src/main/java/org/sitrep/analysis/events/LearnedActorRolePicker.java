package org.sitrep.analysis.events;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The actor-role model trained from the actor labels of {@code analysis/corpus/train} (OpenNLP maxent; see
 * {@code org.sitrep.analysis.training.RoleModelTrainer}): for each actor that could fill an event's roles,
 * how likely it is actor1, actor2 or neither. Its version is a digest of the model's bytes. Thread-safe.
 */
public final class LearnedActorRolePicker implements ActorRolePicker {
    /** Where the build puts the model trained from the shipped corpus. */
    public static final String BUNDLED = "/org/sitrep/analysis/events/role-model.bin";
    /** The model's outcomes. */
    public static final String ACTOR1 = "actor1";

    public static final String ACTOR2 = "actor2";
    public static final String NEITHER = "none";

    private final MaxentModel model;
    private final int actor1;
    private final int actor2;
    private final String version;

    private LearnedActorRolePicker(byte[] bytes) {
        try {
            this.model = new GenericModelReader(
                            new BinaryFileDataReader(new DataInputStream(new ByteArrayInputStream(bytes))))
                    .getModel();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an actor-role model: " + e.getMessage(), e);
        }
        this.actor1 = model.getIndex(ACTOR1);
        this.actor2 = model.getIndex(ACTOR2);
        if (actor1 < 0 || actor2 < 0)
            throw new IllegalArgumentException("not an actor-role model: no actor1/actor2 outcome");
        this.version = "ar-" + digest(bytes);
    }

    public static LearnedActorRolePicker of(byte[] bytes) {
        return new LearnedActorRolePicker(bytes);
    }

    public static LearnedActorRolePicker read(Path file) {
        try {
            return of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read actor-role model " + file, e);
        }
    }

    /** The model the build trained from the shipped corpus, if this build has one. */
    public static Optional<LearnedActorRolePicker> bundled() {
        try (InputStream in = LearnedActorRolePicker.class.getResourceAsStream(BUNDLED)) {
            return in == null ? Optional.empty() : Optional.of(of(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled actor-role model", e);
        }
    }

    @Override
    public double[][] score(RoleCandidates event) {
        double[][] out = new double[event.size()][];
        for (int k = 0; k < out.length; k++) {
            double[] p = model.eval(event.candidates().get(k).features());
            out[k] = new double[] {p[actor1], p[actor2]};
        }
        return out;
    }

    @Override
    public String version() {
        return version;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
