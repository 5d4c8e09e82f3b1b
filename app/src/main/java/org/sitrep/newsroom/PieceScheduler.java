package org.sitrep.newsroom;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.sitrep.common.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few seconds, marks scheduled pieces whose time has come as published (no restart needed). */
@Component
class PieceScheduler {
    private static final Logger log = LoggerFactory.getLogger(PieceScheduler.class);
    private final PieceEditor editor;

    PieceScheduler(PieceEditor editor) {
        this.editor = editor;
    }

    @Scheduled(
            fixedDelayString = "${sitrep.scheduler.interval:15s}",
            initialDelayString = "${sitrep.scheduler.initial-delay:5s}")
    @SchedulerLock(name = "newsroom.publish-due", lockAtMostFor = JobLeases.LEASE)
    void publishDue() {
        try {
            int n = editor.publishDue();
            if (n > 0) log.info("Published {} scheduled piece(s)", n);
        } catch (RuntimeException e) {
            // A failed tick (database briefly away) must not stop the next one.
            log.warn("Publishing scheduled pieces failed; will retry", e);
        }
    }
}
