package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sitrep.testsupport.MutableClock;
import org.sitrep.testsupport.TestClockConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;

/**
 * Slice test of the feed and page sources' store: only the database, Flyway and {@link Sources} (no web server, no
 * analysis engine), so it starts in a few seconds and each test rolls back. It adds fast coverage under
 * {@link IngestContract}, which drives the same store end to end; it replaces nothing there.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE) // the subclass's H2 or PostgreSQL
@ImportAutoConfiguration(JdbcClientAutoConfiguration.class)
@EnableConfigurationProperties(IngestSettings.class)
@Import({Sources.class, TestClockConfig.class})
abstract class SourcesStoreContract {
    @Autowired
    Sources sources;

    @Autowired
    MutableClock clock;

    @Test
    void aNewSourceIsDueAtOnceAndReadsBackAsWritten() {
        long id =
                sources.add("  Levant wire  ", Sources.Kind.FEED, " https://wire.example/levant.rss ", 30, true, true);
        Sources.Source s = sources.find(id).orElseThrow();
        assertThat(s.name()).isEqualTo("Levant wire");
        assertThat(s.url()).isEqualTo("https://wire.example/levant.rss");
        assertThat(s.kind()).isEqualTo(Sources.Kind.FEED);
        assertThat(s.pollMinutes()).isEqualTo(30);
        assertThat(s.fetchLinked()).isTrue();
        assertThat(s.failures()).isZero();
        assertThat(s.nextPollAt()).isEqualTo(clock.instant());
        assertThat(sources.due()).extracting(Sources.Source::id).containsExactly(id);
    }

    @Test
    void inactiveAndNotYetDueSourcesAreNotPolled() {
        long paused = sources.add("Paused", Sources.Kind.PAGE, "https://paused.example/", 60, false, false);
        long polled = sources.add("Polled", Sources.Kind.FEED, "https://polled.example/feed", 60, true, false);
        sources.succeeded(sources.find(polled).orElseThrow(), "\"v1\"", "Mon, 02 Mar 2026 12:00:00 GMT");
        assertThat(sources.due()).extracting(Sources.Source::id).doesNotContain(paused, polled);
        clock.advance(Duration.ofMinutes(60));
        assertThat(sources.due()).extracting(Sources.Source::id).containsExactly(polled);
        Sources.Source s = sources.find(polled).orElseThrow();
        assertThat(s.etag()).isEqualTo("\"v1\"");
        assertThat(s.lastSuccessAt()).isNotNull();
    }

    @Test
    void failuresBackOffDoublingUpToTheCapAndASuccessEndsIt() {
        long id = sources.add("Flaky", Sources.Kind.FEED, "https://flaky.example/feed", 10, true, false);
        for (int i = 0; i < 3; i++) sources.failed(sources.find(id).orElseThrow(), "HTTP 503");
        Sources.Source s = sources.find(id).orElseThrow();
        assertThat(s.failures()).isEqualTo(3);
        assertThat(s.lastError()).isEqualTo("HTTP 503");
        assertThat(Duration.between(clock.instant(), s.nextPollAt())).isEqualTo(Duration.ofMinutes(80));
        assertThat(sources.backoff(10, 30)).isEqualTo(Duration.ofHours(24)); // sitrep.ingest.max-backoff's default

        sources.succeeded(s, null, null);
        assertThat(sources.find(id).orElseThrow()).satisfies(ok -> {
            assertThat(ok.failures()).isZero();
            assertThat(ok.lastError()).isNull();
        });
    }

    @Test
    void aNewAddressForgetsTheOldValidatorsAndIsDueAgain() {
        long id = sources.add("Moved", Sources.Kind.FEED, "https://old.example/feed", 60, true, false);
        sources.succeeded(sources.find(id).orElseThrow(), "\"old\"", "yesterday");
        sources.update(id, "Moved", "https://new.example/feed", 60, true, false);
        Sources.Source s = sources.find(id).orElseThrow();
        assertThat(s.etag()).isNull();
        assertThat(s.lastModified()).isNull();
        assertThat(s.nextPollAt()).isEqualTo(clock.instant());
    }

    @Test
    void hostileOrBrokenInputIsRefusedWithAReasonAndNothingIsStored() {
        assertThatThrownBy(() -> sources.add(" ", Sources.Kind.FEED, "https://x.example/", 10, true, false))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> sources.add("x".repeat(201), Sources.Kind.FEED, "https://x.example/", 10, true, false))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("200");
        assertThatThrownBy(() -> sources.add("Script", Sources.Kind.PAGE, "javascript:alert(1)", 10, true, false))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("not a web address");
        assertThatThrownBy(() -> sources.add("Local file", Sources.Kind.PAGE, "file:///etc/passwd", 10, true, false))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("not a web address");
        assertThatThrownBy(() -> sources.add("Too often", Sources.Kind.FEED, "https://x.example/", 0, true, false))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("1 to 10080");
        assertThatThrownBy(() -> sources.update(987654321L, "Nobody", "https://x.example/", 10, true, false))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("no such source");
        assertThat(sources.all()).isEmpty();

        // a name made of SQL is stored as text (bound parameters), not run
        String sql = "x'); DROP TABLE ingest_sources; --";
        long id = sources.add(sql, Sources.Kind.FEED, "https://x.example/feed", 10, true, false);
        assertThat(sources.all()).extracting(Sources.Source::name).containsExactly(sql);
        sources.delete(id);
        assertThat(sources.find(id)).isEmpty();
        assertThat(sources.all()).isEmpty();
    }
}
