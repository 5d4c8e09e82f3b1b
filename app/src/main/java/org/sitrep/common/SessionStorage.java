package org.sitrep.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions are rows (Spring Session JDBC), and every request writes its session's last access time. On a full or
 * read-only data volume that write fails, and Spring Session would turn every signed-in page into an error after
 * it was rendered: an editor could not even read. So the session store's transactions are ours: a session that
 * cannot be written because the volume cannot be is logged and left as it was (its last access time is a moment
 * old), and the page is served; every other failure is thrown as before. Spring Session looks for this bean by
 * its name.
 *
 * <p>Known cost, on a volume that cannot be written only: a sign-out there cannot delete its row, so the old cookie
 * (which the browser is told to forget) would still sign in until the session expires; a sign-in there is not kept.
 */
@Configuration(proxyBeanMethods = false)
class SessionStorage {
    private static final Logger log = LoggerFactory.getLogger(SessionStorage.class);

    @Bean(name = "springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions) {
        // As Spring Session's own default: a transaction of its own, whatever the request is in.
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) throws TransactionException {
                try {
                    return own.execute(action);
                } catch (RuntimeException e) {
                    if (!StorageFailurePage.storageFailed(e)) throw e;
                    log.warn("A session was not written: the data volume cannot be written ({})", e.getMessage());
                    return null;
                }
            }
        };
    }

    /**
     * Spring Boot's own template steps back once any {@link TransactionOperations} bean exists (the one above);
     * the features ask for this one.
     */
    @Bean
    @Primary
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }
}
