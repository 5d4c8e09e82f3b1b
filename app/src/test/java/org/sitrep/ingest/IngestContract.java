package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sitrep.intel.AnalysisRequested;
import org.sitrep.intel.SourceDocument;
import org.sitrep.intel.SourceDocuments;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Ingest end to end on a real database: feeds and pages served by a local web server (conditional
 * GET, failures and back-off, malformed feeds, a bad entry, chrome, hostile markup), wire items and
 * photos through the hot folder and the command line, near-duplicates grouped into one story, the
 * admin pages, and the hand-off to analysis. The schedulers are off: the tests turn them by hand.
 */
@SpringBootTest(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.intel.workers=0",
            "sitrep.ingest.inbox=false",
            "sitrep.ingest.feeds=false",
            "sitrep.ingest.read-timeout=2s",
            "sitrep.ingest.linked-pages-per-host=4",
            // The local web server standing in for the outside world is on loopback, which ingest otherwise refuses.
            "sitrep.ingest.allow-networks=127.0.0.1/32"
        })
@Import({TestClockConfig.class, IngestContract.Requests.class})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IngestContract {
    /** Every AnalysisRequested the application published. */
    @TestConfiguration
    static class Requests {
        final List<AnalysisRequested> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AnalysisRequested r) {
            seen.add(r);
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Sources sources;

    @Autowired
    FeedPoller poller;

    @Autowired
    Ingestion ingestion;

    @Autowired
    IngestedStories stories;

    @Autowired
    IngestErrors errors;

    @Autowired
    Inbox inbox;

    @Autowired
    IngestCommand command;

    @Autowired
    List<SourceDocuments> documents;

    @Autowired
    Requests requests;

    @Autowired
    MockMvc mvc;

    final LocalWire wire = startWire();

    static LocalWire startWire() {
        try {
            return new LocalWire();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stopWire() {
        wire.close();
    }

    @BeforeEach
    void quiet() {
        // Sources of earlier tests are paused so each test polls only its own.
        jdbc.sql("UPDATE ingest_sources SET active = FALSE").update();
    }

    private static final Intake.Origin INBOX = new Intake.Origin(null, "Inbox");

    private long storyCount() {
        return stories.count();
    }

    private List<String> errorReasons() {
        return errors.latest(100).stream()
                .map(e -> e.location() + " | " + e.reason())
                .toList();
    }

    @Test
    void aFeedIsPolledOnItsIntervalWithConditionalGet() {
        AtomicInteger full = new AtomicInteger();
        wire.serve("/levant.rss", r -> {
            if ("\"v1\"".equals(r.ifNoneMatch()))
                return new LocalWire.Answer(304, null, null, Map.of("ETag", "\"v1\""));
            full.incrementAndGet();
            return new LocalWire.Answer(
                    200,
                    "application/rss+xml; charset=utf-8",
                    Fixtures.bytes("feed-levant.rss"),
                    Map.of("ETag", "\"v1\"", "Last-Modified", "Mon, 02 Mar 2026 12:20:00 GMT"));
        });
        // The entries link to levantwire.example, which a test cannot reach: the feed's own text is what is tested
        // here.
        long id = sources.add("Levant Wire", Sources.Kind.FEED, wire.url("/levant.rss"), 15, true, false);
        long before = storyCount();
        int requested = requests.seen.size();
        java.time.Instant polledAt = clock.instant();

        assertThat(poller.pollDue()).isEqualTo(1);
        assertThat(storyCount()).isEqualTo(before + 2);
        Sources.Source s = sources.find(id).orElseThrow();
        assertThat(s.etag()).isEqualTo("\"v1\"");
        assertThat(s.lastModified()).isEqualTo("Mon, 02 Mar 2026 12:20:00 GMT");
        assertThat(s.nextPollAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(requests.seen.subList(requested, requests.seen.size()))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.kind()).isEqualTo("item"));

        // Not due yet: nothing is fetched.
        clock.advance(Duration.ofMinutes(10));
        assertThat(poller.pollDue()).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(poller.pollDue()).isEqualTo(1);
        LocalWire.Request last = wire.requests.get(wire.requests.size() - 1);
        assertThat(last.ifNoneMatch()).isEqualTo("\"v1\"");
        assertThat(last.ifModifiedSince()).isEqualTo("Mon, 02 Mar 2026 12:20:00 GMT");
        assertThat(full.get()).isEqualTo(1);
        assertThat(storyCount()).as("a 304 stores nothing").isEqualTo(before + 2);
        assertThat(sources.find(id).orElseThrow().failures()).isZero();

        // The feed's stories: cleaned, sanitised, with their source and raw copy.
        IngestedStories.Story drone = stories.newest(0, 50).stream()
                .map(IngestedStories.Listed::story)
                .filter(st -> "Israeli drone strike kills two in south Lebanon".equals(st.title()))
                .findFirst()
                .orElseThrow();
        assertThat(drone.sourceName()).isEqualTo("Levant Wire");
        assertThat(drone.url()).isEqualTo("https://levantwire.example/2026/03/02/lebanon-drone-strike");
        assertThat(drone.html()).doesNotContain("<script").doesNotContain("javascript:");
        IngestedStories.Copy copy = stories.copies(drone.id()).get(0);
        assertThat(copy.sourceId()).isEqualTo(id);
        assertThat(copy.guid()).isEqualTo("lvw-2026-0302-lebanon-drone");
        assertThat(copy.fetchedAt()).isEqualTo(polledAt);
        assertThat(copy.rawBytes()).isEqualTo(Fixtures.bytes("feed-levant.rss").length);

        // A full re-fetch of the same entries (the server forgot its ETag) changes nothing either.
        jdbc.sql("UPDATE ingest_sources SET etag = NULL, last_modified = NULL WHERE id = :id")
                .param("id", id)
                .update();
        sources.pollSoon(id);
        assertThat(poller.pollDue()).isEqualTo(1);
        assertThat(full.get()).isEqualTo(2);
        assertThat(storyCount()).isEqualTo(before + 2);
        assertThat(stories.find(drone.id()).orElseThrow().copies()).isEqualTo(1);
    }

    @Test
    void aFailingSourceBacksOffAndRecovers() {
        AtomicInteger calls = new AtomicInteger();
        wire.serve(
                "/flaky.atom",
                r -> calls.incrementAndGet() <= 2
                        ? new LocalWire.Answer(500, "text/plain", "upstream exploded".getBytes(), Map.of())
                        : LocalWire.Answer.ok("application/atom+xml", Fixtures.bytes("feed-bad-entry.atom")));
        long id = sources.add("Yemen Monitor", Sources.Kind.FEED, wire.url("/flaky.atom"), 10, true, false);

        poller.pollDue();
        Sources.Source s = sources.find(id).orElseThrow();
        assertThat(s.failures()).isEqualTo(1);
        assertThat(s.lastError()).isEqualTo("HTTP 500 from " + wire.url("/flaky.atom"));
        assertThat(s.nextPollAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(20)));
        assertThat(errorReasons()).contains(wire.url("/flaky.atom") + " | HTTP 500 from " + wire.url("/flaky.atom"));

        clock.advance(Duration.ofMinutes(10));
        assertThat(poller.pollDue())
                .as("backing off: not due after one interval")
                .isZero();
        clock.advance(Duration.ofMinutes(10));
        assertThat(poller.pollDue()).isEqualTo(1);
        s = sources.find(id).orElseThrow();
        assertThat(s.failures()).isEqualTo(2);
        assertThat(s.nextPollAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(40)));
        assertThat(sources.backoff(10, 30)).as("capped").isEqualTo(Duration.ofHours(24));

        // Recovery; the feed's one bad entry is an error of its own and does not stop the two good ones.
        long before = storyCount();
        clock.advance(Duration.ofMinutes(40));
        assertThat(poller.pollDue()).isEqualTo(1);
        s = sources.find(id).orElseThrow();
        assertThat(s.failures()).isZero();
        assertThat(s.lastError()).isNull();
        assertThat(s.nextPollAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(storyCount()).isEqualTo(before + 2);
        assertThat(errorReasons()).contains("urn:yemen-monitor:empty | feed entry has neither a title nor any text");
    }

    @Test
    void aMalformedFeedIsAnErrorAndTheOtherSourcesStillRun() {
        wire.serve("/broken.rss", "application/rss+xml", Fixtures.bytes("feed-malformed.rss"));
        wire.serve("/not-a-feed", "text/html", "<html><body><p>Our new website!</p></body></html>".getBytes());
        wire.serve("/courier/tripoli", "text/html; charset=utf-8", Fixtures.bytes("page-with-chrome.html"));
        long broken = sources.add("Broken feed", Sources.Kind.FEED, wire.url("/broken.rss"), 30, true, true);
        long html = sources.add("Moved feed", Sources.Kind.FEED, wire.url("/not-a-feed"), 30, true, true);
        long gone = sources.add("Gone", Sources.Kind.FEED, wire.url("/nothing-here"), 30, true, true);
        long page = sources.add("Coastal Courier", Sources.Kind.PAGE, wire.url("/courier/tripoli"), 60, true, true);
        long before = storyCount();

        assertThat(poller.pollDue()).isEqualTo(4);
        assertThat(sources.find(broken).orElseThrow().lastError()).startsWith("malformed feed");
        assertThat(sources.find(html).orElseThrow().lastError()).startsWith("not an RSS or Atom feed (text/html");
        assertThat(sources.find(gone).orElseThrow().lastError()).startsWith("HTTP 404");
        assertThat(sources.find(page).orElseThrow().failures()).isZero();
        assertThat(storyCount()).isEqualTo(before + 1);
        IngestedStories.Story tripoli = stories.newest(0, 1).get(0).story();
        assertThat(tripoli.title()).isEqualTo("Clashes between rival brigades in Tripoli leave four dead");
        assertThat(tripoli.sourceName()).isEqualTo("Coastal Courier");
        assertThat(tripoli.published()).isEqualTo(java.time.LocalDate.of(2026, 2, 27));
        assertThat(tripoli.text())
                .contains("Souq al-Juma")
                .doesNotContain("cookies")
                .doesNotContain("All rights reserved");
        assertThat(errorReasons())
                .anySatisfy(e -> assertThat(e).startsWith(wire.url("/broken.rss") + " | malformed feed"));
    }

    @Test
    void theSameStoryFromTwoWiresIsOneStoryWithTwoSources() {
        long before = storyCount();
        int requested = requests.seen.size();
        Ingestion.Report levant =
                ingestion.bytes("levant.xml", Fixtures.bytes("newsml-maarat-shelling.xml"), null, null, INBOX);
        Ingestion.Report gulf =
                ingestion.bytes("gulf.json", Fixtures.bytes("ninjs-maarat-shelling.json"), null, null, INBOX);
        Ingestion.Report water =
                ingestion.bytes("water.json", Fixtures.bytes("ninjs-maarat-water.json"), null, null, INBOX);
        Ingestion.Report again =
                ingestion.bytes("levant-again.xml", Fixtures.bytes("newsml-maarat-shelling.xml"), null, null, INBOX);

        long shelling = levant.outcomes().get(0).itemId();
        assertThat(levant.outcomes().get(0).result()).isEqualTo(Intake.Result.NEW);
        assertThat(gulf.outcomes().get(0).result()).isEqualTo(Intake.Result.DUPLICATE);
        assertThat(gulf.outcomes().get(0).itemId()).isEqualTo(shelling);
        assertThat(gulf.describe()).startsWith("duplicate of story #" + shelling);
        assertThat(water.outcomes().get(0).result())
                .as("another story on the same town")
                .isEqualTo(Intake.Result.NEW);
        assertThat(again.outcomes().get(0).result()).isEqualTo(Intake.Result.REPEAT);
        assertThat(storyCount()).isEqualTo(before + 2);

        IngestedStories.Story story = stories.find(shelling).orElseThrow();
        assertThat(story.copies()).isEqualTo(2);
        assertThat(story.sourceName()).isEqualTo("Levant Wire");
        assertThat(story.keywords()).contains("Maarat al-Numan");
        List<IngestedStories.Copy> copies = stories.copies(shelling);
        assertThat(copies)
                .extracting(IngestedStories.Copy::sourceName)
                .containsExactly("Levant Wire", "Gulf Press Agency");
        assertThat(copies.get(1).url())
                .isEqualTo("https://gulfpress.example/wire/2026/03/01/syria-idlib-market-shelling");
        assertThat(copies.get(1).similarity()).isGreaterThanOrEqualTo(0.3);
        // Analysis is asked for the two new stories, not for the duplicate or the repeat.
        assertThat(requests.seen.subList(requested, requests.seen.size()))
                .containsExactly(
                        new AnalysisRequested("item", shelling),
                        new AnalysisRequested("item", water.outcomes().get(0).itemId()));

        // The item as the analysis queue reads it.
        SourceDocuments items = documents.stream()
                .filter(d -> d.kind().equals("item"))
                .findFirst()
                .orElseThrow();
        SourceDocument doc = items.load(shelling).orElseThrow();
        assertThat(doc.format()).isEqualTo("text");
        assertThat(doc.title()).isEqualTo("Shelling kills 11 in Maarat al-Numan market, rescuers say");
        assertThat(doc.content())
                .startsWith(doc.title() + "\n\nArtillery fire hits")
                .contains("killing at least 11 civilians");
        assertThat(doc.published()).isEqualTo(java.time.LocalDate.of(2026, 3, 1));
        assertThat(doc.sourceName()).isEqualTo("Levant Wire");
        assertThat(items.load(999_999)).isEmpty();
    }

    @Test
    void theHotFolderTakesFinishedFilesAndSortsThemIntoDoneAndFailed() throws Exception {
        Path dir = inbox.dir();
        Files.createDirectories(dir);
        Files.write(dir.resolve("marib.xml"), Fixtures.bytes("newsml-inline-data.xml"));
        Files.write(dir.resolve("photo.jpg"), Fixtures.wirePhoto());
        Files.write(dir.resolve("xxe.xml"), Fixtures.bytes("newsml-xxe.xml"));
        Files.write(dir.resolve("broken.json"), Fixtures.bytes("ninjs-malformed.json"));
        Files.write(dir.resolve("broken.jpg"), Fixtures.corruptJpeg());
        Files.writeString(
                dir.resolve("aden.html"),
                "<html><head><title>Aden</title></head><body><nav><a href='/'>Home</a></nav>"
                        + "<article><h1>Car bomb kills two at Aden checkpoint</h1><p>ADEN, Yemen - A car bomb exploded at a checkpoint "
                        + "of the Southern Transitional Council in the Mansoura district of Aden on Saturday, killing two guards, "
                        + "security officials said.</p><script>alert(1)</script></article></body></html>");
        Files.write(dir.resolve("coming.html.part"), "<p>still being written".getBytes());
        long before = storyCount();

        assertThat(inbox.scan()).as("first look: files may still be growing").isEmpty();
        List<Ingestion.Report> reports = inbox.scan();
        assertThat(reports).hasSize(6);
        assertThat(storyCount()).isEqualTo(before + 3);
        assertThat(Files.list(dir.resolve("done")).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("marib.xml", "photo.jpg", "aden.html");
        assertThat(Files.list(dir.resolve("failed")).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder(
                        "xxe.xml",
                        "xxe.xml.reason.txt",
                        "broken.json",
                        "broken.json.reason.txt",
                        "broken.jpg",
                        "broken.jpg.reason.txt");
        assertThat(Files.readString(dir.resolve("failed/xxe.xml.reason.txt"))).contains("DOCTYPE");
        assertThat(Files.readString(dir.resolve("failed/broken.json.reason.txt")))
                .startsWith("malformed JSON");
        assertThat(Files.readString(dir.resolve("failed/broken.jpg.reason.txt")))
                .contains("JPEG");
        assertThat(dir.resolve("coming.html.part")).exists();
        assertThat(errorReasons()).anySatisfy(e -> assertThat(e).startsWith("xxe.xml | XML with a DOCTYPE is refused"));
        assertThat(errors.latest(100))
                .filteredOn(e -> e.location().equals("broken.json"))
                .allSatisfy(e -> assertThat(e.sourceName()).isEqualTo("Inbox"));

        IngestedStories.Story photo = stories.newest(0, 10).stream()
                .map(IngestedStories.Listed::story)
                .filter(s -> s.format().equals("photo"))
                .findFirst()
                .orElseThrow();
        assertThat(photo.text()).isEqualTo(Fixtures.PHOTO_CAPTION);
        assertThat(photo.sourceName()).isEqualTo("LEVANT WIRE/Khalil Ashawi");

        // The same file again: taken as already ingested, and kept beside the first under another name.
        Files.write(dir.resolve("marib.xml"), Fixtures.bytes("newsml-inline-data.xml"));
        inbox.scan();
        List<Ingestion.Report> second = inbox.scan();
        assertThat(second).hasSize(1);
        assertThat(second.get(0).outcomes().get(0).result()).isEqualTo(Intake.Result.REPEAT);
        assertThat(storyCount()).isEqualTo(before + 3);
        assertThat(Files.list(dir.resolve("done")).count()).isEqualTo(4);
    }

    @Test
    void theCommandLinePrintsOneLinePerInputAndFailsIfAnyFailed() throws Exception {
        Path dir = Files.createTempDirectory("ingest-cli");
        Path story = Files.writeString(
                dir.resolve("wire.txt"),
                "Kurdish-led forces repel attack near Raqqa\n\n"
                        + "RAQQA, Syria - Fighters of the Kurdish-led Syrian Democratic Forces repelled an attack by Islamic State "
                        + "militants on a checkpoint north of Raqqa overnight, the SDF said on Tuesday.\n\nTwo attackers were killed.");
        Path bad = Files.write(dir.resolve("bad.json"), Fixtures.bytes("ninjs-malformed.json"));
        wire.serve(
                "/cli/page",
                "text/html",
                ("<html><head><title>Mosul</title></head><body><article><h1>Rocket hits Erbil airport</h1>"
                                + "<p>A rocket struck near Erbil airport in northern Iraq late on Monday, causing no casualties, the Kurdistan "
                                + "region's counter-terrorism service said.</p></article></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);

        int status = command.run(List.of(
                story.toString(),
                wire.url("/cli/page"),
                bad.toString(),
                dir.resolve("missing.html").toString()));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(status).isEqualTo(1);
        assertThat(lines).hasSize(4);
        assertThat(lines[0])
                .startsWith(story + ": ingested as story #")
                .endsWith("(Kurdish-led forces repel attack near Raqqa)");
        assertThat(lines[1])
                .startsWith(wire.url("/cli/page") + ": ingested as story #")
                .contains("Rocket hits Erbil airport");
        assertThat(lines[2]).startsWith(bad + ": error: malformed JSON");
        assertThat(lines[3]).isEqualTo(dir.resolve("missing.html") + ": error: no such file");

        out.reset();
        assertThat(command.run(List.of(story.toString()))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(story + ": already ingested as story #");
        assertThat(command.run(List.of())).isEqualTo(2);
        command.out = System.out;
    }

    @Test
    void theAdminListsStoriesShowsThemSanitisedAndServesRawCopiesAsText() throws Exception {
        wire.serve("/nabatieh", "text/html; charset=utf-8", Fixtures.bytes("hostile-page.html"));
        MvcResult added = mvc.perform(post("/admin/ingest/pages")
                        .param("url", wire.url("/nabatieh"))
                        .with(user("desk@example.org").roles("EDITOR"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String location = added.getResponse().getRedirectedUrl();
        assertThat(location).matches("/admin/ingest/stories/\\d+");

        String page = mvc.perform(get(location).with(user("desk@example.org").roles("EDITOR")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Israeli strike hits building in Nabatieh")
                .contains("wounding three people")
                .doesNotContain("document.cookie")
                .doesNotContain("onerror")
                .doesNotContain("javascript:")
                .doesNotContain("evil.example");
        String raw =
                Jsoup.parse(page).selectFirst("a[href^=/admin/ingest/copies/]").attr("href");
        MvcResult rawCopy = mvc.perform(get(raw).with(user("desk@example.org").roles("EDITOR")))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(rawCopy.getResponse().getContentType()).startsWith("text/plain");
        assertThat(rawCopy.getResponse().getHeader("Content-Security-Policy")).contains("sandbox");
        assertThat(rawCopy.getResponse().getContentAsString()).contains("document.cookie"); // exactly as it arrived

        String list = mvc.perform(get("/admin/ingest/stories")
                        .with(user("desk@example.org").roles("EDITOR")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("Israeli strike hits building in Nabatieh").contains("Added by hand");
        String overview = mvc.perform(
                        get("/admin/ingest").with(user("admin@example.org").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(overview).contains("Add a source").contains("Latest errors");
        mvc.perform(get("/admin/ingest/errors").with(user("desk@example.org").roles("EDITOR")))
                .andExpect(status().isOk());

        // A photo's raw copy is a download, never shown inline.
        Ingestion.Report photo = ingestion.bytes("p.jpg", WirePhotosForAdmin.photo(), null, null, INBOX);
        long copyId = stories.copies(photo.outcomes().get(0).itemId()).get(0).id();
        MvcResult jpeg = mvc.perform(get("/admin/ingest/copies/" + copyId + "/raw")
                        .with(user("desk@example.org").roles("EDITOR")))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(jpeg.getResponse().getContentType()).isEqualTo("application/octet-stream");
        assertThat(jpeg.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
    }

    @Test
    void sourcesAreEditedInTheAdminByEditorsOnly() throws Exception {
        mvc.perform(get("/admin/ingest")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/ingest").with(user("reader@example.org").roles("READER")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/ingest/sources")
                        .param("name", "Sneaky")
                        .param("url", "javascript:alert(1)")
                        .param("pollMinutes", "15")
                        .param("active", "true")
                        .param("kind", "feed")
                        .with(user("desk@example.org").roles("EDITOR"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(result ->
                        assertThat(result.getFlashMap().get("error")).asString().contains("not a web address"));
        mvc.perform(post("/admin/ingest/sources")
                        .param("name", "Local")
                        .param("url", "file:///etc/passwd")
                        .param("pollMinutes", "15")
                        .param("kind", "page")
                        .with(user("desk@example.org").roles("EDITOR"))
                        .with(csrf()))
                .andExpect(result ->
                        assertThat(result.getFlashMap().get("error")).asString().contains("not a web address"));
        mvc.perform(post("/admin/ingest/sources")
                        .param("name", "Aleppo Today")
                        .param("url", wire.url("/aleppo.rss"))
                        .param("pollMinutes", "20")
                        .param("active", "true")
                        .param("kind", "feed")
                        .param("fetchLinked", "true")
                        .with(user("desk@example.org").roles("EDITOR"))
                        .with(csrf()))
                .andExpect(result -> assertThat(result.getFlashMap().get("notice"))
                        .asString()
                        .contains("Aleppo Today added"));
        Sources.Source added = sources.all().stream()
                .filter(s -> s.name().equals("Aleppo Today"))
                .findFirst()
                .orElseThrow();
        assertThat(added.pollMinutes()).isEqualTo(20);
        assertThat(added.active()).isTrue();
        assertThat(added.fetchLinked()).isTrue();
        String form = mvc.perform(
                        get("/admin/ingest").with(user("desk@example.org").roles("EDITOR")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(form).selectFirst("input[name=fetchLinked]").hasAttr("checked"))
                .as("on by default")
                .isTrue();

        mvc.perform(post("/admin/ingest/sources/" + added.id())
                        .param("name", "Aleppo Today (paused)")
                        .param("url", added.url())
                        .param("pollMinutes", "45")
                        .with(user("desk@example.org").roles("EDITOR"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        Optional<Sources.Source> edited = sources.find(added.id());
        assertThat(edited.orElseThrow().active()).isFalse();
        assertThat(edited.orElseThrow().pollMinutes()).isEqualTo(45);
        assertThat(edited.orElseThrow().fetchLinked())
                .as("its box left unticked")
                .isFalse();
        String page = mvc.perform(get("/admin/ingest/sources/" + added.id())
                        .with(user("desk@example.org").roles("EDITOR")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Aleppo Today (paused)").contains("paused");
        mvc.perform(get("/admin/ingest/sources/987654")
                        .with(user("desk@example.org").roles("EDITOR")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/ingest/stories/987654")
                        .with(user("desk@example.org").roles("EDITOR")))
                .andExpect(status().isNotFound());
    }

    // ---- a feed entry's linked article ----

    private long storyOf(String guid) {
        return jdbc.sql("SELECT item_id FROM ingest_copies WHERE guid = :g")
                .param("g", guid)
                .query(Long.class)
                .single();
    }

    private long copiesFrom(long sourceId) {
        return jdbc.sql("SELECT COUNT(*) FROM ingest_copies WHERE source_id = :s")
                .param("s", sourceId)
                .query(Long.class)
                .single();
    }

    private String editorGet(String path) throws Exception {
        return mvc.perform(get(path).with(user("desk@example.org").roles("EDITOR")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aFeedEntrysLinkedArticleBecomesTheStorysTextAndIsFetchedOnce() throws Exception {
        String link = wire.url("/linked/hodeidah");
        byte[] page = LinkedPages.page(
                "Red Sea Courier", "Air strikes hit Hodeidah port, halting fuel deliveries", LinkedPages.HODEIDAH);
        wire.serve("/linked/hodeidah", "text/html; charset=utf-8", page);
        wire.serve(
                "/linked/red-sea.rss",
                "application/rss+xml",
                LinkedPages.rss(
                        "Red Sea Courier",
                        List.of(new LinkedPages.Entry(
                                "rsc-hodeidah-port",
                                "Air strikes hit Hodeidah port",
                                link,
                                "Strikes on Yemen's main port.",
                                "Mon, 02 Mar 2026 07:30:00 GMT"))));
        long id = sources.add("Red Sea Courier", Sources.Kind.FEED, wire.url("/linked/red-sea.rss"), 15, true, true);
        int requested = requests.seen.size();
        long errorsBefore = errors.count();

        poller.pollDue();
        long storyId = storyOf("rsc-hodeidah-port");
        IngestedStories.Story story = stories.find(storyId).orElseThrow();
        // The feed's headline, date, link and summary; the page's article, without the page's chrome.
        assertThat(story.title()).isEqualTo("Air strikes hit Hodeidah port");
        assertThat(story.published()).isEqualTo(java.time.LocalDate.of(2026, 3, 2));
        assertThat(story.url()).isEqualTo(link);
        assertThat(story.sourceName()).isEqualTo("Red Sea Courier");
        assertThat(story.text())
                .startsWith("Air strikes hit Hodeidah port\n\nStrikes on Yemen's main port.\n\n"
                        + "HODEIDAH, Yemen - Air strikes hit the port")
                .contains("Three dock workers were killed")
                .endsWith("depends on imports.")
                .doesNotContain("cookies")
                .doesNotContain("Share on")
                .doesNotContain("Recommended")
                .doesNotContain("All rights reserved");
        assertThat(story.html()).contains("<p>Three dock workers were killed").doesNotContain("cookie");
        assertThat(errors.count()).isEqualTo(errorsBefore);
        assertThat(sources.find(id).orElseThrow().failures()).isZero();

        // Analysis is asked for it, and reads the article.
        assertThat(requests.seen.subList(requested, requests.seen.size()))
                .containsExactly(new AnalysisRequested("item", storyId));
        SourceDocuments items = documents.stream()
                .filter(d -> d.kind().equals("item"))
                .findFirst()
                .orElseThrow();
        assertThat(items.load(storyId).orElseThrow().content()).contains("Firefighters were still battling the blaze");

        // Both originals are kept: the feed as it arrived, and the page as it arrived, served as text.
        IngestedStories.Copy copy = stories.copies(storyId).get(0);
        assertThat(copy.rawType()).isEqualTo("application/xml");
        assertThat(copy.pageBytes()).isEqualTo(page.length);
        assertThat(editorGet("/admin/ingest/stories/" + storyId))
                .contains("/admin/ingest/copies/" + copy.id() + "/page");
        MvcResult raw = mvc.perform(get("/admin/ingest/copies/" + copy.id() + "/page")
                        .with(user("desk@example.org").roles("EDITOR")))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(raw.getResponse().getContentType()).startsWith("text/plain");
        assertThat(raw.getResponse().getHeader("Content-Security-Policy")).contains("sandbox");
        assertThat(raw.getResponse().getContentAsString()).contains("cookie-consent");

        // A full re-poll: the entry is known, so its page is not fetched again.
        sources.pollSoon(id);
        poller.pollDue();
        assertThat(wire.requestsFor("/linked/red-sea.rss")).isEqualTo(2);
        assertThat(wire.requestsFor("/linked/hodeidah")).isEqualTo(1);
        assertThat(stories.find(storyId).orElseThrow().copies()).isEqualTo(1);
    }

    @Test
    void aLinkedPageThatCannotBeHadLeavesTheFeedsTextAndAnErrorWithTheReason() {
        wire.serve(
                "/linked/report.pdf",
                "application/pdf",
                "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));
        wire.serve("/linked/empty", "text/html", LinkedPages.chromeOnly());
        wire.serve("/linked/slow", r -> {
            try {
                Thread.sleep(3000); // longer than the tests' 2 s read timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return LocalWire.Answer.ok("text/html", LinkedPages.page("Slow", "Too late", LinkedPages.HODEIDAH));
        });
        String[][] entries = {
            {"gone", wire.url("/linked/gone"), "Clashes reported in Sirte."},
            {"pdf", wire.url("/linked/report.pdf"), "A report on detentions in Benghazi."},
            {"empty", wire.url("/linked/empty"), "Curfew declared in Zawiya."},
            {"slow", wire.url("/linked/slow"), "Fighting near Gharyan airport."}
        };
        List<LinkedPages.Entry> feed = java.util.Arrays.stream(entries)
                .map(e -> new LinkedPages.Entry(
                        "libya-" + e[0], "Libya " + e[0], e[1], e[2], "Tue, 03 Mar 2026 10:00:00 GMT"))
                .toList();
        wire.serve("/linked/libya.rss", "application/rss+xml", LinkedPages.rss("Libya Observer", feed));
        long id = sources.add("Libya Observer", Sources.Kind.FEED, wire.url("/linked/libya.rss"), 15, true, true);

        poller.pollDue();
        assertThat(sources.find(id).orElseThrow().failures())
                .as("the feed itself worked")
                .isZero();
        for (String[] e : entries) {
            assertThat(stories.find(storyOf("libya-" + e[0])).orElseThrow().text())
                    .as(e[0] + " keeps the feed's text")
                    .isEqualTo("Libya " + e[0] + "\n\n" + e[2]);
        }
        String kept = "; the feed's own text is kept";
        assertThat(errorReasons())
                .contains(
                        entries[0][1] + " | linked article not taken (HTTP 404 from " + entries[0][1] + ")" + kept,
                        entries[1][1] + " | linked article not taken (not an HTML page: application/pdf)" + kept,
                        entries[2][1] + " | linked article not taken (no article text found on the page)" + kept,
                        entries[3][1] + " | linked article not taken (timed out fetching " + entries[3][1] + ")"
                                + kept);
        assertThat(errors.latest(10))
                .filteredOn(e -> e.location().startsWith(wire.url("/linked/")))
                .allSatisfy(e -> assertThat(e.sourceId()).isEqualTo(id));
    }

    @Test
    void withTheSettingOffNoLinkedPageIsFetched() {
        wire.serve(
                "/linked/off/tobruk",
                "text/html",
                LinkedPages.page("Cyrenaica Daily", "Blast at Tobruk port", LinkedPages.HODEIDAH));
        wire.serve(
                "/linked/off.rss",
                "application/rss+xml",
                LinkedPages.rss(
                        "Cyrenaica Daily",
                        List.of(new LinkedPages.Entry(
                                "cyr-tobruk",
                                "Blast at Tobruk port",
                                wire.url("/linked/off/tobruk"),
                                "An explosion shook the port of Tobruk.",
                                "Tue, 03 Mar 2026 11:00:00 GMT"))));
        sources.add("Cyrenaica Daily", Sources.Kind.FEED, wire.url("/linked/off.rss"), 15, true, false);

        poller.pollDue();
        assertThat(wire.requestsFor("/linked/off.rss")).isEqualTo(1);
        assertThat(wire.requestsFor("/linked/off/tobruk")).isZero();
        long storyId = storyOf("cyr-tobruk");
        assertThat(stories.find(storyId).orElseThrow().text())
                .isEqualTo("Blast at Tobruk port\n\nAn explosion shook the port of Tobruk.");
        assertThat(stories.copies(storyId).get(0).pageSha256()).isNull();
    }

    @Test
    void hostileMarkupInALinkedPageIsSanitised() throws Exception {
        wire.serve("/linked/sumy", "text/html; charset=utf-8", LinkedPages.hostilePage());
        wire.serve(
                "/linked/sumy.rss",
                "application/rss+xml",
                LinkedPages.rss(
                        "Kyiv Wire",
                        List.of(new LinkedPages.Entry(
                                "kw-sumy-drone",
                                "Drone strike hits apartment block in Sumy",
                                wire.url("/linked/sumy"),
                                "A drone strike in Sumy overnight.",
                                "Fri, 06 Mar 2026 06:00:00 GMT"))));
        sources.add("Kyiv Wire", Sources.Kind.FEED, wire.url("/linked/sumy.rss"), 15, true, true);

        poller.pollDue();
        long storyId = storyOf("kw-sumy-drone");
        IngestedStories.Story story = stories.find(storyId).orElseThrow();
        assertThat(story.text())
                .contains("Rescuers pulled a child from the rubble")
                .contains("shelled almost daily")
                .doesNotContain("document.cookie")
                .doesNotContain("alert(")
                .doesNotContain("evil.example");
        String shown = editorGet("/admin/ingest/stories/" + storyId);
        for (String html : List.of(
                story.html(), Jsoup.parse(shown).select("article.ingested").html())) {
            assertThat(html)
                    .contains("Rescuers pulled a child")
                    .doesNotContain("<script")
                    .doesNotContain("document.cookie")
                    .doesNotContain("onerror")
                    .doesNotContain("onclick")
                    .doesNotContain("onmouseover")
                    .doesNotContain("javascript:")
                    .doesNotContain("<iframe")
                    .doesNotContain("style=")
                    .doesNotContain("evil.example");
        }
        assertThat(shown).doesNotContain("javascript:").doesNotContain("evil.example");
    }

    @Test
    void twoFeedsLinkingToPagesOfTheSameStoryAreOneStory() {
        wire.serve(
                "/linked/dispatch/el-fasher",
                "text/html",
                LinkedPages.page(
                        "Darfur Dispatch",
                        "RSF shelling kills 14 in El Fasher displacement camp",
                        LinkedPages.EL_FASHER_DISPATCH));
        wire.serve(
                "/linked/herald/abu-shouk",
                "text/html",
                LinkedPages.page(
                        "Nile Herald",
                        "Fourteen killed as shells hit Abu Shouk camp near El Fasher",
                        LinkedPages.EL_FASHER_HERALD));
        wire.serve(
                "/linked/dispatch.rss",
                "application/rss+xml",
                LinkedPages.rss(
                        "Darfur Dispatch",
                        List.of(new LinkedPages.Entry(
                                "dd-el-fasher",
                                "RSF shelling kills 14 in El Fasher camp",
                                wire.url("/linked/dispatch/el-fasher"),
                                "Shelling hits a camp in Darfur.",
                                "Mon, 09 Mar 2026 15:00:00 GMT"))));
        wire.serve(
                "/linked/herald.rss",
                "application/rss+xml",
                LinkedPages.rss(
                        "Nile Herald",
                        List.of(new LinkedPages.Entry(
                                "nh-abu-shouk",
                                "Fourteen killed in Abu Shouk camp",
                                wire.url("/linked/herald/abu-shouk"),
                                "Fourteen dead in North Darfur.",
                                "Mon, 09 Mar 2026 16:10:00 GMT"))));
        sources.add("Darfur Dispatch", Sources.Kind.FEED, wire.url("/linked/dispatch.rss"), 15, true, true);
        sources.add("Nile Herald", Sources.Kind.FEED, wire.url("/linked/herald.rss"), 15, true, true);
        long before = storyCount();

        poller.pollDue();
        long story = storyOf("dd-el-fasher");
        assertThat(storyOf("nh-abu-shouk")).as("grouped on the articles' text").isEqualTo(story);
        assertThat(storyCount()).isEqualTo(before + 1);
        assertThat(stories.find(story).orElseThrow().copies()).isEqualTo(2);
        List<IngestedStories.Copy> copies = stories.copies(story);
        assertThat(copies)
                .extracting(IngestedStories.Copy::sourceName)
                .containsExactly("Darfur Dispatch", "Nile Herald");
        assertThat(copies.get(1).similarity()).isGreaterThanOrEqualTo(0.3);
        assertThat(copies).allSatisfy(c -> assertThat(c.pageSha256()).isNotNull());
        // The feeds' own lines could not have grouped them: too short to compare.
        assertThat(StorySignature.of("Fourteen killed in Abu Shouk camp\n\nFourteen dead in North Darfur."))
                .isNull();
    }

    @Test
    void linkedPagesAreFetchedAFewPerHostPerRoundAndTheRestAtTheNextPoll() {
        List<LinkedPages.Entry> entries = new java.util.ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            String path = "/linked/front/" + n;
            wire.serve(
                    path,
                    "text/html",
                    LinkedPages.page(
                            "Front Line",
                            "Front report " + n,
                            "Field report number " + n + " says the road to checkpoint " + n
                                    + " reopened on Tuesday morning."));
            entries.add(new LinkedPages.Entry(
                    "front-" + n,
                    "Front report " + n,
                    wire.url(path),
                    "Report " + n + ".",
                    "Tue, 10 Mar 2026 0" + n + ":00:00 GMT"));
        }
        byte[] feed = LinkedPages.rss("Front Line", entries);
        wire.serve(
                "/linked/front.rss",
                r -> "\"front-1\"".equals(r.ifNoneMatch())
                        ? new LocalWire.Answer(304, null, null, Map.of("ETag", "\"front-1\""))
                        : new LocalWire.Answer(200, "application/rss+xml", feed, Map.of("ETag", "\"front-1\"")));
        long id = sources.add("Front Line", Sources.Kind.FEED, wire.url("/linked/front.rss"), 10, true, true);

        poller.pollDue();
        assertThat(copiesFrom(id)).as("the host's share of this round").isEqualTo(4);
        assertThat(sources.find(id).orElseThrow().etag())
                .as("forgotten: the next poll must get the whole feed")
                .isNull();
        assertThat(sources.find(id).orElseThrow().failures()).isZero();

        clock.advance(Duration.ofMinutes(10));
        poller.pollDue();
        assertThat(copiesFrom(id)).isEqualTo(6);
        assertThat(sources.find(id).orElseThrow().etag()).isEqualTo("\"front-1\"");
        for (int n = 1; n <= 6; n++)
            assertThat(wire.requestsFor("/linked/front/" + n)).as("page " + n).isEqualTo(1);
        assertThat(stories.find(storyOf("front-6")).orElseThrow().text()).contains("Field report number 6");

        clock.advance(Duration.ofMinutes(10));
        poller.pollDue();
        assertThat(wire.requestsFor("/linked/front.rss")).isEqualTo(3);
        assertThat(copiesFrom(id)).isEqualTo(6);
    }

    /** A second, different wire photo (the first is taken by the hot-folder test). */
    static final class WirePhotosForAdmin {
        static byte[] photo() {
            byte[] iptc = new org.sitrep.newsroom.WirePhotos.Iptc()
                    .add(
                            com.drew.metadata.iptc.IptcDirectory.TAG_CAPTION,
                            "Smoke rises after an air strike on the port of Hodeidah, Yemen, March 2, 2026.")
                    .add(com.drew.metadata.iptc.IptcDirectory.TAG_CREDIT, "GULF PRESS AGENCY")
                    .bytes();
            return org.sitrep.newsroom.WirePhotos.jpegWith(32, 24, iptc, null);
        }
    }
}
