package org.tctracker.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per username and per client address. After {@value #LIMIT} failures
 * within {@link #WINDOW}, further attempts for that username or from that address are refused
 * until the oldest of them leaves the window. The counts live in the database, so every instance
 * of the application sees the same ones.
 */
@Component
class LoginThrottle {

    static final int LIMIT = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEY_LENGTH = 64;

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    boolean isBlocked(String username, String clientAddress) {
        OffsetDateTime since = OffsetDateTime.ofInstant(clock.instant().minus(WINDOW), ZoneOffset.UTC);
        int byUsername = jdbc.sql("select count(*) from login_failure where username = ? and failed_at > ?")
                .params(key(username), since)
                .query(Integer.class)
                .single();
        if (byUsername >= LIMIT) {
            return true;
        }
        int byAddress = jdbc.sql("select count(*) from login_failure where client_address = ? and failed_at > ?")
                .params(key(clientAddress), since)
                .query(Integer.class)
                .single();
        return byAddress >= LIMIT;
    }

    /** Kept even when the surrounding work is rolled back, as a refused password change is. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(String username, String clientAddress) {
        Instant now = clock.instant();
        jdbc.sql("insert into login_failure (username, client_address, failed_at) values (?, ?, ?)")
                .params(key(username), key(clientAddress), OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        // Old failures no longer count; keep the table small.
        jdbc.sql("delete from login_failure where failed_at < ?")
                .param(OffsetDateTime.ofInstant(now.minus(WINDOW.multipliedBy(2)), ZoneOffset.UTC))
                .update();
    }

    @Transactional
    void recordSuccess(String username) {
        // Only this username's failures: clearing the address's too would let anyone with an
        // account reset the count between guesses at someone else's password.
        jdbc.sql("delete from login_failure where username = ?")
                .param(key(username))
                .update();
    }

    private static String key(String text) {
        String normalized = Usernames.normalize(text).replaceAll("\\p{Cntrl}", "?");
        return normalized.length() > MAX_KEY_LENGTH ? normalized.substring(0, MAX_KEY_LENGTH) : normalized;
    }
}
