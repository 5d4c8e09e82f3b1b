package org.sitrep.newsletters;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.sitrep.common.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds: starts scheduled issues whose time has come (by the application clock, so no
 * restart is needed), and resumes issues left SENDING — after a crash or restart, the first tick
 * picks them up from their send log.
 */
@Component
class SendScheduler {
    private static final Logger log = LoggerFactory.getLogger(SendScheduler.class);

    private final IssueDesk desk;
    private final Postman postman;
    private boolean warnedNoMail;

    SendScheduler(IssueDesk desk, Postman postman) {
        this.desk = desk;
        this.postman = postman;
    }

    @Scheduled(
            fixedDelayString = "${sitrep.newsletters.tick:10s}",
            initialDelayString = "${sitrep.newsletters.initial-delay:5s}")
    @SchedulerLock(name = "newsletters.tick", lockAtMostFor = JobLeases.LEASE)
    void tick() {
        try {
            if (!postman.mailConfigured()) {
                if (!warnedNoMail && !desk.due().isEmpty())
                    log.warn("Scheduled newsletter issues wait: no mail server (spring.mail.host) is configured");
                warnedNoMail = true;
                return;
            }
            for (long id : desk.due()) {
                if (desk.start(id)) log.info("Scheduled newsletter issue {} is due: sending", id);
            }
            for (long id : desk.sending()) postman.deliverInBackground(id);
        } catch (RuntimeException e) {
            // A failed tick (database briefly away) must not stop the next one.
            log.warn("Newsletter scheduling failed; will retry", e);
        }
    }
}
