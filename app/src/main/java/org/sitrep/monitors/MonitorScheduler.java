package org.sitrep.monitors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.sitrep.common.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every tick ({@code sitrep.monitors.tick}, default 1 minute): queues the digests whose period has passed (or only
 * moves their window on when nothing changed: no digest then), looks for surges in monitors not checked for
 * {@code sitrep.monitors.surge-every} (default 1 hour), and sends what is queued. Each monitor is handled on its
 * own: one whose stored view no longer reads, or whose check fails, is logged and skipped, and the others go on;
 * a failed tick does not stop the next.
 */
@Component
class MonitorScheduler {
    private static final Logger log = LoggerFactory.getLogger(MonitorScheduler.class);
    /**
     * A digest's window closes this long before the tick: a change is stamped with its time inside its
     * transaction and seen only at commit, so one stamped just before the tick could still be invisible.
     */
    static final Duration SETTLE = Duration.ofMinutes(2);

    static final int MAILS_PER_TICK = 500;

    private final Monitors monitors;
    private final MonitorMails mails;
    private final DigestLetter letters;
    private final SurgeWatch surges;
    private final MonitorPostman postman;
    private final Clock clock;
    private final Duration surgeEvery;

    MonitorScheduler(
            Monitors monitors,
            MonitorMails mails,
            DigestLetter letters,
            SurgeWatch surges,
            MonitorPostman postman,
            Clock clock,
            @Value("${sitrep.monitors.surge-every:1h}") Duration surgeEvery) {
        this.monitors = monitors;
        this.mails = mails;
        this.letters = letters;
        this.surges = surges;
        this.postman = postman;
        this.clock = clock;
        this.surgeEvery = surgeEvery;
    }

    @Scheduled(
            fixedDelayString = "${sitrep.monitors.tick:60s}",
            initialDelayString = "${sitrep.monitors.initial-delay:30s}")
    @SchedulerLock(
            name = "monitors.tick",
            lockAtMostFor = JobLeases.LEASE) // one instance at a time (docs/operations.md)
    void tick() {
        try {
            if (!postman.mailConfigured()) return; // nothing could be sent: windows stay where they are
            queueDigests();
            checkSurges();
            postman.deliver(MAILS_PER_TICK);
        } catch (RuntimeException e) {
            log.warn("Monitor digests and alerts: the tick failed; the next one tries again", e);
        }
    }

    /** Queues each due digest that has something to say; returns how many were queued. */
    int queueDigests() {
        Instant until = clock.instant().minus(SETTLE);
        int queued = 0;
        for (Monitor m : monitors.digestsDue(clock.instant())) {
            try {
                if (!m.digestSince().isBefore(until)) continue;
                if (letters.changed(m, m.digestSince(), until).total() == 0) {
                    monitors.moveDigestWindow(m.id(), m.digestSince(), until); // nothing changed: no digest
                } else if (mails.queueDigest(monitors, m, until)) {
                    queued++;
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Monitor {}: its digest could not be prepared ({}); skipped this time", m.id(), e.getMessage());
            }
        }
        return queued;
    }

    /** Looks for surges in the monitors due a check; returns how many alerts were queued. */
    int checkSurges() {
        Instant now = clock.instant();
        int queued = 0;
        for (Monitor m : monitors.surgeChecksDue(now.minus(surgeEvery))) {
            try {
                queued += surges.check(m);
            } catch (RuntimeException e) {
                log.warn(
                        "Monitor {}: its surge check failed ({}); skipped until the next check",
                        m.id(),
                        e.getMessage());
            } finally {
                monitors.surgeChecked(m.id(), now);
            }
        }
        return queued;
    }
}
