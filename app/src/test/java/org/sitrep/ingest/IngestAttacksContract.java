package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Ingest attacked as an outsider would (issue 12, items 3, 4, 5 and 11), on a real database: a
 * feed, a page or a redirect pointing at the server's own network; a source that trickles bytes;
 * pathologically nested HTML; links and unmovable names in the hot folder. Only loopback is ever
 * contacted: the "outside" here is 127.0.0.2, the one range these tests allow
 * ({@code sitrep.ingest.allow-networks}), and the "inside" is 127.0.0.1 and ::1.
 */
@SpringBootTest(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.intel.workers=0",
            "sitrep.ingest.inbox=false",
            "sitrep.ingest.feeds=false",
            "sitrep.ingest.connect-timeout=2s",
            "sitrep.ingest.read-timeout=2s",
            "sitrep.ingest.fetch-timeout=3s",
            "sitrep.ingest.allow-networks=127.0.0.2/32"
        })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IngestAttacksContract {
    private static final Intake.Origin BY_HAND = new Intake.Origin(null, "Added by hand");
    private static final String POLICY =
            "(only public addresses are fetched unless sitrep.ingest.allow-networks allows the range)";

    @Autowired
    Ingestion ingestion;

    @Autowired
    IngestedStories stories;

    @Autowired
    IngestErrors errors;

    @Autowired
    Sources sources;

    @Autowired
    FeedPoller poller;

    @Autowired
    Inbox inbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    /** The publisher's own network: nothing here may ever be asked for anything. */
    final LocalWire inside = wire("127.0.0.1");

    final LocalWire insideV6 = wire("::1");
    /** A news site "outside", on the one range the tests allow. */
    final LocalWire outside = wire("127.0.0.2");

    static LocalWire wire(String address) {
        try {
            return new LocalWire(address);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stop() {
        inside.close();
        insideV6.close();
        outside.close();
    }

    @BeforeEach
    void serve() {
        byte[] secret = LinkedPages.page("Intranet", "Internal memo: payroll and keys", LinkedPages.HODEIDAH);
        inside.serve("/secret", "text/html; charset=utf-8", secret);
        inside.serve("/intranet/payroll", "text/html; charset=utf-8", secret);
        insideV6.serve("/secret", "text/html; charset=utf-8", secret);
        jdbc.sql("UPDATE ingest_sources SET active = FALSE").update();
    }

    private List<String> errorsAt(String location) {
        return errors.latest(500).stream()
                .filter(e -> e.location().equals(location))
                .map(IngestErrors.Error::reason)
                .toList();
    }

    @Test
    void addressesThatAreNotPublicAreRefusedBeforeAnythingIsSent() {
        int port = inside.port();
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put(inside.url("/secret"), "refused to fetch from 127.0.0.1, a loopback address");
        targets.put(insideV6.url("/secret"), "refused to fetch from ::1, a loopback address");
        targets.put("http://localhost:" + port + "/secret", "refused to fetch from localhost (");
        targets.put("http://0.0.0.0:" + port + "/secret", "refused to fetch from 0.0.0.0, an unspecified address");
        targets.put(
                "http://[::ffff:127.0.0.1]:" + port + "/secret",
                "refused to fetch from ::ffff:127.0.0.1, a loopback address");
        targets.put(
                "http://169.254.169.254/latest/meta-data/",
                "refused to fetch from 169.254.169.254, a link-local address");
        targets.put("http://10.1.2.3/admin", "refused to fetch from 10.1.2.3, a private address");
        targets.put("http://192.168.1.1/", "refused to fetch from 192.168.1.1, a private address");
        targets.put("http://[fd00::1]/", "refused to fetch from fd00::1, a private (unique local) address");
        targets.put("https://224.0.0.1/", "refused to fetch from 224.0.0.1, a multicast address");
        long storiesBefore = stories.count();

        targets.forEach((url, reason) -> {
            Ingestion.Report report = ingestion.url(url, BY_HAND);
            assertThat(report.outcomes()).as(url).isEmpty();
            assertThat(report.errors())
                    .as(url)
                    .singleElement()
                    .asString()
                    .startsWith(reason)
                    .contains(POLICY);
            assertThat(errorsAt(url))
                    .as("the ingestion errors say why " + url + " was not fetched")
                    .singleElement()
                    .asString()
                    .startsWith(reason);
        });
        assertThat(errorsAt("http://localhost:" + port + "/secret"))
                .singleElement()
                .asString()
                .contains("a loopback address");
        assertThat(inside.requests)
                .as("requests that reached the server's own network")
                .isEmpty();
        assertThat(insideV6.requests).isEmpty();
        assertThat(stories.count()).isEqualTo(storiesBefore);
    }

    @Test
    void aFeedEntrysLinkIntoTheServersNetworkIsNotFetched() {
        outside.serve(
                "/levant.rss",
                "application/rss+xml",
                LinkedPages.rss(
                        "Levant Post",
                        List.of(new LinkedPages.Entry(
                                "lp-1",
                                "Shelling reported near Idlib",
                                inside.url("/intranet/payroll"),
                                "Shelling was reported near Idlib.",
                                "Mon, 02 Mar 2026 08:00:00 GMT"))));
        long id = sources.add("Levant Post", Sources.Kind.FEED, outside.url("/levant.rss"), 15, true, true);

        poller.pollDue();

        assertThat(inside.requests).as("the link was never requested").isEmpty();
        long story = jdbc.sql("SELECT item_id FROM ingest_copies WHERE guid = 'lp-1'")
                .query(Long.class)
                .single();
        assertThat(stories.find(story).orElseThrow().text())
                .as("the feed's own text, not the intranet page")
                .isEqualTo("Shelling reported near Idlib\n\nShelling was reported near Idlib.")
                .doesNotContain("Hodeidah");
        assertThat(errorsAt(inside.url("/intranet/payroll")))
                .singleElement()
                .asString()
                .startsWith("linked article not taken (refused to fetch from 127.0.0.1, a loopback address")
                .endsWith("; the feed's own text is kept");
        assertThat(sources.find(id).orElseThrow().failures())
                .as("the feed itself worked")
                .isZero();
    }

    @Test
    void everyRedirectIsCheckedAgainAndOnlyAllowedAddressesAreFollowed() {
        outside.serve(
                "/moved",
                r -> new LocalWire.Answer(302, "text/plain", null, Map.of("Location", inside.url("/secret"))));
        outside.serve(
                "/moved-by-name",
                r -> new LocalWire.Answer(
                        301, "text/plain", null, Map.of("Location", "http://localhost:" + inside.port() + "/secret")));
        outside.serve("/moved-here", r -> new LocalWire.Answer(307, "text/plain", null, Map.of("Location", "/story")));
        outside.serve(
                "/story",
                "text/html; charset=utf-8",
                LinkedPages.page("Levant Post", "Port of Hodeidah hit by air strikes", LinkedPages.HODEIDAH));

        Ingestion.Report toLoopback = ingestion.url(outside.url("/moved"), BY_HAND);
        Ingestion.Report toName = ingestion.url(outside.url("/moved-by-name"), BY_HAND);
        assertThat(toLoopback.errors())
                .singleElement()
                .asString()
                .startsWith("refused to fetch from 127.0.0.1, a loopback address")
                .endsWith(": " + outside.url("/moved"));
        assertThat(toName.errors()).singleElement().asString().startsWith("refused to fetch from localhost (");
        assertThat(inside.requests)
                .as("nothing reached the server's own network")
                .isEmpty();

        // A redirect within what may be fetched is still followed.
        Ingestion.Report followed = ingestion.url(outside.url("/moved-here"), BY_HAND);
        assertThat(followed.errors()).isEmpty();
        assertThat(stories.find(followed.outcomes().get(0).itemId())
                        .orElseThrow()
                        .text())
                .contains("Three dock workers were killed");
    }

    @Test
    void aSourceThatTricklesIsCutOffAtTheWholeFetchLimit() throws Exception {
        try (TrickleServer slow = new TrickleServer("127.0.0.2", Duration.ofMillis(200))) {
            String url = slow.url("/story");
            long started = System.nanoTime();
            // On a fetcher without a limit on the whole fetch this never returns: the test fails at 20 s instead.
            Ingestion.Report report =
                    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ingestion.url(url, BY_HAND));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(report.errors()).containsExactly("took longer than 3 s fetching " + url);
            assertThat(errorsAt(url)).containsExactly("took longer than 3 s fetching " + url);
            assertThat(took)
                    .as("bytes kept coming, so the 2 s read timeout never fired: the 3 s whole-fetch limit did")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(2900));
            waitFor(() -> slow.open.get() == 0, Duration.ofSeconds(10));
            assertThat(slow.open.get()).as("connections the fetcher left open").isZero();
        }
    }

    @Test
    void addAPageNowAnswersWithinTheFetchLimitWhenTheSiteTrickles() throws Exception {
        try (TrickleServer slow = new TrickleServer("127.0.0.2", Duration.ofMillis(200))) {
            String url = slow.url("/page");
            MvcResult result =
                    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> mvc.perform(post("/admin/ingest/pages")
                                    .param("url", url)
                                    .with(user("desk@example.org").roles("EDITOR"))
                                    .with(csrf()))
                            .andExpect(status().is3xxRedirection())
                            .andReturn());
            assertThat(result.getFlashMap().get("error"))
                    .isEqualTo("Not ingested: took longer than 3 s fetching " + url);
        }
    }

    /** 200,000 nested divs (2.2 MB) around a real story: the page that held the inbox and the scheduler. */
    static byte[] nestedPage(int depth) {
        StringBuilder sb = new StringBuilder(depth * 11 + 2000)
                .append("<!DOCTYPE html><html><head><title>Deep</title></head><body>");
        sb.append("<div>".repeat(depth));
        for (String p : LinkedPages.HODEIDAH) sb.append("<p>").append(p).append("</p>");
        sb.append("</div>".repeat(depth)).append("</body></html>");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void deeplyNestedHtmlIsRefusedWithAnErrorInWellUnderASecond() {
        for (int depth : new int[] {200_000, 4_000}) {
            byte[] page = nestedPage(depth);
            String name = "nested-" + depth + ".html";
            long started = System.nanoTime();
            Ingestion.Report report = assertTimeoutPreemptively(
                    Duration.ofSeconds(30),
                    () -> ingestion.bytes(name, page, "text/html; charset=utf-8", null, BY_HAND));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(report.outcomes()).isEmpty();
            assertThat(report.errors())
                    .containsExactly("HTML nested more than 256 elements deep is refused (it costs too much to clean)");
            assertThat(errorsAt(name)).hasSize(1);
            assertThat(took).as(page.length + " bytes, " + depth + " deep").isLessThan(Duration.ofSeconds(1));
        }
        // The same story nested as deep as real pages are is taken in as usual.
        Ingestion.Report fine =
                ingestion.bytes("nested-40.html", nestedPage(40), "text/html; charset=utf-8", null, BY_HAND);
        assertThat(fine.errors()).isEmpty();
        assertThat(stories.find(fine.outcomes().get(0).itemId()).orElseThrow().text())
                .contains("Three dock workers were killed");
    }

    @Test
    void nestingTheQuickPassCannotSeeIsRefusedByTheParsedTreesDepth() {
        // Each </div> closes its div for a simple reading, but an HTML5 parser re-opens the <b> left inside
        // it after it: the tree grows one level per repeat while the tags look balanced.
        String html = "<html><body>"
                + Stream.iterate(0, i -> i + 1)
                        .limit(1_000)
                        .map(i -> "<div><b id=\"b" + i + "\"></div>x")
                        .reduce("", String::concat)
                + "</body></html>";
        assertThatCode(() -> MarkupLimits.scan(html))
                .as("the quick pass judges it flat")
                .doesNotThrowAnyException();

        Ingestion.Report report =
                ingestion.bytes("formatting.html", html.getBytes(StandardCharsets.UTF_8), "text/html", null, BY_HAND);
        assertThat(report.errors())
                .containsExactly("HTML nested more than 256 elements deep is refused (it costs too much to clean)");
    }

    @Test
    void aFeedEntryOfNestedMarkupIsOneErrorAndTheOtherEntriesAreTaken() {
        String deep = "<div>".repeat(50_000) + "Deep text" + "</div>".repeat(50_000);
        String feed =
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Mixed</title><link>https://example.org/</link>"
                        + "<description>x</description>"
                        + "<item><guid>deep-1</guid><title>Deep</title><link>https://example.org/deep</link><description>"
                        + org.jsoup.nodes.Entities.escape(deep) + "</description></item>"
                        + "<item><guid>fine-1</guid><title>Clashes near Sirte</title><link>https://example.org/fine</link>"
                        + "<description>&lt;p&gt;Clashes were reported near Sirte on Monday.&lt;/p&gt;</description></item></channel></rss>";
        Ingestion.Report report = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> ingestion.bytes(
                        "mixed.rss", feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml", null, BY_HAND));
        assertThat(report.outcomes()).hasSize(1);
        assertThat(report.errors())
                .singleElement()
                .asString()
                .contains("HTML nested more than 256 elements deep is refused");
    }

    @Test
    void aSymbolicLinkInTheInboxIsNeverFollowed() throws Exception {
        Path elsewhere = Files.createTempFile("sitrep-outside-inbox", ".html");
        byte[] memo = LinkedPages.page("Intranet", "Internal memo on the payroll", LinkedPages.HODEIDAH);
        Files.write(elsewhere, memo);
        Path dir = inbox.dir();
        Files.createDirectories(dir);
        Path link = dir.resolve("memo.html");
        Files.createSymbolicLink(link, elsewhere);
        long before = stories.count();

        for (int i = 0; i < 5; i++) inbox.scan();

        assertThat(stories.count()).as("nothing taken in through the link").isEqualTo(before);
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS))
                .as("the link left the inbox")
                .isFalse();
        Path failed = dir.resolve("failed/memo.html");
        assertThat(Files.isSymbolicLink(failed))
                .as("the link itself, not its target, is in failed/")
                .isTrue();
        assertThat(Files.readString(dir.resolve("failed/memo.html.reason.txt")))
                .contains("a symbolic link, not a file");
        assertThat(Files.readAllBytes(elsewhere))
                .as("the file it pointed to is untouched")
                .isEqualTo(memo);
        assertThat(errorsAt("memo.html"))
                .containsExactly(
                        "a symbolic link, not a file: not taken in (only files inside the inbox are read, never through a link)");
        Files.delete(elsewhere);
    }

    @Test
    void aNameTooLongToStampIsMovedOnceWithOneError() throws Exception {
        Path dir = inbox.dir();
        Files.createDirectories(dir);
        String name =
                "wire-" + "ك".repeat(120) + ".txt"; // 5 + 240 + 4 = 249 bytes in UTF-8: fits alone, not with a stamp
        byte[] binary = {'G', 'I', 'F', 0, 0, 1, 2, 0, 3};
        for (int drop = 1; drop <= 2; drop++) {
            Files.write(dir.resolve(name), binary);
            for (int i = 0; i < 6; i++) inbox.scan();
            assertThat(dir.resolve(name)).as("drop " + drop + " left the inbox").doesNotExist();
            assertThat(errorsAt(name)).as("one error per drop").hasSize(drop).allSatisfy(r -> assertThat(r)
                    .isEqualTo("binary data, not text"));
        }
        try (Stream<Path> failed = Files.list(dir.resolve("failed"))) {
            List<String> names = failed.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("ك"))
                    .toList();
            assertThat(names).hasSize(4).allSatisfy(n -> assertThat(n.getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(255));
            assertThat(names).filteredOn(n -> n.endsWith(".reason.txt")).hasSize(2);
            assertThat(names)
                    .filteredOn(n -> n.endsWith("~.txt"))
                    .as("shortened, extension kept")
                    .hasSize(2);
        }
    }

    @Test
    void aFileThatCannotBeMovedIsQuarantinedOnceOrLeftAloneWithOneError() throws Exception {
        Path dir = inbox.dir();
        Files.createDirectories(dir);
        inbox.scan(); // done/ and failed/ exist
        // done/ on another file system (a link to /dev/shm): a file cannot be moved there in one step.
        Path shm = Files.createTempDirectory(Path.of("/dev/shm"), "sitrep-done");
        Path done = dir.resolve("done");
        Path realDone = dir.resolve("done-real");
        Files.move(done, realDone);
        Files.createSymbolicLink(done, shm);
        try {
            Files.write(
                    dir.resolve("tobruk.txt"),
                    "Blast at Tobruk port\n\nAn explosion shook the port of Tobruk on Monday."
                            .getBytes(StandardCharsets.UTF_8));
            long before = stories.count();
            for (int i = 0; i < 6; i++) inbox.scan();
            assertThat(stories.count()).isEqualTo(before + 1);
            assertThat(dir.resolve("tobruk.txt")).doesNotExist();
            assertThat(dir.resolve("failed/quarantined.bin")).exists();
            assertThat(Files.readString(dir.resolve("failed/quarantined.bin.reason.txt")))
                    .contains("arrived as: tobruk.txt");
            assertThat(errorsAt("tobruk.txt"))
                    .containsExactly("could not be moved to inbox/done; quarantined as failed/quarantined.bin");

            // failed/ on another file system too: the file stays where it is, taken in once, with one error.
            Path failed = dir.resolve("failed");
            Path realFailed = dir.resolve("failed-real");
            Path shmFailed = Files.createTempDirectory(Path.of("/dev/shm"), "sitrep-failed");
            Files.move(failed, realFailed);
            Files.createSymbolicLink(failed, shmFailed);
            try {
                Files.write(
                        dir.resolve("sirte.txt"),
                        "Clashes near Sirte\n\nClashes were reported near Sirte on Monday."
                                .getBytes(StandardCharsets.UTF_8));
                int taken = 0;
                for (int i = 0; i < 8; i++) taken += inbox.scan().size();
                assertThat(taken).as("taken in once, not at every look").isEqualTo(1);
                assertThat(dir.resolve("sirte.txt")).exists();
                assertThat(errorsAt("sirte.txt"))
                        .containsExactly(
                                "could not be moved out of the inbox (AtomicMoveNotSupportedException); left there and not taken in again until it changes");
                Files.delete(dir.resolve("sirte.txt"));
            } finally {
                Files.delete(failed);
                Files.move(realFailed, failed);
                Files.delete(shmFailed);
            }
        } finally {
            Files.delete(done);
            Files.move(realDone, done);
            Files.delete(shm);
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(50);
    }
}
