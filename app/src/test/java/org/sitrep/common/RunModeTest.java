package org.sitrep.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The one switch between serving and running a launcher command, read the same way before and after the context. */
class RunModeTest {

    @Test
    void noCommandIsTheServer() {
        RunMode mode = RunMode.of(new MockEnvironment());
        assertThat(mode.server()).isTrue();
        assertThat(mode.command()).isEmpty();
        assertThat(mode.runs("ingest")).isFalse();
        assertThat(mode.runs("")).isFalse(); // the server runs no command, not even one with no name
        mode.refuseAnUnknownCommand(); // nothing to refuse
        assertThat(mode).hasToString("server");
    }

    @Test
    void aCommandIsNotTheServerAndRunsOnlyItself() {
        RunMode mode = RunMode.of(new MockEnvironment().withProperty("sitrep.command", " ingest "));
        assertThat(mode.server()).isFalse();
        assertThat(mode.runs("ingest")).isTrue();
        assertThat(mode.runs("create-admin")).isFalse();
        assertThat(mode.command()).isEqualTo("ingest");
        assertThat(mode).hasToString("command ingest");
    }

    @Test
    void aBlankCommandIsStillTheServer() {
        assertThat(RunMode.of(new MockEnvironment().withProperty("sitrep.command", "  "))
                        .server())
                .isTrue();
    }

    @Test
    void aCommandNoFeatureTookIsRefusedOnceTheApplicationIsReady() {
        RunMode typo = RunMode.of(new MockEnvironment().withProperty("sitrep.command", "generate-corpus"));
        assertThat(typo.runs("create-admin")).isFalse();
        assertThatThrownBy(typo::refuseAnUnknownCommand)
                .isInstanceOf(StartRefused.class)
                .hasMessageContaining("unknown command 'generate-corpus'")
                .hasMessageContaining("loader.path")
                .satisfies(e -> assertThat(((StartRefused) e).status()).isEqualTo(2));

        RunMode known = RunMode.of(new MockEnvironment().withProperty("sitrep.command", "create-admin"));
        assertThat(known.runs("create-admin")).isTrue();
        known.refuseAnUnknownCommand(); // taken: nothing to refuse
    }

    @Test
    void finishReturnsWhenCommandsMustNotExit() {
        RunMode mode = RunMode.of(new MockEnvironment()
                .withProperty("sitrep.command", "reanalyse")
                .withProperty("sitrep.command-exits", "false"));
        mode.finish(null, 3); // would System.exit (and end this test JVM) if the property were ignored
        assertThat(mode.runs("reanalyse")).isTrue();
    }
}
