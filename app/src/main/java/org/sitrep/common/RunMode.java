package org.sitrep.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How this process was started, decided once from {@code sitrep.command}: as the server (no command), or to run
 * one of the launcher's commands ({@code ./sitrep create-admin}, {@code ingest}, {@code reanalyse}, …) and exit.
 * A command's process starts the same application on the same data, so everything that would otherwise run in
 * the background (analysis workers, feed polling, the inbox, the map index, sample content) asks this first:
 * it must not race the server that may be running beside it.
 *
 * <p>{@code sitrep.command-exits=false} keeps the JVM alive after a command, for tests that run one in process.
 */
@Component
public final class RunMode {
    private final String command;
    private final boolean exitsAfterCommand;
    /** Whether a feature took the command: one that nobody runs would otherwise leave a process idling forever. */
    private volatile boolean taken;

    RunMode(
            @Value("${sitrep.command:}") String command,
            @Value("${sitrep.command-exits:true}") boolean exitsAfterCommand) {
        this.command = command == null ? "" : command.strip();
        this.exitsAfterCommand = exitsAfterCommand;
    }

    /** Before the context exists (startup checks), read from the environment the same way. */
    public static RunMode of(Environment env) {
        return new RunMode(
                env.getProperty("sitrep.command", ""), env.getProperty("sitrep.command-exits", Boolean.class, true));
    }

    /** Serving the site: no command given. */
    public boolean server() {
        return command.isEmpty();
    }

    /** Whether this process runs the command {@code name} (asked by the feature that runs it, which takes it). */
    public boolean runs(String name) {
        boolean runs = !server() && command.equals(name);
        if (runs) taken = true;
        return runs;
    }

    /** The command's name; empty for the server. */
    public String command() {
        return command;
    }

    /**
     * Ends a command's process with {@code status}: the scheduler's threads would keep the JVM alive otherwise.
     * Returns (doing nothing) when {@code sitrep.command-exits=false}.
     */
    public void finish(ConfigurableApplicationContext context, int status) {
        if (exitsAfterCommand) System.exit(SpringApplication.exit(context, () -> status));
    }

    /**
     * Once every command runner has had its turn (they run before the application is ready): a command no feature
     * took is a typo, or a benchmark generator whose jar is not on {@code loader.path}; refused in one line.
     */
    @EventListener(ApplicationReadyEvent.class)
    void refuseAnUnknownCommand() {
        if (!server() && !taken) {
            throw new StartRefused(
                    "unknown command '" + command + "' (generate-corpus and generate-events need"
                            + " bench/target/sitrep-bench-generators.jar on loader.path; see ./sitrep --help)",
                    2);
        }
    }

    @Override
    public String toString() {
        return server() ? "server" : "command " + command;
    }
}
