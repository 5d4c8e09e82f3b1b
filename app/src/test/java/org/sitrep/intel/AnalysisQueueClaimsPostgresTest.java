package org.sitrep.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sitrep.testsupport.RequiresPostgres;
import org.sitrep.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@RequiresPostgres
class AnalysisQueueClaimsPostgresTest extends AnalysisQueueClaimsContract {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * The claim is {@code SKIP LOCKED}: a job whose row another instance's transaction holds is passed over at once
     * (a plain conditional update would wait for that transaction, holding the claimer up).
     */
    @Test
    void aJobAnotherTransactionHoldsIsPassedOverNotWaitedFor() throws Exception {
        queue.enqueue("held", 1);
        queue.enqueue("held", 2);
        long first = queue.find("held", 1).orElseThrow().id();
        long second = queue.find("held", 2).orElseThrow().id();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder =
                CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                    jdbc.sql("SELECT id FROM intel_jobs WHERE id = :id FOR UPDATE")
                            .param("id", first)
                            .query(Long.class)
                            .single();
                    locked.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        try {
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            AnalysisQueue.Job got = CompletableFuture.supplyAsync(
                            () -> queue.claim("other-instance").orElseThrow())
                    .get(30, TimeUnit.SECONDS);
            assertThat(got.id()).as("the due job nobody holds").isEqualTo(second);
            assertThat(queue.claim("other-instance"))
                    .as("the held one is not waited for")
                    .isEmpty();
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }
        assertThat(queue.claim("other-instance").orElseThrow().id())
                .as("free again once released")
                .isEqualTo(first);
    }
}
