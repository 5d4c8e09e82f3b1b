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
import org.sitrep.analysis.SubEventType;

/**
 * The event classifier trained from {@code analysis/corpus/train} (OpenNLP maxent; see
 * {@code org.sitrep.analysis.training.EventModelTrainer}). Its version is a digest of the model's bytes,
 * so two builds from the same corpus and code give the same version, and any change to either gives a
 * new one. Thread-safe: the model is read-only after loading.
 */
public final class LearnedEventClassifier implements EventClassifier {
    /** Where the build puts the model trained from the shipped corpus. */
    public static final String BUNDLED = "/org/sitrep/analysis/events/event-model.bin";

    private final MaxentModel model;
    private final SubEventType[] labels;
    private final String version;

    private LearnedEventClassifier(byte[] bytes) {
        try {
            this.model = new GenericModelReader(
                            new BinaryFileDataReader(new DataInputStream(new ByteArrayInputStream(bytes))))
                    .getModel();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an event model: " + e.getMessage(), e);
        }
        this.labels = new SubEventType[model.getNumOutcomes()];
        for (int i = 0; i < labels.length; i++) {
            String name = model.getOutcome(i);
            try {
                labels[i] = SubEventType.valueOf(name);
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("the event model knows a label this engine does not: " + name);
            }
        }
        this.version = "ev-" + digest(bytes);
    }

    /** A model from its bytes (as {@code EventModelTrainer} writes them). */
    public static LearnedEventClassifier of(byte[] bytes) {
        return new LearnedEventClassifier(bytes);
    }

    public static LearnedEventClassifier read(Path file) {
        try {
            return of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event model " + file, e);
        }
    }

    /** The model the build trained from the shipped corpus, if this build has one. */
    public static Optional<LearnedEventClassifier> bundled() {
        try (InputStream in = LearnedEventClassifier.class.getResourceAsStream(BUNDLED)) {
            return in == null ? Optional.empty() : Optional.of(of(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled event model", e);
        }
    }

    @Override
    public Verdict classify(SentenceSignals sentence) {
        double[] p = model.eval(sentence.features());
        double[] byLabel = new double[SubEventType.values().length]; // labels with no training passage stay 0
        for (int i = 0; i < p.length; i++) byLabel[labels[i].ordinal()] = p[i];
        return new Verdict(byLabel);
    }

    /** The labels the model was trained on. */
    public SubEventType[] labels() {
        return labels.clone();
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
