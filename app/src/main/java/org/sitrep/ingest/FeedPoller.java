package org.sitrep.ingest;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.sitrep.common.JobLeases;
import org.sitrep.common.RunMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the sources that are due (by the application clock), one after another: a 304 stores
 * nothing, a feed's entries and a page go through {@link Ingestion}, and a failure (unreachable,
 * HTTP error, malformed feed) is recorded on the source and in the errors list, then backed off.
 */
@Component
public class FeedPoller {
    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final Sources sources;
    private final Fetcher fetcher;
    private final Ingestion ingestion;
    private final IngestErrors errors;
    private final LinkedArticles linkedArticles;
    private final boolean enabled;

    FeedPoller(
            Sources sources,
            Fetcher fetcher,
            Ingestion ingestion,
            IngestErrors errors,
            LinkedArticles linkedArticles,
            IngestSettings settings,
            RunMode mode) {
        this.sources = sources;
        this.linkedArticles = linkedArticles;
        this.fetcher = fetcher;
        this.ingestion = ingestion;
        this.errors = errors;
        this.enabled = settings.feeds() && mode.server();
    }

    @Scheduled(
            fixedDelayString = "${sitrep.ingest.feed-check:15s}",
            initialDelayString = "${sitrep.ingest.feed-check:15s}")
    @SchedulerLock(name = "ingest.feed-poll", lockAtMostFor = JobLeases.LEASE)
    void scheduled() {
        if (!enabled) return;
        try {
            pollDue();
        } catch (RuntimeException e) {
            log.warn("Feed polling: {}", e.toString()); // the database may be away for a moment; try next time
        }
    }

    /** Polls every due source once; returns how many were polled. */
    public synchronized int pollDue() {
        int n = 0;
        LinkedArticles.Round round = linkedArticles.round();
        for (Sources.Source s : sources.due()) {
            poll(s, round);
            n++;
        }
        return n;
    }

    void poll(Sources.Source s, LinkedArticles.Round round) {
        Intake.Origin origin = new Intake.Origin(s.id(), s.name());
        Fetcher.Response response;
        try {
            response = fetcher.get(s.url(), s.etag(), s.lastModified());
        } catch (BadInput e) {
            fail(s, s.url(), e.getMessage());
            return;
        }
        if (response.notModified()) {
            sources.succeeded(s, response.etag(), response.lastModified());
            return;
        }
        int waitingBefore = round.waiting();
        Ingestion.Report report = s.kind() == Sources.Kind.FEED && !"feed".equals(kind(s, response))
                ? notAFeed(s, response)
                : ingestion.bytes(
                        s.url(),
                        response.body(),
                        response.contentType(),
                        s.kind() == Sources.Kind.PAGE ? s.url() : null,
                        origin,
                        s.kind() == Sources.Kind.FEED && s.fetchLinked() ? round : null);
        // A feed that gave items with some bad entries still worked; one that gave nothing but errors failed.
        if (report.outcomes().isEmpty() && report.failed()) {
            sources.failed(s, report.errors().get(0));
        } else if (round.waiting() > waitingBefore) {
            // Entries left for the next poll: without validators it fetches the whole feed again, even unchanged.
            log.info(
                    "Feed {}: {} new entries wait for the next poll (per-host limit on linked pages)",
                    s.name(),
                    round.waiting() - waitingBefore);
            sources.succeeded(s, null, null);
        } else {
            sources.succeeded(s, response.etag(), response.lastModified());
        }
    }

    private static String kind(Sources.Source s, Fetcher.Response response) {
        try {
            return Ingestion.kindOf(s.url(), response.body(), response.contentType());
        } catch (BadInput e) {
            return "unknown";
        }
    }

    private Ingestion.Report notAFeed(Sources.Source s, Fetcher.Response response) {
        String reason = "not an RSS or Atom feed ("
                + (response.contentType().isBlank() ? "no content type" : response.contentType()) + ")";
        errors.record(s.id(), s.name(), s.url(), reason);
        return new Ingestion.Report(s.url(), java.util.List.of(), java.util.List.of(reason));
    }

    private void fail(Sources.Source s, String location, String reason) {
        errors.record(s.id(), s.name(), location, reason);
        sources.failed(s, reason);
    }
}
