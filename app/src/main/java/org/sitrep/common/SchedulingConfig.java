package org.sitrep.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The background jobs (the piece scheduler, the feed poller, the inbox, the newsletter send
 * scheduler, the meter prune, the search commit, …) each get a thread of their own. Spring's
 * default is one thread for all of them, so one job stuck on a slow source once held back every
 * other: a scheduled piece stayed unpublished until a remote server closed its connection.
 * <p>
 * The pool has one thread per scheduled job (plus one spare), counted when the jobs are
 * registered, so adding a job can never starve another. A fixed-delay or cron job is not started
 * again before its last run ended, so no job ever runs twice at once, whatever the pool size.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfig implements SchedulingConfigurer, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(SchedulingConfig.class);

    private final ThreadPoolTaskScheduler scheduler;

    SchedulingConfig() {
        this.scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("sitrep-job-");
        scheduler.setPoolSize(2);
        // A job's failure is logged and the job runs again at its next time: it never stops the others.
        scheduler.setErrorHandler(e -> log.warn("A scheduled job failed; it runs again at its next time", e));
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        scheduler.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        int jobs = jobs(registrar);
        scheduler.setPoolSize(jobs + 1);
        scheduler.initialize();
        registrar.setTaskScheduler(scheduler);
        log.debug("{} scheduled jobs, {} threads", jobs, jobs + 1);
    }

    /** Not a bean (a bean that is an Executor would displace Spring Boot's task executor): stopped here. */
    @Override
    public void destroy() {
        scheduler.shutdown();
    }

    /** How many jobs were registered: each needs a thread to itself. */
    static int jobs(ScheduledTaskRegistrar registrar) {
        return registrar.getFixedDelayTaskList().size()
                + registrar.getFixedRateTaskList().size()
                + registrar.getCronTaskList().size()
                + registrar.getTriggerTaskList().size();
    }
}
