package org.sitrep.common;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Lets the pool start afresh on the embedded database after its store failed (a full or read-only
 * disk), so the server recovers once space returns. H2 closes a database it could not write, and
 * every connection to it is dead; a new connection opens the file again. Dropping the pool's
 * connections once is not always enough: while the failed database is still closing, the pool may
 * already have opened connections to a new one that H2 then forgets (its close removes the
 * database by name), and that orphan keeps the file's lock, so every later connection fails with
 * "the file is locked" until the orphan's own connections are closed. So the pool's connections are
 * dropped at once and again a little later, when the old database has finished closing; connections
 * in use are closed as they are given back.
 *
 * <p>The pool's exception override ({@link H2StoreEviction}) is made by the pool itself, outside
 * Spring, and failures in background jobs reach only it: hence the one static door, {@link #storeFailed()}.
 */
@Component
public class H2Recovery implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(H2Recovery.class);
    /** After the drop at once: long enough for H2 to finish closing the failed database, short enough to be back soon. */
    static final List<Duration> AGAIN_AFTER = List.of(Duration.ofSeconds(2), Duration.ofSeconds(10));

    private static volatile H2Recovery current;

    private final DataSource dataSource;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "h2-recovery");
        t.setDaemon(true);
        return t;
    });

    H2Recovery(DataSource dataSource) {
        this.dataSource = dataSource;
        current = this;
    }

    /** Called by whoever saw the embedded store fail; does nothing before the application has started. */
    static void storeFailed() {
        H2Recovery recovery = current;
        if (recovery != null) recovery.startAfresh();
    }

    void startAfresh() {
        dropConnections();
        for (Duration d : AGAIN_AFTER) later.schedule(this::dropConnections, d.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void dropConnections() {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariPoolMXBean pool =
                        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
                if (pool != null) pool.softEvictConnections();
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("could not drop the pool's connections to the failed database: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        if (current == this) current = null;
        later.shutdownNow();
    }
}
