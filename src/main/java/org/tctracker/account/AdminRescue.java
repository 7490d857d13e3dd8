package org.tctracker.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Gives a tracker back an admin it can sign in with, when nobody who is one remembers the password
 * (or the last one was disabled). The account becomes an enabled admin with the new password,
 * its sessions end, and its failed sign-ins are forgotten; an account of that name is created when
 * there is none. It works on the database alone, so the command line can run it beside the server.
 */
public class AdminRescue {

    /** What the rescue did. */
    public enum Outcome {
        RESTORED,
        CREATED
    }

    private final JdbcClient jdbc;
    private final PasswordPolicy policy = new PasswordPolicy();
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Clock clock;

    public AdminRescue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Call within one transaction.
     *
     * @throws AccountChangeRefusedException when the name or the password is not acceptable
     */
    public Outcome restore(String username, String password) {
        String normalized = Usernames.normalize(username);
        Usernames.problemWith(normalized).ifPresent(problem -> {
            throw new AccountChangeRefusedException(problem);
        });
        policy.problemWith(password, normalized).ifPresent(problem -> {
            throw new AccountChangeRefusedException(problem);
        });
        String hash = encoder.encode(password);
        Timestamp now = Timestamp.from(Instant.now(clock));
        int updated = jdbc.sql("""
                        update account set role = 'ADMIN', enabled = true, password_hash = :hash,
                            password_changed_at = :now, updated_at = :now, version = version + 1
                        where username = :username""")
                .param("hash", hash)
                .param("now", now)
                .param("username", normalized)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into account (username, password_hash, role, enabled, person_id,
                                password_changed_at, version, created_at, updated_at)
                            values (:username, :hash, 'ADMIN', true, null, :now, 0, :now, :now)""")
                    .param("hash", hash)
                    .param("now", now)
                    .param("username", normalized)
                    .update();
        }
        jdbc.sql("delete from login_failure where username = :username")
                .param("username", normalized)
                .update();
        // Its sessions end now, on every instance, rather than at the running servers' next look.
        jdbc.sql("delete from spring_session where principal_name = :username")
                .param("username", normalized)
                .update();
        return updated == 0 ? Outcome.CREATED : Outcome.RESTORED;
    }
}
