package org.sitrep.common;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Lets the embedded database come back by itself after a full disk. When H2 cannot write its file
 * it closes that database, and each connection the pool holds to it answers "The database has been
 * closed" for ever after: H2's error codes are not the connection-failure codes the pool knows, so
 * it would keep handing them out, and every page would fail until a restart. A closed database is
 * also dropped by H2, so a new connection opens the file afresh (reads work on a full disk; a write
 * there fails and closes it again, with the clear 503 of {@link StorageFailurePage}). So a
 * connection that saw the store fail is evicted, and the pool's next one is to a freshly opened
 * database; once space returns, that one writes too.
 *
 * <p>Named in {@code spring.datasource.hikari.exception-override-class-name}; the pool makes it by
 * reflection, hence public. Any other failure (and every PostgreSQL one) is left to the pool's own rules.
 */
public final class H2StoreEviction implements SQLExceptionOverride {
    @java.lang.Override
    public Override adjudicate(SQLException e) {
        if (!H2StoreFailure.storeFailed(e)) return Override.CONTINUE_EVICT;
        H2Recovery.storeFailed(); // the other connections are as dead as this one
        return Override.MUST_EVICT;
    }
}
