package org.sitrep.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.sitrep.common.SitrepProperties;
import org.springframework.stereotype.Component;

/**
 * The bytes exactly as they arrived (page, feed, XML, JSON, JPEG), kept under
 * {@code <data>/ingest/raw}, named by their SHA-256 so the same bytes are stored once.
 */
@Component
class RawCopies {
    private final Path dir;

    RawCopies(SitrepProperties properties) {
        this.dir = properties.dataDir().resolve("ingest").resolve("raw");
    }

    /** Stores the bytes (once) and returns their SHA-256 in hex. */
    String keep(byte[] bytes) {
        String sha = sha256(bytes);
        Path file = path(sha);
        if (Files.exists(file)) return sha;
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), sha, ".part");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the raw copy: " + e.getMessage(), e);
        }
    }

    Optional<byte[]> read(String sha) {
        if (sha == null || !sha.matches("[0-9a-f]{64}")) return Optional.empty();
        try {
            Path file = path(sha);
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path path(String sha) {
        return dir.resolve(sha.substring(0, 2)).resolve(sha);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
