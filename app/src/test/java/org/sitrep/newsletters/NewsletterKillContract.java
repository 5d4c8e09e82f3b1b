package org.sitrep.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitrep.testsupport.TestMail;

/**
 * "Nobody twice", proved against the real thing: the packaged application jar runs in a child JVM
 * and sends one issue to 2,000 members through GreenMail (in this JVM); it is killed with SIGKILL
 * ({@code kill -9}, no shutdown hook runs) at several delivered counts and restarted each time,
 * until the send finishes. Then GreenMail's inbox, not the application's own log, is the judge:
 * nobody has two copies, everyone the send log does not report in doubt has exactly one, and the
 * in-doubt count is at most one per SMTP connection per kill.
 *
 * <p>Runs in {@code verify} (failsafe, after the jar is packaged). Subclasses give the database.
 */
abstract class NewsletterKillContract {
    static final int MEMBERS = 2_000;
    static final int CONNECTIONS = 2;
    static final int[] KILL_AT = {250, 800, 1_400};

    private final GreenMail mail = TestMail.start();
    private Process app;
    private Path dataDir;

    /** JDBC URL, user and password of a database nobody else uses, and the properties that make the app use it. */
    abstract String jdbcUrl();

    abstract String user();

    abstract String password();

    abstract List<String> databaseArguments();

    @AfterEach
    void stopEverything() throws Exception {
        if (app != null && app.isAlive()) app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        mail.stop();
    }

    @Test
    void killedAtSeveralPointsAndRestartedNobodyGetsTwoCopies() throws Exception {
        dataDir = Files.createTempDirectory("sitrep-kill-");
        migrate();
        long issue = prepareIssue();

        int kills = 0;
        for (int at : KILL_AT) {
            app = start("run-" + kills);
            assertThat(mail.waitForIncomingEmail(180_000, at))
                    .as("the send reaches %d delivered", at)
                    .isTrue();
            app.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no @PreDestroy, no graceful stop
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            kills++;
            int delivered = mail.getReceivedMessages().length;
            assertThat(delivered)
                    .as("killed in the middle of the send, not after it")
                    .isLessThan(MEMBERS);
        }
        Path lastLog = dataDir.resolve("run-last.log");
        app = start("run-last");
        long until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (!Files.readString(lastLog).contains("Issue " + issue + " sent:") && System.nanoTime() < until) {
            assertThat(app.isAlive())
                    .as("the application keeps running; see " + lastLog)
                    .isTrue();
            Thread.sleep(200);
        }
        assertThat(Files.readString(lastLog))
                .as("the send finishes after the last restart")
                .contains("Issue " + issue + " sent:");
        app.destroy(); // SIGTERM: a normal stop, so the database files are closed before we read them
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(500); // anything still on its way to GreenMail arrives now

        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage m : mail.getReceivedMessages())
            copies.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
        Map<String, String> states = new HashMap<>();
        String issueState;
        try (Connection c = DriverManager.getConnection(jdbcUrl(), user(), password())) {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT u.email, s.state FROM newsletter_sends s JOIN users u ON u.id = s.user_id "
                            + "WHERE s.issue_id = ?")) {
                q.setLong(1, issue);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) states.put(rs.getString(1), rs.getString(2));
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT state FROM newsletter_issues WHERE id = ?")) {
                q.setLong(1, issue);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    issueState = rs.getString(1);
                }
            }
        }
        assertThat(issueState).isEqualTo("SENT");
        assertThat(states).hasSize(MEMBERS);
        assertThat(copies)
                .as("nobody got two copies")
                .allSatisfy((who, n) -> assertThat(n).as(who).isEqualTo(1));
        List<String> inDoubt = states.entrySet().stream()
                .filter(e -> e.getValue().equals("UNKNOWN"))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(inDoubt.size())
                .as("in doubt: at most one per connection per kill")
                .isLessThanOrEqualTo(CONNECTIONS * kills);
        for (var e : states.entrySet()) {
            if (e.getValue().equals("UNKNOWN")) continue;
            assertThat(e.getValue()).as(e.getKey()).isEqualTo("SENT");
            assertThat(copies.get(e.getKey()))
                    .as("exactly one copy for " + e.getKey())
                    .isEqualTo(1);
        }
        assertThat(copies.keySet()).as("nobody outside the list").isSubsetOf(states.keySet());
        System.out.printf(
                "kill test: %d members, %d kills, %d delivered, %d in doubt (%d of them did arrive)%n",
                MEMBERS,
                kills,
                copies.size(),
                inDoubt.size(),
                inDoubt.stream().filter(copies::containsKey).count());
    }

    private void migrate() {
        Flyway.configure()
                .dataSource(jdbcUrl(), user(), password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** 2,000 members opted into the Daily Brief and an issue of it scheduled a minute ago: the app's scheduler starts it. */
    private long prepareIssue() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = DriverManager.getConnection(jdbcUrl(), user(), password())) {
            c.setAutoCommit(false);
            try (PreparedStatement users =
                    c.prepareStatement("INSERT INTO users (email, display_name, role, enabled, created_at, "
                            + "email_verified_at) VALUES (?, ?, 'MEMBER', TRUE, ?, ?)")) {
                for (int i = 0; i < MEMBERS; i++) {
                    users.setString(1, "m" + i + "@kill.example");
                    users.setString(2, "Member " + i);
                    users.setObject(3, now);
                    users.setObject(4, now);
                    users.addBatch();
                }
                users.executeBatch();
            }
            long daily;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM newsletters WHERE slug = 'daily-brief'")) {
                rs.next();
                daily = rs.getLong(1);
            }
            try (PreparedStatement optIn =
                    c.prepareStatement("INSERT INTO newsletter_subscriptions (newsletter_id, user_id, subscribed_at) "
                            + "SELECT ?, id, ? FROM users WHERE email LIKE '%@kill.example'")) {
                optIn.setLong(1, daily);
                optIn.setObject(2, now);
                optIn.executeUpdate();
            }
            long issue;
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO newsletter_issues (newsletter_id, subject, intro_markdown, state, "
                            + "send_at, created_by, created_at, updated_at) VALUES (?, 'Killed and resumed', 'Good morning.', 'SCHEDULED', ?, "
                            + "'editor@kill.example', ?, ?)",
                    new String[] {"id"})) {
                insert.setLong(1, daily);
                insert.setObject(2, now.minusMinutes(1));
                insert.setObject(3, now);
                insert.setObject(4, now);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    issue = keys.getLong(1);
                }
            }
            c.commit();
            return issue;
        }
    }

    /** The packaged application, as an operator runs it, with its output in {@code <data>/<name>.log}. */
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
                "--sitrep.newsletters.connections=" + CONNECTIONS,
                "--sitrep.newsletters.rate-per-second=0",
                "--sitrep.newsletters.tick=300ms",
                "--sitrep.newsletters.initial-delay=0s"));
        command.addAll(databaseArguments());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile())
                .start();
    }

    Path dataDir() {
        return dataDir;
    }
}
