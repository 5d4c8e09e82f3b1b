package org.sitrep.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * What {@code ./sitrep create-admin --email E --password P} runs: the application without a web
 * server, on the embedded file database, creating or resetting the account and nothing else.
 * ({@code sitrep.command-exits=false} keeps the test JVM alive where the launcher would exit.)
 */
class CreateAdminCommandTest {
    @TempDir
    Path data;

    private ConfigurableApplicationContext run(String... extra) {
        String[] base = {
            "--sitrep.command=create-admin",
            "--sitrep.command-exits=false",
            "--sitrep.data-dir=" + data,
            "--sitrep.scheduler.initial-delay=1h",
            "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db/sitrep") + ";DB_CLOSE_ON_EXIT=FALSE"
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return new SpringApplicationBuilder(SitrepApplication.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }

    @Test
    void createsThenResetsTheAdministratorWithoutLoadingSamples() {
        try (ConfigurableApplicationContext ctx =
                run("--sitrep.admin.email=Chief@Example.org", "--sitrep.admin.password=a long first passphrase")) {
            UserAccounts accounts = ctx.getBean(UserAccounts.class);
            assertThat(accounts.findByEmail("chief@example.org"))
                    .hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.ADMIN));
            assertThat(accounts.passwordMatches("chief@example.org", "a long first passphrase"))
                    .isTrue();
            assertThat(ctx.getBean(JdbcClient.class)
                            .sql("SELECT COUNT(*) FROM pieces")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
        assertThat(Files.exists(data.resolve("db/sitrep.mv.db"))).isTrue();
        try (ConfigurableApplicationContext ctx =
                run("--sitrep.admin.email=chief@example.org", "--sitrep.admin.password=a long second passphrase")) {
            UserAccounts accounts = ctx.getBean(UserAccounts.class);
            assertThat(accounts.passwordMatches("chief@example.org", "a long first passphrase"))
                    .isFalse();
            assertThat(accounts.passwordMatches("chief@example.org", "a long second passphrase"))
                    .isTrue();
            assertThat(accounts.staff()).hasSize(1);
        }
    }

    @Test
    void refusesMissingOrWeakCredentials() {
        // Missing flags are told in one line before anything starts: no database is made.
        assertThatThrownBy(() -> run("--sitrep.admin.email=chief@example.org"))
                .isInstanceOf(org.sitrep.common.StartRefused.class)
                .hasMessage("create-admin: both --email and --password are required");
        assertThat(Files.exists(data.resolve("db"))).isFalse();
        assertThatThrownBy(() -> run("--sitrep.admin.email=chief@example.org", "--sitrep.admin.password=short"))
                .hasStackTraceContaining("create-admin failed");
    }
}
