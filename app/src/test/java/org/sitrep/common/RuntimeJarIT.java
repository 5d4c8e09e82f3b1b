package org.sitrep.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What ships: the packaged sitrep-app.jar (failsafe runs this after package) carries the files the build tools made
 * (the admin-1 layer) but neither the tools (the tools module, JTS) nor the benchmark data generators (bench/).
 */
class RuntimeJarIT {

    static List<String> entries() throws IOException {
        Path jar = Path.of(System.getProperty("sitrep.app.jar", "target/sitrep-app.jar"))
                .toAbsolutePath();
        assertThat(jar).as("the packaged application").exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).toList();
        }
    }

    @Test
    void theBuiltFilesShipAndTheToolsThatMadeThemDoNot() throws IOException {
        List<String> entries = entries();
        assertThat(entries)
                .contains(
                        "BOOT-INF/classes/static/tracker/vendor/admin1-borders.json",
                        "BOOT-INF/classes/org/sitrep/SitrepApplication.class",
                        "BOOT-INF/classes/org/sitrep/common/RunMode.class");
        assertThat(entries).anyMatch(e -> e.startsWith("BOOT-INF/lib/sitrep-analysis-"));
        assertThat(entries)
                .noneMatch(e -> e.startsWith("BOOT-INF/lib/jts-core")
                        || e.startsWith("BOOT-INF/lib/sitrep-tools")
                        || e.startsWith("BOOT-INF/lib/sitrep-bench")
                        || e.startsWith("BOOT-INF/lib/jmh-"));
        assertThat(entries)
                .noneMatch(e -> e.contains("Admin1Borders")
                        || e.contains("SyntheticCorpus")
                        || e.contains("SyntheticEvents")
                        || e.startsWith("BOOT-INF/classes/org/sitrep/tools/"));
    }
}
