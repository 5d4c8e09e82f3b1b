package org.sitrep.newsletters;

import java.util.List;

/**
 * The kill test on the embedded H2 file database, as {@code ./sitrep run} uses it. WRITE_DELAY=0:
 * H2 otherwise keeps commits in memory for up to half a second, and a kill -9 forgets them (the
 * application-wide setting is being made durable separately; this test says it explicitly).
 */
class NewsletterKillH2IT extends NewsletterKillContract {
    @Override
    String jdbcUrl() {
        return "jdbc:h2:file:" + dataDir().resolve("db/sitrep") + ";WRITE_DELAY=0";
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String password() {
        return "";
    }

    @Override
    List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + jdbcUrl() + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE");
    }
}
