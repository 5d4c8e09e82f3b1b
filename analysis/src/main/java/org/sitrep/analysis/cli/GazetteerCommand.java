package org.sitrep.analysis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sitrep.analysis.places.Gazetteer;
import org.sitrep.analysis.places.GazetteerEntry;
import org.sitrep.analysis.places.GazetteerFile;
import org.sitrep.analysis.places.GeoNamesDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sitrep gazetteer import --geonames DIR [--out FILE]}: build a gazetteer from a GeoNames dump. */
@Command(
        name = "gazetteer",
        mixinStandardHelpOptions = true,
        description = "Manage the gazetteer the place finder resolves names against.",
        subcommands = {GazetteerCommand.Import.class})
public final class GazetteerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Convert a GeoNames dump (allCountries.txt or cities1000.txt, admin1CodesASCII.txt, "
                        + "and optionally admin2Codes.txt, alternateNamesV2.txt, countryInfo.txt) into Sitrep's compact "
                        + "gazetteer file.",
                "Use it with SITREP_GAZETTEER=FILE (environment or -D system property)."
            })
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--geonames",
                required = true,
                paramLabel = "DIR",
                description = "folder holding the GeoNames files")
        Path dir;

        @Option(
                names = "--out",
                paramLabel = "FILE",
                defaultValue = "gazetteer.gaz",
                description = "compact gazetteer to write (default: ${DEFAULT-VALUE})")
        Path out;

        @Option(
                names = "--min-population",
                paramLabel = "N",
                defaultValue = "1000",
                description = "smallest populated place kept (default: ${DEFAULT-VALUE})")
        long minPopulation;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isDirectory(dir)) {
                err.println("gazetteer import: no such folder " + dir);
                return 2;
            }
            try {
                long t0 = System.nanoTime();
                List<GazetteerEntry> entries = GeoNamesDump.readDirectory(dir, minPopulation);
                GazetteerFile.write(entries, out);
                Gazetteer.load(out); // proves the file loads before anyone points the engine at it
                spec.commandLine()
                        .getOut()
                        .printf(
                                "wrote %d places to %s in %d ms%nuse it with SITREP_GAZETTEER=%s%n",
                                entries.size(), out, (System.nanoTime() - t0) / 1_000_000, out.toAbsolutePath());
                return 0;
            } catch (IOException | RuntimeException e) {
                err.println("gazetteer import failed: " + e.getMessage());
                return 1;
            }
        }
    }
}
