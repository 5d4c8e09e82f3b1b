package org.sitrep.common;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one lease mechanism for background jobs: ShedLock's row per job in {@code shedlock}. A scheduled
 * method marked {@code @SchedulerLock(name = …, lockAtMostFor = JobLeases.LEASE)} runs only on the instance
 * that takes its lease; the others skip that tick. The holder renews the lease every half {@link #LEASE}
 * while the job runs, however long that is; when the holder dies (a crash, {@code kill -9}) the renewals stop
 * and another instance takes the job over within one {@link #LEASE}. A newsletter send holds a lease of its
 * own per issue the same way ({@code newsletters.Postman}). Times are the database's: one clock for all.
 *
 * <p>On the embedded H2 database there is only ever one instance; a lease costs a row update per run.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = JobLeases.LEASE)
public class JobLeases {
    /** How long a lease lasts without renewal: ShedLock's shortest renewable lease. */
    public static final String LEASE = "PT30S";

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        JdbcTemplateLockProvider leases = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                // "pid@host": several instances on one host must be told apart in the table (the default is the host
                // name).
                .withLockedByValue(ManagementFactory.getRuntimeMXBean().getName())
                .build());
        ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-renewals");
            t.setDaemon(true);
            return t;
        });
        return new KeepAliveLockProvider(leases, renewals);
    }
}
