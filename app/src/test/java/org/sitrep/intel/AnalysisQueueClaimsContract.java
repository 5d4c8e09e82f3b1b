package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several workers claiming from the analysis queue at once, as the workers of several instances do: every job is
 * taken, and by one claimer only. PostgreSQL claims with {@code FOR UPDATE SKIP LOCKED}, H2 with a conditional
 * update ({@link AnalysisQueue#claim}); both must hold. Workers are off: the claimers here are the only ones.
 */
@SpringBootTest(
        properties = {"sitrep.sample-content=false", "sitrep.intel.workers=0", "sitrep.scheduler.initial-delay=1h"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnalysisQueueClaimsContract {
    @Autowired
    AnalysisQueue queue;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sixClaimersAtOnceTakeEveryJobExactlyOnce() throws Exception {
        List<Long> enqueued = new ArrayList<>();
        for (long i = 1; i <= 150; i++) {
            queue.enqueue("claims", i);
            enqueued.add(queue.find("claims", i).orElseThrow().id());
        }
        List<AnalysisQueue.Job> taken = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> claimers = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            String name = "claimer-" + c;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    Optional<AnalysisQueue.Job> job;
                    while ((job = queue.claim(name)).isPresent()) taken.add(job.get());
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            claimers.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : claimers) t.join(120_000);
        assertThat(failures).isEmpty();
        assertThat(taken)
                .extracting(AnalysisQueue.Job::id)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(enqueued);
        assertThat(taken).allSatisfy(j -> assertThat(j.attempts()).isEqualTo(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_jobs WHERE source_kind = 'claims' AND state = 'running'")
                        .query(Long.class)
                        .single())
                .isEqualTo(150);
        assertThat(taken.stream()
                        .map(j -> j.token().substring(0, j.token().indexOf('/')))
                        .distinct()
                        .count())
                .as("more than one claimer got work")
                .isGreaterThan(1);
        for (AnalysisQueue.Job j : taken) queue.done(j, "n/a");
        assertThat(queue.claim("late")).isEmpty();
    }
}
