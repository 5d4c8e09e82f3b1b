package org.sitrep.analysis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the analysis jar: {@code ./sitrep analyze | evaluate | gazetteer}. */
@Command(name = "sitrep", mixinStandardHelpOptions = true,
        description = "Sitrep conflict analysis engine",
        subcommands = {GazetteerCommand.class})
public final class SitrepCli {
    public static void main(String[] args) {
        System.exit(new CommandLine(new SitrepCli()).execute(args));
    }
}
