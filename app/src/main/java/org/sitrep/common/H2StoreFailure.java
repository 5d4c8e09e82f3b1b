package org.sitrep.common;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool to drop a connection whose embedded H2 database has shut itself down.
 * When H2 cannot write its file (a full disk, a read-only remount) it closes the database, and every
 * connection to it answers "The database has been closed" from then on; H2's error codes are not the
 * SQL states the pool recognises as fatal, so without this it would hand out those dead connections
 * until a restart. A new connection opens the database again from its file, so the server recovers
 * by itself once the disk has room.
 */
public class H2StoreFailure implements SQLExceptionOverride {
    /** H2's IO_EXCEPTION_1/2, FILE_CORRUPTED_1, DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN. */
    private static final int[] FATAL = {90028, 90031, 90030, 90098, 90121};

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && t.getClass().getName().startsWith("org.h2.")) {
                for (int code : FATAL) if (s.getErrorCode() == code) return Override.MUST_EVICT;
                // GENERAL_ERROR_1 wrapping the storage layer's failure to write its file.
                if (s.getErrorCode() == 50000 && String.valueOf(s.getMessage()).contains("MVStoreException")) return Override.MUST_EVICT;
            }
            if (t.getCause() == t) break;
        }
        return Override.CONTINUE_EVICT;
    }
}
