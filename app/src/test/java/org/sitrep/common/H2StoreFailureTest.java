package org.sitrep.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "H2 could not write its file and closed the database" (H2's own exceptions, as it throws them). */
class H2StoreFailureTest {
    private static final SQLException STORE_FAILED = DbException.get(
                    ErrorCode.GENERAL_ERROR_1,
                    "org.h2.mvstore.MVStoreException: Writing to sun.nio.ch.FileChannelImpl@1 failed; length 8192 at 3231744")
            .getSQLException();

    @Test
    void aFailedWriteAndAClosedDatabaseAreStoreFailures() {
        assertThat(H2StoreFailure.storeFailed(STORE_FAILED)).isTrue();
        assertThat(H2StoreFailure.storeFailed(
                        DbException.get(ErrorCode.DATABASE_IS_CLOSED).getSQLException()))
                .isTrue();
        assertThat(H2StoreFailure.storeFailed(
                        new UncategorizedSQLException("INSERT", "INSERT INTO pieces", STORE_FAILED)))
                .isTrue();
    }

    @Test
    void aRollbackThatFailedAfterTheStoreFailedIsOneToo() {
        // The pool has closed the connection, so Spring's rollback fails and carries the store's failure aside.
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(H2StoreFailure.storeFailed(rollback))
                .as("without the application exception")
                .isFalse();
        rollback.initApplicationException(new UncategorizedSQLException("INSERT", "INSERT INTO pieces", STORE_FAILED));
        assertThat(H2StoreFailure.storeFailed(rollback)).isTrue();
    }

    @Test
    void aDatabaseThisProcessStillHoldsIsOne() {
        // After a store failure H2 may open the file again and then forget that database: new connections then
        // fail on the file's lock, which the pool reports only when a request gives up waiting for one.
        SQLException locked = DbException.get(
                        ErrorCode.DATABASE_ALREADY_OPEN_1,
                        new java.nio.channels.OverlappingFileLockException(),
                        "/data/db/sitrep.mv.db")
                .getSQLException();
        assertThat(H2StoreFailure.storeFailed(locked)).isTrue();
        assertThat(H2StoreFailure.storeFailed(new org.springframework.transaction.CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction",
                        new java.sql.SQLTransientConnectionException(
                                "HikariPool-1 - Connection is not available", "08001", locked))))
                .isTrue();
        assertThat(StorageFailurePage.storageFailed(
                        new RuntimeException(new java.nio.channels.OverlappingFileLockException())))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(H2StoreFailure.storeFailed(
                        DbException.get(ErrorCode.DUPLICATE_KEY_1, "slug").getSQLException()))
                .isFalse();
        assertThat(H2StoreFailure.storeFailed(DbException.get(ErrorCode.GENERAL_ERROR_1, "something else")
                        .getSQLException()))
                .isFalse();
        // Another database's general error with the same code and words is not H2's store.
        assertThat(H2StoreFailure.storeFailed(new SQLException("MVStoreException", "HY000", 50000)))
                .isFalse();
        assertThat(H2StoreFailure.storeFailed(new IOException("No space left on device")))
                .isFalse();
    }
}
