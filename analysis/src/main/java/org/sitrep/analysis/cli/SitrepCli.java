package org.sitrep.analysis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the analysis jar: {@code ./sitrep analyze | evaluate | gazetteer | train}. */
@Command(
        name = "sitrep",
        mixinStandardHelpOptions = true,
        description = "Sitrep conflict analysis engine",
        subcommands = {AnalyzeCommand.class, EvaluateCommand.class, GazetteerCommand.class, TrainCommand.class})
public final class SitrepCli {
    public static void main(String[] args) {
        System.exit(commandLine(CommandLine.defaultFactory()).execute(args));
    }

    /** The command line with its error handling: a failure is one line on stderr, never a stack trace. */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new SitrepCli(), factory);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            commandLine.getErr().println("sitrep " + commandLine.getCommandName() + ": " + e);
            return 1;
        });
        return cli;
    }
}
