package org.sitrep.newsletters;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.sitrep.testsupport.RequiresPostgres;
import org.sitrep.testsupport.TestDatabases;

/** The kill test on PostgreSQL, in a schema of its own. */
@RequiresPostgres
class NewsletterKillPostgresIT extends NewsletterKillContract {
    private final String schema =
            "k_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final String base = TestDatabases.postgresUrl();

    NewsletterKillPostgresIT() throws Exception {
        try (Connection c = DriverManager.getConnection(base)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
    }

    @Override
    String jdbcUrl() {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    String user() {
        return param("user");
    }

    @Override
    String password() {
        return param("password");
    }

    @Override
    List<String> databaseArguments() {
        return List.of(
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=" + user(),
                "--spring.datasource.password=" + password(),
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema,
                "--spring.datasource.hikari.maximum-pool-size=4");
    }

    private String param(String name) {
        int q = base.indexOf('?');
        if (q < 0) return "";
        for (String pair : base.substring(q + 1).split("&")) {
            if (pair.startsWith(name + "=")) return pair.substring(name.length() + 1);
        }
        return "";
    }
}
