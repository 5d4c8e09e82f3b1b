package org.sitrep.intel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sitrep.analysis.training.LearnedModels;

/**
 * The event models retrained from this publication's reviews, in {@code <data>/models}: each under a file
 * named by its version ({@code event-model-ev-3f2a9c01de.bin}) with the actor-role model trained beside it
 * ({@code event-model-ev-3f2a9c01de.roles.bin}, see {@link LearnedModels#rolesBeside}) and its training record
 * ({@code .json}: date, corpus size, reviewed examples, held-out figures before and after), and
 * {@code active}, one line naming the event model the engine uses (with its role model, or the shipped role
 * model when none is beside it). Rolling back is writing an older model's
 * file name there, or deleting it for the model the build shipped. Files are written whole or not at all.
 */
final class EventModelFiles {
    /** The only names {@code active} may hold: a model of this folder, never a path elsewhere. */
    static final Pattern MODEL_NAME = Pattern.compile("event-model-ev-[0-9a-f]{10}\\.bin");

    static final String ACTIVE = "active";

    private final Path dir;

    EventModelFiles(Path dataDir) {
        this.dir = dataDir.resolve("models");
    }

    Path dir() {
        return dir;
    }

    static String fileName(String version) {
        return "event-model-" + version + ".bin";
    }

    /** Writes an event model alone and its record under the version's names; returns the model file. */
    Path store(String version, byte[] model, String record) {
        return store(version, model, null, record);
    }

    /**
     * Writes the event model, the actor-role model trained beside it (none: null) and their record under the
     * event model's version; returns the event model file.
     */
    Path store(String version, byte[] model, byte[] roleModel, String record) {
        String name = fileName(version);
        if (!MODEL_NAME.matcher(name).matches()) throw new IllegalArgumentException("not a model version: " + version);
        Path file = dir.resolve(name);
        // the role model first: the event model file is what makes the pair, so it is written last
        if (roleModel != null) write(LearnedModels.rolesBeside(file), roleModel);
        write(file, model);
        write(dir.resolve(name.replace(".bin", ".json")), record.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** Makes the model of this version the one the engine loads (at start, and on the workers' next look). */
    void activate(String version) {
        write(dir.resolve(ACTIVE), (fileName(version) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The model file {@code active} names, if it names one of this folder that exists. */
    Optional<Path> active() {
        try {
            String name = Files.readString(dir.resolve(ACTIVE), StandardCharsets.UTF_8)
                    .strip();
            if (!MODEL_NAME.matcher(name).matches()) return Optional.empty();
            Path file = dir.resolve(name);
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        } catch (NoSuchFileException none) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(ACTIVE), e);
        }
    }

    private void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "write", ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
