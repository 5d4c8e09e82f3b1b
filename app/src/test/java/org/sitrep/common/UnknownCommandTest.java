package org.sitrep.common;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.SitrepApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A command no feature runs (here the corpus generator, whose jar is not on this classpath) is refused in one line
 * with status 2, instead of a process that starts and then idles forever with no web server.
 */
class UnknownCommandTest {
    @TempDir
    Path data;

    @Test
    void aCommandNobodyRunsIsRefused() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SitrepApplication.class)
                        .web(WebApplicationType.NONE)
                        .run(
                                "--sitrep.command=generate-corpus",
                                "--sitrep.command-exits=false",
                                "--sitrep.data-dir=" + data,
                                "--sitrep.sample-content=false",
                                "--sitrep.scheduler.initial-delay=1h",
                                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db/sitrep")
                                        + ";DB_CLOSE_ON_EXIT=FALSE"))
                .isInstanceOf(StartRefused.class)
                .hasMessageContaining("unknown command 'generate-corpus'");
    }
}
