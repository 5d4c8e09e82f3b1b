package org.sitrep.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The two databases every repository and integration test runs on: embedded H2 (the default) and
 * a real PostgreSQL server from {@code SITREP_TEST_POSTGRES_URL}. Each Spring context gets a fresh
 * database (H2) or schema (PostgreSQL), so test classes never see each other's rows.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL_ENV = "SITREP_TEST_POSTGRES_URL";
    private static final String DEFAULT_POSTGRES_URL =
            "jdbc:postgresql://127.0.0.1:5432/sitrep_test?user=sitrep&password=sitrep";

    private TestDatabases() {}

    /** Embedded H2 in memory plus a temporary data directory. */
    public static void h2(DynamicPropertyRegistry registry) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        registry.add("sitrep.data-dir", TestDatabases::tempDataDir);
    }

    /**
     * The embedded default as a person runs it, for browser journeys: an H2 file database under a new
     * data directory (the same URL shape as application.properties), served on {@code port} with
     * matching absolute links.
     */
    public static void embeddedDefault(DynamicPropertyRegistry registry, int port) {
        String data = tempDataDir();
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + Path.of(data).resolve("db/sitrep")
                        + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE");
        registry.add("sitrep.data-dir", () -> data);
        registry.add("server.port", () -> port);
        registry.add("sitrep.base-url", () -> "http://localhost:" + port);
    }

    /** A port nobody listens on now, for a test server whose address must be known before it starts. */
    public static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new schema on the PostgreSQL test server; Flyway creates it. */
    public static void postgres(DynamicPropertyRegistry registry) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String url = postgresUrl();
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> queryParam(url, "user"));
        registry.add("spring.datasource.password", () -> queryParam(url, "password"));
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
        registry.add("sitrep.data-dir", TestDatabases::tempDataDir);
        smallPool(registry);
    }

    /**
     * Spring keeps every test context (and its connection pool) alive for reuse, so a full run holds
     * dozens of pools at once: keep each small and let idle connections go, or PostgreSQL runs out of slots.
     */
    private static void smallPool(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "5");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
    }

    public static String postgresUrl() {
        String env = System.getenv(POSTGRES_URL_ENV);
        return env == null || env.isBlank() ? DEFAULT_POSTGRES_URL : env;
    }

    /** True when the PostgreSQL test server answers. */
    public static boolean postgresAvailable() {
        try (Connection c = DriverManager.getConnection(postgresUrl())) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private static String queryParam(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) return "";
        for (String pair : url.substring(q + 1).split("&")) {
            if (pair.startsWith(name + "=")) return pair.substring(name.length() + 1);
        }
        return "";
    }

    private static String tempDataDir() {
        try {
            Path dir = Files.createTempDirectory("sitrep-test-");
            dir.toFile().deleteOnExit();
            return dir.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
