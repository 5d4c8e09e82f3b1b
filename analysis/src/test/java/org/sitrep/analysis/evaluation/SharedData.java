package org.sitrep.analysis.evaluation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared public corpora (GeoWebNews, TR-News, PLOVER) live beside the repository, never in it. A
 * developer without them skips their floors; CI sets {@code SITREP_REQUIRE_SHARED=true}, and there a
 * missing corpus fails the build, so the floors always guard something where it counts.
 */
public final class SharedData {
    public static final String REQUIRE_ENV = "SITREP_REQUIRE_SHARED";

    private SharedData() {}

    /** The file or folder, or a skipped test (a failed one when the shared data is required). */
    public static Path require(Optional<Path> found, String what) {
        boolean present = found.isPresent() && Files.exists(found.get());
        if (!present && "true".equals(System.getenv(REQUIRE_ENV))) {
            throw new IllegalStateException(
                    REQUIRE_ENV + "=true but " + what + " was not found (set SITREP_SHARED to the shared folder)");
        }
        assumeTrue(present, what + " not found: skipped (set SITREP_SHARED)");
        return found.get();
    }
}
