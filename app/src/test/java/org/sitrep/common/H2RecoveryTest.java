package org.sitrep.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * After the embedded store failed, the pool lets go of every connection it holds: the idle ones at once,
 * the ones in use when they are given back, and again a little later, for connections opened while
 * the failed database was still closing. On a real pool over an in-memory H2 database.
 */
class H2RecoveryTest {

    @Test
    void everyConnectionIsDroppedAtOnceOrWhenGivenBackAndAgainLater() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:recovery;DB_CLOSE_DELAY=-1");
        config.setMinimumIdle(2);
        config.setMaximumPoolSize(3);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            H2Recovery recovery = new H2Recovery(pool);
            try {
                Set<Object> before = new HashSet<>();
                Connection inUse = pool.getConnection();
                Object inUseSession = session(inUse);
                before.add(inUseSession);
                try (Connection idle = pool.getConnection()) {
                    before.add(session(idle));
                }

                recovery.startAfresh();
                inUse.close(); // given back after the drop: closed, not pooled again

                Set<Object> afterDrop = sessions(pool, 3);
                assertThat(afterDrop)
                        .as("no connection from before the failure is handed out again")
                        .doesNotContainAnyElementsOf(before);

                // The drop again, a little later: what was opened meanwhile is let go too.
                Instant deadline =
                        Instant.now().plus(H2Recovery.AGAIN_AFTER.get(0)).plusSeconds(20);
                Set<Object> later = sessions(pool, 3);
                while (later.stream().anyMatch(afterDrop::contains)
                        && Instant.now().isBefore(deadline)) {
                    Thread.sleep(200);
                    later = sessions(pool, 3);
                }
                assertThat(later)
                        .as("connections opened right after the failure are dropped again later")
                        .doesNotContainAnyElementsOf(afterDrop);
            } finally {
                recovery.destroy();
            }
        }
    }

    /** The sessions behind {@code n} connections held at once, so the pool cannot hand one out twice. */
    private static Set<Object> sessions(HikariDataSource pool, int n) throws SQLException {
        Set<Object> sessions = new HashSet<>();
        Connection[] held = new Connection[n];
        try {
            for (int i = 0; i < n; i++) {
                held[i] = pool.getConnection();
                sessions.add(session(held[i]));
            }
        } finally {
            for (Connection c : held) if (c != null) c.close();
        }
        return sessions;
    }

    private static Object session(Connection c) throws SQLException {
        return c.unwrap(org.h2.jdbc.JdbcConnection.class);
    }
}
