package org.sitrep.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The tools analysts open our exports with: pandas (Debian's python3-pandas, run by /usr/bin/python3, not a
 * user's pyenv) and GDAL's ogrinfo, the library QGIS reads CSV and GeoJSON through. Tests skip where they are
 * missing, unless {@code SITREP_REQUIRE_GIS=true} (CI installs them).
 */
public final class GisTools {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private GisTools() {}

    public static void assumePresent() {
        boolean present = Files.isExecutable(PYTHON)
                && onPath("ogrinfo")
                && run(false, PYTHON.toString(), "-c", "import pandas") != null;
        if (!present && "true".equals(System.getenv("SITREP_REQUIRE_GIS"))) {
            throw new IllegalStateException(
                    "SITREP_REQUIRE_GIS=true but /usr/bin/python3 with pandas, or ogrinfo, is missing");
        }
        Assumptions.assumeTrue(present, "pandas and GDAL are not installed");
    }

    /** Runs a Python script with pandas; returns what it printed. */
    public static String pandas(String script, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = PYTHON.toString();
        command[1] = "-c";
        command[2] = script;
        System.arraycopy(args, 0, command, 3, args.length);
        return run(true, command);
    }

    /** {@code ogrinfo -ro -so -al} with these options: GDAL's summary of the file's layer. */
    public static String ogrinfo(Path file, String... openOptions) {
        String[] command = new String[5 + openOptions.length * 2];
        command[0] = "ogrinfo";
        command[1] = "-ro";
        command[2] = "-so";
        command[3] = "-al";
        for (int i = 0; i < openOptions.length; i++) {
            command[4 + 2 * i] = "-oo";
            command[5 + 2 * i] = openOptions[i];
        }
        command[command.length - 1] = file.toString();
        return run(true, command);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null
                && List.of(path.split(":")).stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static String run(boolean mustSucceed, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = p.waitFor(60, TimeUnit.SECONDS);
            if (mustSucceed) {
                assertThat(done && p.exitValue() == 0)
                        .as(String.join(" ", command) + " failed:\n" + out)
                        .isTrue();
            }
            return done && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            if (mustSucceed) throw new IllegalStateException(e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
