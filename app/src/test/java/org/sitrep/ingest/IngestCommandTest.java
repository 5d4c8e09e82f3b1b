package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.SitrepApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@code ./sitrep ingest FILE …} runs: the application without a web server on the embedded
 * file database, the inputs as plain arguments; the stories are stored and queued for analysis,
 * and the exit status says whether any input failed. ({@code sitrep.command-exits=false} keeps
 * the test JVM alive where the launcher would exit.)
 */
class IngestCommandTest {
    @TempDir
    Path data;

    @Test
    void ingestsTheFilesGivenAndReportsFailure() throws Exception {
        Path wire = Files.write(data.resolve("marib.xml"), Fixtures.bytes("newsml-inline-data.xml"));
        Path broken = Files.write(data.resolve("broken.xml"), Fixtures.bytes("newsml-malformed.xml"));
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SitrepApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--sitrep.command=ingest",
                        "--sitrep.command-exits=false",
                        "--sitrep.data-dir=" + data,
                        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db/sitrep") + ";DB_CLOSE_ON_EXIT=FALSE",
                        wire.toString(),
                        broken.toString())) {
            assertThat(ctx.getBean(IngestCommand.class).lastStatus).isEqualTo(1);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT title FROM ingest_items")
                            .query(String.class)
                            .list())
                    .containsExactly("Houthi drone strike hits Marib fuel depot");
            assertThat(jdbc.sql("SELECT source_name FROM ingest_items")
                            .query(String.class)
                            .single())
                    .isEqualTo("Levant Wire");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_jobs WHERE source_kind = 'item' AND state = 'queued'")
                            .query(Long.class)
                            .single())
                    .as("queued for the server's analysis workers")
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT location FROM ingest_errors")
                            .query(String.class)
                            .single())
                    .isEqualTo("broken.xml");
        }
    }

    @Test
    void withNoInputItSaysWhatItNeedsBeforeStartingAnything() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpringApplicationBuilder(SitrepApplication.class)
                        .web(WebApplicationType.NONE)
                        .run(
                                "--sitrep.command=ingest",
                                "--sitrep.command-exits=false",
                                "--sitrep.data-dir=" + data,
                                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db/sitrep")
                                        + ";DB_CLOSE_ON_EXIT=FALSE"))
                .isInstanceOfSatisfying(org.sitrep.common.StartRefused.class, e -> {
                    assertThat(e.getMessage()).startsWith("ingest: give one or more files or web addresses");
                    assertThat(e.status()).isEqualTo(2);
                });
        assertThat(Files.exists(data.resolve("db")))
                .as("refused before the database was opened")
                .isFalse();
    }
}
