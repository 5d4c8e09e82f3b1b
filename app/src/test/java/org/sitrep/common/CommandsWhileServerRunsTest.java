package org.sitrep.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.testsupport.ServerProcess;

/**
 * {@code ./sitrep ingest} and {@code ./sitrep create-admin} while the server has the embedded
 * database open: one line saying so and what to do instead (the inbox, or stop the server), not
 * H2's 115-line "Database may be already in use" trace; a second server started on the same data
 * directory says so in one line and exits; and a command missing its arguments says what it needs. Each runs as the launcher runs it, in its own JVM, so the whole output is checked.
 */
class CommandsWhileServerRunsTest {
    @TempDir
    Path dir;

    @Test
    void commandsOnTheDatabaseOfARunningServerSayWhatToDoInOneLine() throws Exception {
        Path data = dir.resolve("data");
        Path story = Files.writeString(dir.resolve("story.txt"), "Shelling hit the port of Hodeidah on Monday.");
        try (ServerProcess server = ServerProcess.start(data, dir.resolve("server.log"))) {
            ServerProcess.Finished ingest = ServerProcess.command(data, "--sitrep.command=ingest", story.toString());
            assertThat(ingest.status()).isEqualTo(3);
            assertThat(ingest.lines()).as(ingest.output()).hasSize(1);
            assertThat(ingest.output())
                    .contains("is in use by a running Sitrep server")
                    .contains(data.resolve("inbox").toString())
                    .doesNotContain("Exception");

            ServerProcess.Finished admin = ServerProcess.command(
                    data,
                    "--sitrep.command=create-admin",
                    "--sitrep.admin.email=second@example.org",
                    "--sitrep.admin.password=a long enough passphrase");
            assertThat(admin.status()).isEqualTo(3);
            assertThat(admin.lines()).as(admin.output()).hasSize(1);
            assertThat(admin.output()).contains("in use by a running Sitrep server: stop the server first");

            // A second server on the same data directory: the same one line, before its web server starts.
            ServerProcess.Finished second = ServerProcess.refusedStart(data);
            assertThat(second.status()).isEqualTo(3);
            assertThat(second.lines())
                    .as(second.output())
                    .containsExactly(
                            "sitrep: the database in " + data
                                    + " is in use by a running Sitrep server: stop it first, or start this one with another --data DIR");

            assertThat(server.alive()).as("the server is untouched").isTrue();
            assertThat(KillNineTest.signedIn(server)).as("and still answers").isNotNull();
        }

        // Missing arguments: said before the slow start, in one line.
        ServerProcess.Finished bare = ServerProcess.command(data, "--sitrep.command=ingest");
        assertThat(bare.status()).isEqualTo(2);
        assertThat(bare.lines())
                .as(bare.output())
                .containsExactly(
                        "sitrep: ingest: give one or more files or web addresses, e.g. ./sitrep ingest story.xml https://example.org/report");

        // With the server stopped, the same ingest works.
        ServerProcess.Finished after =
                ServerProcess.command(data, "--sitrep.command=ingest", "--sitrep.intel.workers=0", story.toString());
        assertThat(after.status()).as(after.output()).isZero();
        assertThat(after.output()).contains(story + ": ");
    }
}
