package org.sitrep.common;

import java.sql.SQLException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises the embedded H2 database failing to use its file. When H2 cannot write (a full disk, a
 * read-only remount) it closes the database, and every connection to it answers "The database has
 * been closed" from then on. H2 lets go of a closed database, so a new connection opens the file
 * afresh: the pool drops the dead ones ({@link H2StoreEviction}, {@link StorageFailurePage}).
 */
final class H2StoreFailure {
    /**
     * H2's IO_EXCEPTION_1/2, FILE_CORRUPTED_1, DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN, and
     * DATABASE_ALREADY_OPEN_1: once the server runs, no other process can hold its database (a second
     * server is refused at start), so "already in use" means a database this process opened after
     * a store failure and H2 then forgot ({@link H2Recovery}).
     */
    private static final int[] FATAL = {90028, 90031, 90030, 90098, 90121, 90020};

    private H2StoreFailure() {}

    /** True when {@code e} says the embedded database could not use its file (and so has closed, or will). */
    static boolean storeFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // The pool closes a connection whose store failed at once, so the rollback after a failed
            // statement fails too ("Connection is closed"): the store's failure is the application exception.
            if (t instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != e
                    && storeFailed(rollback.getApplicationException())) {
                return true;
            }
            if (t instanceof SQLException s && t.getClass().getName().startsWith("org.h2.")) {
                for (int code : FATAL) if (s.getErrorCode() == code) return true;
                // GENERAL_ERROR_1 wrapping the storage layer's failure to write its file.
                if (s.getErrorCode() == 50000 && String.valueOf(s.getMessage()).contains("MVStoreException"))
                    return true;
            }
            // Thrown by the JDK only when this very process already holds a lock on the file: the forgotten database.
            if (t instanceof java.nio.channels.OverlappingFileLockException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
