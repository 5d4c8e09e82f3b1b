package org.sitrep.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * What can be told before the slow start (Flyway, the search index, the analysis engine): a
 * command without its arguments, a data directory Sitrep cannot write, an embedded database another
 * Sitrep process has open. Each is refused in one line ({@link StartRefused}) instead of a stack
 * trace half a minute later. Runs as soon as the configuration is known (registered in spring.factories).
 */
public class StartupChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
    /** H2's DATABASE_ALREADY_OPEN_1: "Database may be already in use". */
    static final int H2_ALREADY_OPEN = 90020;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        String command = RunMode.of(env).command();
        commandArguments(command, event.getArgs(), env);
        Path data = Path.of(env.getProperty("sitrep.data-dir", "./data"));
        writable(data);
        String url = env.getProperty("spring.datasource.url", "");
        // Only for commands: a test context's own database settings arrive after this event, so there
        // the URL is still the default one, which must be neither opened nor created.
        if (!command.isEmpty() && DurableH2.isH2File(url))
            notInUse(
                    url,
                    env.getProperty("spring.datasource.username", "sa"),
                    env.getProperty("spring.datasource.password", ""),
                    data,
                    command);
    }

    static void commandArguments(String command, String[] args, ConfigurableEnvironment env) {
        if ("ingest".equals(command)) {
            List<String> inputs =
                    Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
            if (inputs.isEmpty()) {
                throw new StartRefused(
                        "ingest: give one or more files or web addresses, e.g. ./sitrep ingest story.xml https://example.org/report",
                        2);
            }
        }
        if ("create-admin".equals(command)
                && (env.getProperty("sitrep.admin.email", "").isBlank()
                        || env.getProperty("sitrep.admin.password", "").isEmpty())) {
            throw new StartRefused("create-admin: both --email and --password are required", 2);
        }
    }

    /** Probes the data directory, or the nearest folder that exists above it (which the directory will be made in). */
    static void writable(Path data) {
        Path existing = data.toAbsolutePath().normalize();
        while (existing != null && !Files.isDirectory(existing)) existing = existing.getParent();
        try {
            if (existing == null) throw new java.nio.file.NoSuchFileException(data.toString());
            Path probe = Files.createTempFile(existing, ".sitrep-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartRefused(
                    "cannot write to the data directory "
                            + data.toAbsolutePath().normalize() + " (" + reason(e)
                            + "): make it writable, or give another with --data DIR",
                    1);
        }
    }

    /**
     * A second server started on the data directory of a running one: one line, before the web server
     * and the slow start (else H2's "Database may be already in use" and a long trace, half a minute
     * later). Added to the server's start by {@code SitrepApplication.main} rather than spring.factories,
     * so it runs where the settings are final: a test's context gets its own database settings after
     * this event, and the default database it would see here must be neither opened nor created.
     */
    public static class SecondServer implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            ConfigurableEnvironment env = event.getEnvironment();
            String url = env.getProperty("spring.datasource.url", "");
            if (!env.getProperty("sitrep.command", "").isEmpty() || !DurableH2.isH2File(url)) return;
            if (Boolean.parseBoolean(env.getProperty("sitrep.cluster.enabled", "false"))) {
                throw new StartRefused(
                        "sitrep.cluster.enabled: several instances need one PostgreSQL database (SPRING_DATASOURCE_URL); "
                                + "the embedded database serves one instance only (docs/operations.md)",
                        2);
            }
            notInUse(
                    url,
                    env.getProperty("spring.datasource.username", "sa"),
                    env.getProperty("spring.datasource.password", ""),
                    Path.of(env.getProperty("sitrep.data-dir", "./data")),
                    "");
        }
    }

    /** Opens the embedded database for a moment: another process holding it open is what Spring would die of later. */
    static void notInUse(String url, String user, String password, Path data, String command) {
        // IFEXISTS: a database that is not there yet is not in use, and is not made here.
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", user, password)) {
            // free: the application opens it again in a moment
        } catch (SQLException e) {
            if (e.getErrorCode() != H2_ALREADY_OPEN) return; // anything else is reported by the start proper
            String instead = "ingest".equals(command)
                    ? "drop the files into "
                            + data.resolve("inbox").toAbsolutePath().normalize()
                            + " (the running server takes them in) or stop the server first"
                    : command.isEmpty()
                            ? "stop it first, or start this one with another --data DIR"
                            : "stop the server first";
            throw new StartRefused(
                    "the database in " + data.toAbsolutePath().normalize() + " is in use by a running Sitrep server: "
                            + instead,
                    3);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
