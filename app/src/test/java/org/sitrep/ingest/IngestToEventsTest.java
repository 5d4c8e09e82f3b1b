package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitrep.intel.AnalysisEngine;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.EventSearch;
import org.sitrep.intel.TrackedEvent;
import org.sitrep.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The "done when", ingest side: a saved conflict-news web page dropped into the inbox of
 * the embedded default ends up, within seconds, as events with their evidence in {@link EventSearch}
 * — through the hot folder, the analysis queue and its workers, all running by themselves.
 */
@SpringBootTest(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.intel.workers=2",
            "sitrep.intel.poll=200ms",
            "sitrep.ingest.inbox-poll=250ms",
            "sitrep.ingest.feeds=false",
            "sitrep.ingest.allow-networks=127.0.0.1/32"
        }) // the local stand-in for a news site is on loopback
class IngestToEventsTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Autowired
    Inbox inbox;

    @Autowired
    EventSearch events;

    @Autowired
    AnalysisEngine engine;

    @Autowired
    Sources sources;

    @Autowired
    FeedPoller poller;

    @Test
    void aPageDroppedInTheInboxBecomesEventsWithEvidenceWithinSeconds() throws Exception {
        engine.analyzer(); // loading the engine (gazetteer, models) is start-up cost, not the page's
        Path dir = inbox.dir();
        Files.createDirectories(dir);
        // Dropped the way a file manager or rsync does: written under a temporary name, then renamed.
        Path part = dir.resolve("marib.html.part");
        Files.write(part, Fixtures.bytes("page-marib-offensive.html"));
        long dropped = System.nanoTime();
        Files.move(part, dir.resolve("marib.html"), StandardCopyOption.ATOMIC_MOVE);

        EventFilter fromInbox =
                new EventFilter(null, null, Set.of(), null, null, null, null, "Inbox", null, Set.of(), null, null);
        List<TrackedEvent> found = List.of();
        long deadline = dropped + Duration.ofSeconds(60).toNanos();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = events.search(fromInbox, null, 50).events();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - dropped);
        assertThat(found).as("events from the dropped page").isNotEmpty();
        assertThat(took).as("from drop to events").isLessThan(Duration.ofSeconds(15));
        assertThat(dir.resolve("done/marib.html")).exists();

        TrackedEvent event = found.get(0);
        assertThat(event.source().kind()).isEqualTo("item");
        assertThat(event.source().title()).isEqualTo("Houthi forces shell Marib city as offensive resumes");
        String text = events.documentText(event.source().documentId()).orElseThrow();
        assertThat(text).doesNotContain("cookies").doesNotContain("Recommended").doesNotContain("Share on");
        assertThat(event.evidenceSentence()).isNotBlank();
        assertThat(text.substring(event.evidenceStart(), event.evidenceEnd())).isEqualTo(event.evidenceSentence());
        assertThat(found).extracting(TrackedEvent::placeName).contains("Ma'rib"); // the gazetteer's spelling
        assertThat(found).allSatisfy(e -> assertThat(e.country()).isIn("YE", null));
        System.out.printf("Inbox to events: %d ms, %d events%n", took.toMillis(), found.size());
    }

    @Test
    void aFeedEntryWithOnlyASummaryHasEventsFromItsLinkedArticle() throws Exception {
        engine.analyzer();
        try (LocalWire wire = new LocalWire()) {
            // Not the Marib page of the inbox test: that one would be taken as a duplicate of this story and not
            // analysed.
            wire.serve("/libya/tripoli", "text/html; charset=utf-8", Fixtures.bytes("page-with-chrome.html"));
            // What most feeds carry: a headline and one line, nothing for the engine to find a place or an attack in.
            wire.serve(
                    "/libya.rss",
                    "application/rss+xml",
                    LinkedPages.rss(
                            "Coastal Courier",
                            List.of(new LinkedPages.Entry(
                                    "cc-tripoli-clashes",
                                    "Clashes between rival brigades in Tripoli leave four dead",
                                    wire.url("/libya/tripoli"),
                                    "Read our latest report.",
                                    "Fri, 27 Feb 2026 18:00:00 GMT"))));
            sources.add("Coastal Courier", Sources.Kind.FEED, wire.url("/libya.rss"), 15, true, true);
            long polled = System.nanoTime();
            assertThat(poller.pollDue()).isEqualTo(1);
            assertThat(wire.requestsFor("/libya/tripoli")).isEqualTo(1);

            EventFilter fromFeed = new EventFilter(
                    null, null, Set.of(), null, null, null, null, "Coastal Courier", null, Set.of(), null, null);
            List<TrackedEvent> found = List.of();
            long deadline = polled + Duration.ofSeconds(60).toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                found = events.search(fromFeed, null, 50).events();
            }
            assertThat(found).as("events from the linked article").isNotEmpty();
            assertThat(found).allSatisfy(e -> assertThat(e.country()).isIn("LY", null));
            TrackedEvent event = found.get(0);
            String text = events.documentText(event.source().documentId()).orElseThrow();
            assertThat(text)
                    .startsWith("Clashes between rival brigades in Tripoli leave four dead\n\nRead our latest report.")
                    .contains("Souq al-Juma")
                    .doesNotContain("cookies")
                    .doesNotContain("All rights reserved");
            assertThat(text.substring(event.evidenceStart(), event.evidenceEnd()))
                    .isEqualTo(event.evidenceSentence());
        }
    }
}
