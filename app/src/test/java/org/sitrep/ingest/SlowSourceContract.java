package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sitrep.testsupport.TestPieces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A slow source must not stall Sitrep (issue 12, item 4): with the feed poller stuck reading a
 * source that trickles a byte at a time (its whole-fetch limit set far beyond the test), a piece
 * scheduled for a second later is still published on time, by the schedulers running by
 * themselves, and the inbox still takes in a file.
 */
@SpringBootTest(
        properties = {
            "sitrep.sample-content=false",
            "sitrep.intel.workers=0",
            "sitrep.ingest.feed-check=200ms",
            "sitrep.ingest.inbox-poll=200ms",
            "sitrep.scheduler.interval=200ms",
            "sitrep.scheduler.initial-delay=200ms",
            "sitrep.ingest.read-timeout=10s",
            "sitrep.ingest.fetch-timeout=5m",
            "sitrep.ingest.allow-networks=127.0.0.1/32"
        })
abstract class SlowSourceContract {
    @Autowired
    Sources sources;

    @Autowired
    Inbox inbox;

    @Autowired
    IngestedStories stories;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void aScheduledPieceIsPublishedOnTimeWhileTheFeedPollerIsStuckOnASlowSource() throws Exception {
        try (TrickleServer slow = new TrickleServer("127.0.0.1", Duration.ofMillis(500))) {
            sources.add("Slow Loris Daily", Sources.Kind.PAGE, slow.url("/front"), 15, true, false);
            IngestAttacksContract.waitFor(() -> slow.open.get() > 0, Duration.ofSeconds(30));
            assertThat(slow.open.get())
                    .as("the feed poller is reading the slow source")
                    .isEqualTo(1);

            Instant publishAt = Instant.now().plusSeconds(1);
            long piece = new TestPieces(jdbc, events)
                    .piece("curfew-lifted-in-aden")
                    .headline("Curfew lifted in Aden")
                    .status("SCHEDULED")
                    .publishAt(publishAt)
                    .insert();
            java.nio.file.Files.createDirectories(inbox.dir());
            java.nio.file.Files.writeString(
                    inbox.dir().resolve("aden.txt"),
                    "Port reopens in Aden\n\nThe port of Aden reopened on Monday after a week of closure, officials said.");
            long storiesBefore = stories.count();

            IngestAttacksContract.waitFor(
                    () -> "PUBLISHED".equals(status(piece)) && stories.count() > storiesBefore, Duration.ofSeconds(10));
            assertThat(status(piece))
                    .as("published by the piece scheduler while the poller waits on the slow source")
                    .isEqualTo("PUBLISHED");
            assertThat(stories.count())
                    .as("the inbox took its file in meanwhile")
                    .isEqualTo(storiesBefore + 1);
            assertThat(slow.open.get())
                    .as("and the poller is still reading the slow source")
                    .isEqualTo(1);
        }
    }

    private String status(long piece) {
        return jdbc.sql("SELECT status FROM pieces WHERE id = :id")
                .param("id", piece)
                .query(String.class)
                .single();
    }
}
