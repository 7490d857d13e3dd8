package org.tctracker.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate transactions;

    LoginThrottle(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        // Its own transactions: a refused password change rolls back, but the failure stays.
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Starts a password check: the attempt is written down as a failure first, in a transaction
     * of its own, and only then are the other attempts in the window counted. Of guesses sent all
     * at once, to one instance or to several, the last to be written sees all the others, so no
     * more than {@value #LIMIT} of them ever reach the password check (under such a burst, fewer
     * may). A blocked attempt is not kept.
     */
    Attempt begin(String username, String clientAddress) {
        Instant now = clock.instant();
        String user = key(username);
        String address = key(clientAddress);
        Long id = transactions.execute(status -> {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("insert into login_failure (username, client_address, failed_at) values (?, ?, ?)")
                    .params(user, address, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .update(keys, "id");
            // Old failures no longer count; keep the table small.
            jdbc.sql("delete from login_failure where failed_at < ?")
                    .param(OffsetDateTime.ofInstant(now.minus(WINDOW.multipliedBy(2)), ZoneOffset.UTC))
                    .update();
            return keys.getKeyAs(Number.class).longValue();
        });
        OffsetDateTime since = OffsetDateTime.ofInstant(now.minus(WINDOW), ZoneOffset.UTC);
        boolean blocked = Boolean.TRUE.equals(transactions.execute(status ->
                others("username", user, id, since) >= LIMIT || others("client_address", address, id, since) >= LIMIT));
        if (blocked) {
            transactions.executeWithoutResult(status ->
                    jdbc.sql("delete from login_failure where id = ?").param(id).update());
        }
        return new Attempt(id, blocked);
    }

    private int others(String column, String value, long id, OffsetDateTime since) {
        return jdbc.sql("select count(*) from login_failure where " + column + " = ? and failed_at > ? and id <> ?")
                .params(value, since, id)
                .query(Integer.class)
                .single();
    }

    /** One password check under way; it stays counted as a failure unless it succeeds. */
    record Attempt(long id, boolean blocked) {}

    /**
     * The password was right: this username's failures are forgotten. Only this username's: clearing
     * the address's too would let anyone with an account reset the count between guesses at
     * someone else's password.
     */
    void succeeded(String username) {
        transactions.executeWithoutResult(status -> jdbc.sql("delete from login_failure where username = ?")
                .param(key(username))
                .update());
    }

    private static String key(String text) {
        String normalized = Usernames.normalize(text).replaceAll("\\p{Cntrl}", "?");
        return normalized.length() > MAX_KEY_LENGTH ? normalized.substring(0, MAX_KEY_LENGTH) : normalized;
    }
}
