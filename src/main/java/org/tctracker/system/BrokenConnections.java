package org.tctracker.system;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the connection pool which connections will never work again. The embedded H2 closes its
 * database when a write fails (a full disk): every connection the pool holds then answers "the
 * database has been closed" for ever. Dropping them makes the next request open the database
 * again, so that once space is freed the same process saves again without a restart.
 */
public class BrokenConnections implements SQLExceptionOverride {

    /** H2's codes for a database closed, closing, or whose file could not be written or read. */
    private static final Set<Integer> H2_CLOSED = Set.of(90098, 90121, 90028, 90030, 90031);

    /** Whether H2 says its database is closed, or its file could not be written or read. */
    static boolean closed(SQLException failure) {
        return H2_CLOSED.contains(failure.getErrorCode())
                && failure.getSQLState() != null
                && failure.getSQLState().startsWith("90");
    }

    public Override adjudicate(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && closed(sql)) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
