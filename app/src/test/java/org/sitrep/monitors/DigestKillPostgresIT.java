package org.sitrep.monitors;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitrep.testsupport.RequiresPostgres;
import org.sitrep.testsupport.TestDatabases;
import org.sitrep.testsupport.TestEvents;
import org.sitrep.testsupport.TestMail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A digest send killed with SIGKILL and restarted, as {@code NewsletterKillPostgresIT} does for an issue: the packaged
 * jar runs in a child JVM and mails the daily digests of 400 analysts' monitors through GreenMail (in this JVM); it is
 * killed ({@code kill -9}: no shutdown hook) at several delivered counts and restarted each time until every digest is
 * done. GreenMail's inbox is the judge: nobody has two digests, everyone the send log ({@code monitor_mails}) does not
 * report in doubt has exactly one, and at most one mail per kill is in doubt (the postman sends one at a time).
 * PostgreSQL, in a schema of its own (the running application's database is read while it runs).
 */
@RequiresPostgres
class DigestKillPostgresIT {
    static final int ANALYSTS = 400;
    static final int[] KILL_AT = {60, 170, 290};

    private final GreenMail mail = TestMail.start();
    private final String schema =
            "dk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final String base = TestDatabases.postgresUrl();
    private Process app;
    private Path dataDir;

    DigestKillPostgresIT() throws Exception {
        try (Connection c = DriverManager.getConnection(base)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (app != null && app.isAlive()) app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        mail.stop();
    }

    @Test
    void killedMidSendAndRestartedEveryAnalystGetsTheirDigestOnce() throws Exception {
        dataDir = Files.createTempDirectory("sitrep-digest-kill-");
        Flyway.configure()
                .dataSource(url(), param("user"), param("password"))
                .locations("classpath:db/migration")
                .load()
                .migrate();
        prepare();

        int kills = 0;
        for (int at : KILL_AT) {
            app = start("run-" + kills);
            assertThat(mail.waitForIncomingEmail(240_000, at))
                    .as("the digests reach %d delivered; see %s", at, dataDir)
                    .isTrue();
            app.destroyForcibly(); // SIGKILL on Linux
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            kills++;
            assertThat(mail.getReceivedMessages().length)
                    .as("killed in the middle of the send, not after it")
                    .isLessThan(ANALYSTS);
        }
        app = start("run-last");
        long until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (unfinished() > 0 && System.nanoTime() < until) {
            assertThat(app.isAlive())
                    .as("the application keeps running; see " + dataDir.resolve("run-last.log"))
                    .isTrue();
            Thread.sleep(300);
        }
        assertThat(unfinished())
                .as("every digest is done after the last restart")
                .isZero();
        app.destroy();
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(500);

        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage m : mail.getReceivedMessages())
            copies.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
        Map<String, String> states = new HashMap<>();
        try (Connection c = connection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT u.email, m.state FROM monitor_mails m "
                                + "JOIN monitors o ON o.id = m.monitor_id JOIN users u ON u.id = o.user_id WHERE m.kind = 'digest'")) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    assertThat(states.put(rs.getString(1), rs.getString(2)))
                            .as("one digest queued for " + rs.getString(1))
                            .isNull();
                }
            }
        }
        assertThat(states).hasSize(ANALYSTS);
        assertThat(copies)
                .as("nobody got two digests")
                .allSatisfy((who, n) -> assertThat(n).as(who).isEqualTo(1));
        List<String> inDoubt = states.entrySet().stream()
                .filter(e -> e.getValue().equals("UNKNOWN"))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(inDoubt.size()).as("in doubt: at most one per kill").isLessThanOrEqualTo(kills);
        for (var e : states.entrySet()) {
            if (e.getValue().equals("UNKNOWN")) continue;
            assertThat(e.getValue()).as(e.getKey()).isEqualTo("SENT");
            assertThat(copies.get(e.getKey()))
                    .as("exactly one digest for " + e.getKey())
                    .isEqualTo(1);
        }
        assertThat(copies.keySet()).as("nobody outside the list").isSubsetOf(states.keySet());
        System.out.printf(
                "digest kill test: %d analysts, %d kills, %d delivered, %d in doubt%n",
                ANALYSTS, kills, copies.size(), inDoubt.size());
    }

    /** Analysts, each with a daily digest of Syria last sent two days ago, and one Syrian event changed since. */
    private void prepare() throws Exception {
        DriverManagerDataSource ds = new DriverManagerDataSource(url(), param("user"), param("password"));
        JdbcClient jdbc = JdbcClient.create(ds);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        TestEvents events = new TestEvents(jdbc);
        long doc = events.document(
                "Fighting in the north",
                "Wire One",
                LocalDate.now(ZoneOffset.UTC).minusDays(1),
                "Rebels attacked Aleppo on Monday.");
        long event = events.event(
                doc,
                TestEvents.battle(LocalDate.now(ZoneOffset.UTC).minusDays(1))
                        .at("Aleppo", "SY", "Aleppo", 36.2, 37.16, 170063)
                        .evidence("Rebels attacked Aleppo on Monday.", "attacked"));
        jdbc.sql("UPDATE intel_events SET created_at = :t, updated_at = :t WHERE id = :id")
                .param("t", now.minusDays(1))
                .param("id", event)
                .update();
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement users =
                    c.prepareStatement("INSERT INTO users (email, display_name, role, enabled, created_at, "
                            + "email_verified_at) VALUES (?, ?, 'ANALYST', TRUE, ?, ?)")) {
                for (int i = 0; i < ANALYSTS; i++) {
                    users.setString(1, "a" + i + "@digest-kill.example");
                    users.setString(2, "Analyst " + i);
                    users.setObject(3, now.minusDays(3));
                    users.setObject(4, now.minusDays(3));
                    users.addBatch();
                }
                users.executeBatch();
            }
            try (PreparedStatement monitors = c.prepareStatement(
                    "INSERT INTO monitors (user_id, name, filter, digest, alerts, digest_since, "
                            + "created_at) SELECT id, 'Syria', 'country=SY', 'daily', FALSE, ?, ? FROM users WHERE email LIKE '%@digest-kill.example'")) {
                monitors.setObject(1, now.minusDays(2));
                monitors.setObject(2, now.minusDays(2));
                monitors.executeUpdate();
            }
            c.commit();
        }
    }

    /** Digests not yet queued (their monitor's window not moved) or queued and not yet done. */
    private long unfinished() throws Exception {
        try (Connection c = connection();
                PreparedStatement q = c.prepareStatement("SELECT (SELECT COUNT(*) FROM monitor_mails WHERE "
                        + "state IN ('QUEUED', 'SENDING')) + (SELECT COUNT(*) FROM monitors o WHERE NOT EXISTS (SELECT 1 FROM monitor_mails m "
                        + "WHERE m.monitor_id = o.id))");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Process start(String name) throws Exception {
        Path jar = Path.of(System.getProperty("sitrep.app.jar", "target/sitrep-app.jar"))
                .toAbsolutePath();
        assertThat(jar)
                .as("the packaged application (this test runs in verify, after package)")
                .exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--sitrep.data-dir=" + dataDir,
                "--sitrep.base-url=http://localhost:8080",
                "--sitrep.sample-content=false",
                "--sitrep.intel.workers=0",
                "--sitrep.intel.map-index.enabled=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--sitrep.monitors.tick=300ms",
                "--sitrep.monitors.initial-delay=0s",
                "--spring.datasource.url=" + url(),
                "--spring.datasource.username=" + param("user"),
                "--spring.datasource.password=" + param("password"),
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema,
                "--spring.datasource.hikari.maximum-pool-size=4"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile())
                .start();
    }

    private Connection connection() throws Exception {
        return DriverManager.getConnection(url(), param("user"), param("password"));
    }

    private String url() {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
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
