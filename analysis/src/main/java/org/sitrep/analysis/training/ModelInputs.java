package org.sitrep.analysis.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's up-to-date check for the bundled models: a digest of everything a model is trained from (the
 * corpus folder; the compiled engine, its rules and dictionaries and the gazetteer, i.e. the classes folder
 * without the models themselves; the libraries on the class path by name and version). The models are trained
 * through the whole engine, so a change anywhere in it can change them; when nothing changed, the build keeps the
 * model it has instead of spending minutes to write the same bytes again (training is deterministic). The digest
 * is kept in a stamp file beside each model.
 */
final class ModelInputs {
    /** Files of the classes folder that are the models' outputs, not their inputs. */
    private static final List<String> OUTPUTS = List.of(
            "event-model.bin", "role-model.bin", ".inputs", "event-corpus-train.jsonl", "event-corpus-heldout.jsonl");

    private ModelInputs() {}

    /** The digest of the corpus, the classes folder (less the models) and the class path's libraries, plus any extra files. */
    static String digest(Path corpus, Path classes, Path... extra) throws IOException {
        MessageDigest sha = sha256();
        for (Path root : new Path[] {corpus, classes}) {
            if (root == null || !Files.isDirectory(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile)
                        .filter(f -> !output(f))
                        .sorted(Comparator.comparing(f -> root.relativize(f).toString()))
                        .toList()) {
                    sha.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                    file(sha, f);
                }
            }
        }
        for (Path f : extra) {
            sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            file(sha, f);
        }
        // the libraries (OpenNLP, its models): their file names carry their versions
        if (ModelInputs.class.getClassLoader() instanceof URLClassLoader loader) {
            for (URL u : loader.getURLs()) sha.update(u.getPath().getBytes(StandardCharsets.UTF_8));
        }
        sha.update(System.getProperty("java.class.path", "").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Whether the model and its stamp are there and the stamp holds this digest. */
    static boolean upToDate(Path model, String digest) throws IOException {
        Path stamp = stamp(model);
        return Files.isRegularFile(model)
                && Files.isRegularFile(stamp)
                && Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(digest);
    }

    static void record(Path model, String digest) throws IOException {
        Files.writeString(stamp(model), digest + "\n", StandardCharsets.UTF_8);
    }

    /**
     * The classes folder a bundled model is written into ({@code .../classes/org/sitrep/...}), or null when the
     * model goes elsewhere (then nothing is known about the engine it was trained through, and it is trained).
     */
    static Path classesOf(Path model, String resource) {
        String m = model.toAbsolutePath().normalize().toString().replace('\\', '/');
        return m.endsWith(resource) ? Path.of(m.substring(0, m.length() - resource.length())) : null;
    }

    static Path stamp(Path model) {
        return model.resolveSibling(model.getFileName() + ".inputs");
    }

    private static boolean output(Path f) {
        String name = f.getFileName().toString();
        for (String o : OUTPUTS) if (name.endsWith(o)) return true;
        return false;
    }

    private static void file(MessageDigest sha, Path f) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
