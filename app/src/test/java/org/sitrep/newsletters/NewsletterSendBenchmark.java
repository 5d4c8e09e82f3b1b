package org.sitrep.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sitrep.testsupport.TestMail;
import org.sitrep.testsupport.TestPieces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark, not a test (its name keeps it out of {@code mvn test}; run it with
 * {@code bench/newsletters/run-newsletter-bench.sh}): one issue to N members (default 100,000)
 * through the real sending code, from an H2 database in a file (the embedded default) to a local
 * SMTP server (GreenMail, in this JVM). The clock stops when the SMTP server has taken the last
 * message. GreenMail is told to count deliveries instead of keeping 100,000 mails in memory; the
 * count is per recipient, so a duplicate or a gap would show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.newsletters.tick=1h",
            "sitrep.newsletters.initial-delay=1h",
            "sitrep.base-url=https://sitrep.example",
            "sitrep.mail.from=brief@sitrep.example"
        })
class NewsletterSendBenchmark {
    static final GreenMail MAIL = TestMail.start();
    static final AtomicLong DELIVERED = new AtomicLong();
    static final BitSet SEEN = new BitSet();
    static final AtomicLong DUPLICATES = new AtomicLong();

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("sitrep-bench-newsletters-");
        registry.add(
                "spring.datasource.url",
                () -> "jdbc:h2:file:" + data.resolve("db/sitrep") + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE");
        registry.add("sitrep.data-dir", data::toString);
        TestMail.properties(registry, MAIL);
        // Count each delivery by recipient instead of storing it.
        MAIL.getUserManager().setMessageDeliveryHandler((message, address) -> (GreenMailUser) Proxy.newProxyInstance(
                GreenMailUser.class.getClassLoader(), new Class<?>[] {GreenMailUser.class}, (proxy, method, args) -> {
                    if (method.getName().equals("deliver")) {
                        int n = Integer.parseInt(address.getUser().substring(1));
                        synchronized (SEEN) {
                            if (SEEN.get(n)) DUPLICATES.incrementAndGet();
                            SEEN.set(n);
                        }
                        DELIVERED.incrementAndGet();
                    }
                    return method.getName().equals("getEmail") ? address.getEmail() : null;
                }));
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    IssueDesk desk;

    @Autowired
    Postman postman;

    @Autowired
    Newsletters newsletters;

    @Value("${sitrep.newsletters.rate-per-second:2000}")
    String rate;

    @Value("${sitrep.newsletters.connections:2}")
    String connections;

    @Test
    void sendOneIssueToAllMembers() throws Exception {
        int members = Integer.getInteger("sitrep.bench.members", 100_000);
        String loadBefore = loadAverage();

        long t = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int from = 0; from < members; from += 5_000) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = from; i < Math.min(members, from + 5_000); i++)
                rows.add(new Object[] {"m" + i + "@bench.example", "Member " + i, now, now});
            jdbcTemplate.batchUpdate(
                    "INSERT INTO users (email, display_name, role, enabled, created_at, email_verified_at) "
                            + "VALUES (?, ?, 'MEMBER', TRUE, ?, ?)",
                    rows);
        }
        Newsletter daily = newsletters.bySlug("daily-brief").orElseThrow();
        jdbc.sql(
                        "INSERT INTO newsletter_subscriptions (newsletter_id, user_id, subscribed_at) SELECT :n, id, :now FROM users")
                .param("n", daily.id())
                .param("now", now)
                .update();
        TestPieces fixture = new TestPieces(jdbc, events);
        List<Long> pieces = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            pieces.add(fixture.piece("front-line-" + i)
                    .headline("Front line report " + i + ": crossings reopen as talks resume")
                    .standfirst("What changed on day " + i + ", and what our correspondents saw at the crossings")
                    .insert());
        }
        long issue = desk.save(
                null,
                daily.id(),
                "Daily Brief: crossings reopen",
                "Good morning. Six things from the fronts overnight, **in order of consequence**.\n\n"
                        + "- Talks resume in the capital\n- Crossings reopen in the north\n\nOur memo follows on Friday.",
                pieces,
                "bench");
        Duration setup = Duration.ofNanos(System.nanoTime() - t);

        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        assertThat(desk.start(issue)).isTrue();
        Duration materialise = Duration.ofNanos(System.nanoTime() - start);
        Postman.Run run = postman.deliver(issue);
        while (DELIVERED.get() < members
                && System.nanoTime() - start < Duration.ofMinutes(10).toNanos()) Thread.sleep(5);
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        String loadAfter = loadAverage();

        IssueDesk.Progress p = desk.progress(issue);
        String report = String.join(
                "\n",
                "newsletter send benchmark  " + startedAt,
                "members                    " + members,
                "cores (JVM sees)           " + Runtime.getRuntime().availableProcessors(),
                "load average before/after  " + loadBefore + " / " + loadAfter,
                "rate-per-second / connections " + rate + " / " + connections,
                "setup (members, issue)     " + setup.toMillis() + " ms",
                "materialise send log       " + materialise.toMillis() + " ms",
                "start to last SMTP accept  " + total.toMillis() + " ms",
                "throughput                 " + Math.round(members / (total.toNanos() / 1e9)) + " messages/s",
                "delivered at SMTP server   " + DELIVERED.get() + " (distinct " + SEEN.cardinality() + ", duplicates "
                        + DUPLICATES.get() + ")",
                "send log                   sent " + p.sent() + ", failed " + p.failed() + ", unknown " + p.unknown()
                        + ", queued " + (p.queued() + p.sending()),
                "issue state                " + desk.find(issue).orElseThrow().state(),
                "heap used at end           "
                        + ManagementFactory.getMemoryMXBean()
                                        .getHeapMemoryUsage()
                                        .getUsed()
                                / (1 << 20) + " MiB",
                "under 2 minutes            " + (total.compareTo(Duration.ofMinutes(2)) < 0 ? "yes" : "NO"));
        System.out.println("\n==== NEWSLETTER BENCHMARK ====\n" + report + "\n==============================\n");
        String out = System.getProperty("sitrep.bench.out");
        if (out != null && !out.isBlank()) Files.writeString(Path.of(out), report + "\n");
        assertThat(run.finished()).isTrue();
        assertThat(DUPLICATES.get()).isZero();
        assertThat(SEEN.cardinality()).isEqualTo(members);
        MAIL.stop();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return String.format(
                    "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
