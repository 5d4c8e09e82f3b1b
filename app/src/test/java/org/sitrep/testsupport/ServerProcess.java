package org.sitrep.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real server in a child JVM (the application's main class on the test classpath), so a test
 * can {@code kill -9} it and start it again on the same data directory, as an operator's machine
 * would. Its output goes to {@code log}; {@link #start} waits until it answers HTTP.
 */
public final class ServerProcess implements AutoCloseable {
    public static final String ADMIN_EMAIL = "chief@example.org";
    public static final String ADMIN_PASSWORD = "a long test passphrase";

    public final int port;
    public final Path log;
    private final Process process;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the server on {@code dataDir} (embedded H2 file database by default) and waits until it answers. */
    public static ServerProcess start(Path dataDir, Path log, String... extraArgs) throws Exception {
        return start(dataDir, log, Duration.ofMinutes(3), extraArgs);
    }

    /** As {@link #start(Path, Path, String...)}, waiting up to {@code timeout} (several servers starting at once share the cores). */
    public static ServerProcess start(Path dataDir, Path log, Duration timeout, String... extraArgs) throws Exception {
        int port = freePort();
        ProcessBuilder pb =
                server(dataDir, port, extraArgs).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        ServerProcess server = new ServerProcess(pb.start(), port, log);
        server.awaitReady(timeout);
        return server;
    }

    /** Starts the server as {@link #start} does, for a start that is expected to be refused: waits for it to exit. */
    public static Finished refusedStart(Path dataDir, String... extraArgs) throws Exception {
        return finish(server(dataDir, freePort(), extraArgs).start());
    }

    private static ProcessBuilder server(Path dataDir, int port, String... extraArgs) {
        List<String> command = new ArrayList<>(List.of(
                javaBinary(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "org.sitrep.SitrepApplication",
                "--server.port=" + port,
                "--sitrep.data-dir=" + dataDir,
                "--sitrep.sample-content=false",
                "--sitrep.intel.workers=0",
                "--sitrep.intel.map-index.enabled=false",
                "--logging.level.root=WARN"));
        command.addAll(List.of(extraArgs));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("SITREP_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("SITREP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.remove("SPRING_DATASOURCE_URL");
        return pb;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** What a command printed (stdout and stderr together) and its exit status. */
    public record Finished(int status, String output) {
        public List<String> lines() {
            return output.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Runs the application as the launcher runs a command ({@code ./sitrep ingest …}), without a web server, and waits for it. */
    public static Finished command(Path dataDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                javaBinary(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "org.sitrep.SitrepApplication",
                "--sitrep.data-dir=" + dataDir,
                "--spring.main.web-application-type=none"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("SPRING_DATASOURCE_URL");
        return finish(pb.start());
    }

    private static Finished finish(Process p) throws Exception {
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the command did not finish:\n" + output);
        }
        return new Finished(p.exitValue(), output);
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive())
                throw new AssertionError("the server exited with " + process.exitValue() + ":\n" + tail());
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/signin"))
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new AssertionError("the server did not answer in " + timeout + ":\n" + tail());
    }

    /** {@code kill -9}: the JVM gets no chance to flush or close anything. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        process.waitFor();
    }

    /** The operating system's process id (what the job leases' {@code locked_by} names, as {@code pid@host}). */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.startsWith("\tat ") && !l.startsWith("\t... "))
                    .toList(); // the messages, not the frames
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 150), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill9();
    }

    private static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
