package org.sitrep.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.sitrep.testsupport.RequiresPostgres;
import org.sitrep.testsupport.ServerProcess;
import org.sitrep.testsupport.TestDatabases;
import org.sitrep.testsupport.TestMail;
import org.sitrep.testsupport.WebSession;

/**
 * Real instances ({@link #INSTANCES}) on one PostgreSQL schema behind a real nginx (Debian's, run unprivileged with a
 * config of its own on loopback, round robin), exercised from outside over HTTP as readers and editors
 * would: signed in through nginx, the session holds on every instance; a piece published on one is on
 * the others' cached pages within two seconds; the meter holds for one visitor whichever instance answers,
 * even for pages opened at once on all three; a scheduled piece is published once and a scheduled issue
 * started once; and a newsletter send whose instance is {@code kill -9}'d mid-send is finished by another,
 * GreenMail's inbox showing nobody mailed twice, while nginx keeps serving from the survivors; wrong passwords
 * sent round robin are counted by every instance (the sign-in throttle's attempts are rows).
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesPostgresIT {
    /** Three: each starts a JVM (in parallel); on a busy 2-core machine they start slowly, so their limit is generous. */
    static final int INSTANCES = 3;

    static final int MEMBERS = 600;
    static final int CONNECTIONS = 2;
    static final String SECRET =
            "<p>Opening paragraph.</p><p>Second paragraph.</p><h2>Inside</h2><p>SECRET-THIRD detail.</p>"
                    + "<p>SECRET-FOURTH closing.</p>";

    private final String schema =
            "m_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final String base = TestDatabases.postgresUrl();
    private final GreenMail mail = TestMail.start();
    private final List<ServerProcess> instances = new ArrayList<>();
    private Path dir;
    private Process nginx;
    private int front;
    private long issue;
    private long scheduledPiece;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("sitrep-several-");
        try (Connection c = DriverManager.getConnection(base)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        Flyway.configure()
                .dataSource(jdbcUrl(), null, null)
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        seed();
        ExecutorService starting = Executors.newFixedThreadPool(INSTANCES);
        List<Future<ServerProcess>> started = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            int n = i;
            started.add(starting.submit(() -> ServerProcess.start(
                    dir.resolve("data-" + n),
                    dir.resolve("instance-" + n + ".log"),
                    Duration.ofMinutes(6),
                    arguments())));
        }
        // Every instance that did start is kept, so @AfterAll stops it even when another failed to start.
        ExecutionException failed = null;
        for (Future<ServerProcess> f : started) {
            try {
                instances.add(f.get(7, TimeUnit.MINUTES));
            } catch (ExecutionException e) {
                failed = e;
            }
        }
        starting.shutdown();
        if (failed != null) throw failed;
        front = TestDatabases.freePort();
        nginx = startNginx();
    }

    @AfterAll
    void stop() throws Exception {
        if (nginx != null) nginx.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        for (ServerProcess s : instances) s.close();
        mail.stop();
        try (Connection c = DriverManager.getConnection(base)) {
            c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    @Order(1)
    void signedInThroughNginxTheEditorStaysSignedInOnEveryInstance() {
        WebSession editor = new WebSession(front);
        HttpResponse<String> in = editor.post(
                "/signin",
                "/signin",
                Map.of("username", ServerProcess.ADMIN_EMAIL, "password", ServerProcess.ADMIN_PASSWORD));
        assertThat(in.statusCode()).isEqualTo(302);
        Set<String> answeredBy = new HashSet<>();
        for (int i = 0; i < 2 * INSTANCES; i++) {
            HttpResponse<String> desk = editor.get("/newsroom");
            assertThat(desk.statusCode())
                    .as("signed in whichever instance answers")
                    .isEqualTo(200);
            answeredBy.add(desk.headers().firstValue("X-Upstream").orElse("?"));
        }
        assertThat(answeredBy).as("round robin reached every instance").hasSize(INSTANCES);
        for (ServerProcess s : instances) {
            WebSession direct = new WebSession(s.port);
            direct.setCookie("JSESSIONID", editor.cookie("JSESSIONID"));
            assertThat(direct.get("/newsroom").statusCode())
                    .as("instance on port %d", s.port)
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void aPiecePublishedOnOneInstanceIsOnTheOthersPagesWithinTwoSeconds() throws Exception {
        for (ServerProcess s : instances)
            assertThat(new WebSession(s.port).get("/").statusCode()).isEqualTo(200); // every home page cached
        WebSession editor = signedIn(instances.get(0).port);
        String headline = "Corridor reopens " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> saved = editor.post(
                "/newsroom/pieces/new",
                "/newsroom/pieces",
                Map.of(
                        "headline",
                        headline,
                        "standfirst",
                        "Aid convoys move again.",
                        "kind",
                        "NEWS",
                        "section",
                        "Syria",
                        "accessLevel",
                        "PUBLIC",
                        "status",
                        "PUBLISHED",
                        "body",
                        "The corridor reopened at dawn."));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        long published = System.nanoTime();
        for (ServerProcess s : instances.subList(1, INSTANCES)) {
            WebSession reader = new WebSession(s.port);
            long until = published + Duration.ofSeconds(2).toNanos();
            while (!reader.get("/").body().contains(headline)) {
                assertThat(System.nanoTime())
                        .as("the home page of the instance on port %d shows the piece within 2 s", s.port)
                        .isLessThan(until);
                Thread.sleep(50);
            }
            System.out.printf(
                    "several instances: published on one, on port %d's home page after %d ms%n",
                    s.port, (System.nanoTime() - published) / 1_000_000);
        }
    }

    @Test
    @Order(3)
    void passwordsGuessedRoundRobinAreCountedByEveryInstance() {
        // Five wrong passwords (sitrep.signin.rate-limit) for one account, sent through nginx: round robin spreads
        // them.
        Set<String> answeredBy = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> guess = new WebSession(front)
                    .post(
                            "/signin",
                            "/signin",
                            Map.of("username", "guessed@example.org", "password", "guess number " + i));
            assertThat(guess.statusCode())
                    .as("guess %d is checked, and wrong", i)
                    .isEqualTo(302);
            answeredBy.add(guess.headers().firstValue("X-Upstream").orElse("?"));
        }
        assertThat(answeredBy).as("the guesses reached several instances").hasSizeGreaterThan(1);
        for (ServerProcess s : instances) {
            HttpResponse<String> sixth = new WebSession(s.port)
                    .post(
                            "/signin",
                            "/signin",
                            Map.of("username", "guessed@example.org", "password", "guess number 6"));
            assertThat(sixth.statusCode())
                    .as("instance on port %d slows the account", s.port)
                    .isEqualTo(429);
        }
    }

    @Test
    @Order(4)
    void theMeterHoldsWhicheverInstanceAnswersEvenForPagesOpenedAtOnce() throws Exception {
        WebSession visitor = new WebSession(front);
        int full = 0;
        Set<String> answeredBy = new HashSet<>();
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> page = visitor.get("/news/metered-" + i);
            assertThat(page.statusCode()).isEqualTo(200);
            answeredBy.add(page.headers().firstValue("X-Upstream").orElse("?"));
            if (full(page)) full++;
        }
        assertThat(answeredBy).hasSize(INSTANCES);
        assertThat(full).as("three free pieces a month, not three per instance").isEqualTo(3);
        assertThat(full(visitor.get("/news/metered-2")))
                .as("a piece already counted is free to read again")
                .isTrue();

        // A second visitor opens six pieces at once, spread over the instances.
        WebSession first = new WebSession(front);
        assertThat(full(first.get("/news/metered-1"))).isTrue(); // the visitor cookie, and one piece counted
        String cookie = first.cookie(visitorCookie(first));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Boolean>> pages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ServerProcess s = instances.get(i % INSTANCES);
            String path = "/news/metered-" + (i + 2);
            Callable<Boolean> read = () -> {
                WebSession same = new WebSession(s.port);
                same.setCookie(visitorCookie(first), cookie);
                return full(same.get(path));
            };
            pages.add(pool.submit(read));
        }
        int more = 0;
        for (Future<Boolean> p : pages) if (p.get()) more++;
        pool.shutdown();
        assertThat(more)
                .as("after one piece, two more free ones, whatever the instances")
                .isEqualTo(2);
    }

    @Test
    @Order(5)
    void aNewsletterSendWhoseInstanceIsKilledFinishesOnAnotherAndNobodyIsMailedTwice() throws Exception {
        try (Connection c = connection();
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE newsletter_issues SET send_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE id = "
                    + issue);
        }
        assertThat(mail.waitForIncomingEmail(120_000, 100))
                .as("the scheduled issue is being sent")
                .isTrue();
        String holder = query("SELECT locked_by FROM shedlock WHERE name = 'newsletters.issue-" + issue + "'");
        long pid = Long.parseLong(holder.substring(0, holder.indexOf('@')));
        ServerProcess sender =
                instances.stream().filter(s -> s.pid() == pid).findFirst().orElseThrow();
        sender.kill9();
        int atKill = mail.getReceivedMessages().length;
        assertThat(atKill).as("killed in the middle of the send").isLessThan(MEMBERS);

        // nginx keeps serving from those left.
        WebSession reader = new WebSession(front);
        for (int i = 0; i < 6; i++) assertThat(reader.get("/").statusCode()).isEqualTo(200);

        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!"SENT".equals(query("SELECT state FROM newsletter_issues WHERE id = " + issue))) {
            assertThat(System.nanoTime())
                    .as("another instance finishes the send")
                    .isLessThan(until);
            Thread.sleep(250);
        }
        Thread.sleep(500); // anything still on its way to GreenMail arrives now
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage m : mail.getReceivedMessages())
            copies.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
        Map<String, String> states = new HashMap<>();
        try (Connection c = connection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT u.email, s.state FROM newsletter_sends s JOIN users u ON u.id = s.user_id WHERE s.issue_id = ?")) {
            q.setLong(1, issue);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) states.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(states).hasSize(MEMBERS);
        assertThat(copies)
                .as("nobody got two copies")
                .allSatisfy((who, n) -> assertThat(n).as(who).isEqualTo(1));
        long inDoubt = states.values().stream().filter("UNKNOWN"::equals).count();
        assertThat(inDoubt)
                .as("in doubt: at most the one in hand on each connection of the killed instance")
                .isLessThanOrEqualTo(CONNECTIONS);
        states.forEach((who, state) -> {
            if (!state.equals("UNKNOWN")) {
                assertThat(state).as(who).isEqualTo("SENT");
                assertThat(copies.get(who)).as("exactly one copy for " + who).isEqualTo(1);
            }
        });
        String finisher = query("SELECT locked_by FROM shedlock WHERE name = 'newsletters.issue-" + issue + "'");
        assertThat(finisher).as("finished by another instance").isNotEqualTo(holder);
        System.out.printf(
                "several instances: %d members, killed at %d delivered, %d in doubt, finished by %s%n",
                MEMBERS, atKill, inDoubt, finisher);
    }

    @Test
    @Order(6)
    void scheduledJobsRanOnceAcrossTheInstances() throws Exception {
        assertThat(query("SELECT status FROM pieces WHERE id = " + scheduledPiece))
                .isEqualTo("PUBLISHED");
        int publishedLines = 0;
        int startedLines = 0;
        int sentLines = 0;
        for (int i = 0; i < instances.size(); i++) {
            String log = Files.readString(dir.resolve("instance-" + i + ".log"));
            publishedLines += count(log, "Published 1 scheduled piece(s)");
            startedLines += count(log, "Scheduled newsletter issue " + issue + " is due: sending");
            sentLines += count(log, "Issue " + issue + " sent:");
        }
        assertThat(publishedLines)
                .as("the scheduled piece was published by one instance, once")
                .isEqualTo(1);
        assertThat(startedLines).as("the scheduled issue was started once").isEqualTo(1);
        assertThat(sentLines).as("and finished once").isEqualTo(1);
    }

    // ---- the set-up ----

    private String[] arguments() {
        return new String[] {
            "--spring.datasource.url=" + jdbcUrl(),
            "--spring.datasource.username=",
            "--spring.datasource.password=",
            "--spring.datasource.hikari.maximum-pool-size=5",
            "--sitrep.cluster.enabled=true",
            "--sitrep.cluster.poll-ms=250",
            "--sitrep.base-url=http://localhost:8080",
            "--logging.level.org.sitrep=INFO",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + mail.getSmtp().getPort(),
            "--sitrep.newsletters.connections=" + CONNECTIONS,
            "--sitrep.newsletters.rate-per-second=40",
            "--sitrep.newsletters.tick=500ms",
            "--sitrep.newsletters.initial-delay=0s",
            "--sitrep.scheduler.interval=1s",
            "--sitrep.scheduler.initial-delay=0s"
        };
    }

    private String jdbcUrl() {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private Connection connection() throws Exception {
        return DriverManager.getConnection(jdbcUrl());
    }

    private String query(String sql) throws Exception {
        try (Connection c = connection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Seven metered pieces, one scheduled to go live in a moment, and members opted into a scheduled issue. */
    private void seed() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO pieces (slug, kind, headline, standfirst, body_markdown, body_html, "
                            + "section, status, access_level, publish_at, first_published_at, created_at, updated_at) VALUES (?, 'NEWS', ?, 'S', ?, ?, "
                            + "'Syria', ?, 'PUBLIC', ?, ?, ?, ?)",
                    new String[] {"id"})) {
                for (int i = 1; i <= 8; i++) {
                    boolean scheduled = i == 8;
                    OffsetDateTime at = scheduled ? now.plusSeconds(45) : now.minusHours(i);
                    p.setString(1, scheduled ? "goes-live-soon" : "metered-" + i);
                    p.setString(2, scheduled ? "Goes live soon" : "Metered piece " + i);
                    p.setString(3, SECRET);
                    p.setString(4, SECRET);
                    p.setString(5, scheduled ? "SCHEDULED" : "PUBLISHED");
                    p.setObject(6, at);
                    p.setObject(7, scheduled ? null : at);
                    p.setObject(8, at.minusHours(1));
                    p.setObject(9, at);
                    p.executeUpdate();
                    if (scheduled) {
                        try (ResultSet keys = p.getGeneratedKeys()) {
                            keys.next();
                            scheduledPiece = keys.getLong(1);
                        }
                    }
                }
            }
            try (PreparedStatement users =
                    c.prepareStatement("INSERT INTO users (email, display_name, role, enabled, created_at, "
                            + "email_verified_at) VALUES (?, ?, 'MEMBER', TRUE, ?, ?)")) {
                for (int i = 0; i < MEMBERS; i++) {
                    users.setString(1, "m" + i + "@several.example");
                    users.setString(2, "Member " + i);
                    users.setObject(3, now);
                    users.setObject(4, now);
                    users.addBatch();
                }
                users.executeBatch();
            }
            try (PreparedStatement optIn = c.prepareStatement(
                    "INSERT INTO newsletter_subscriptions (newsletter_id, user_id, subscribed_at) "
                            + "SELECT n.id, u.id, ? FROM newsletters n, users u WHERE n.slug = 'daily-brief' AND u.email LIKE '%@several.example'")) {
                optIn.setObject(1, now);
                optIn.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO newsletter_issues (newsletter_id, subject, intro_markdown, state, "
                            + "send_at, created_by, created_at, updated_at) SELECT id, 'Sent from several instances', 'Good morning.', 'SCHEDULED', ?, "
                            + "'editor@several.example', ?, ? FROM newsletters WHERE slug = 'daily-brief'",
                    new String[] {"id"})) {
                insert.setObject(1, now.plusDays(1)); // made due by the newsletter test, once every instance is up
                insert.setObject(2, now);
                insert.setObject(3, now);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    issue = keys.getLong(1);
                }
            }
            c.commit();
        }
    }

    /** nginx as this user (no master process, no user switch), its files in the test's folder, round robin over the three. */
    private Process startNginx() throws Exception {
        Path home = Files.createDirectories(dir.resolve("nginx"));
        StringBuilder upstreams = new StringBuilder();
        for (ServerProcess s : instances)
            upstreams.append("    server 127.0.0.1:").append(s.port).append(" max_fails=1 fail_timeout=5s;\n");
        String conf = """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 512; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  upstream sitrep {
                %2$s  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://sitrep;
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_next_upstream error timeout http_502 http_503;
                      proxy_connect_timeout 2s;
                      add_header X-Upstream $upstream_addr always;
                    }
                  }
                }
                """.formatted(home, upstreams, front);
        Path file = home.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process p = new ProcessBuilder(
                        "nginx",
                        "-p",
                        home.toString(),
                        "-c",
                        file.toString(),
                        "-e",
                        home.resolve("error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("out.log").toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            assertThat(p.isAlive())
                    .as("nginx runs: " + Files.readString(home.resolve("out.log")))
                    .isTrue();
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front + "/signin"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) return p;
            } catch (java.io.IOException notYet) {
                assertThat(System.nanoTime()).as("nginx answers").isLessThan(until);
            }
            Thread.sleep(100);
        }
    }

    private static WebSession signedIn(int port) {
        WebSession editor = new WebSession(port);
        assertThat(editor.post(
                                "/signin",
                                "/signin",
                                Map.of("username", ServerProcess.ADMIN_EMAIL, "password", ServerProcess.ADMIN_PASSWORD))
                        .statusCode())
                .isEqualTo(302);
        return editor;
    }

    private static boolean full(HttpResponse<String> page) {
        return page.body().contains("SECRET-THIRD") && page.body().contains("SECRET-FOURTH");
    }

    /** The paywall's signed visitor cookie (paywall.VisitorCookie.NAME). */
    private static String visitorCookie(WebSession s) {
        return "sitrep_visitor";
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
