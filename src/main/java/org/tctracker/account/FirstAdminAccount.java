package org.tctracker.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.tctracker.system.TrackerProperties;

/**
 * There are no default credentials. On a start that finds no account at all, this creates
 * {@code admin} with the password from {@code TRACKER_ADMIN_PASSWORD}, or with a random one that
 * is written to the log once and never again.
 */
@Component
class FirstAdminAccount implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdminAccount.class);

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final TrackerProperties properties;
    private final Clock clock;

    FirstAdminAccount(
            Accounts accounts,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            TrackerProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Several instances may start at once on one empty database. One of them creates the account;
     * the others find the name taken and leave it, so every instance starts.
     */
    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String configured = properties.adminPassword();
        if (configured != null && !configured.isEmpty()) {
            policy.problemWith(configured, USERNAME).ifPresent(problem -> {
                throw new IllegalStateException("TRACKER_ADMIN_PASSWORD is not acceptable: " + problem);
            });
            if (created(configured)) {
                log.warn("Created the first account, '{}', with the password from TRACKER_ADMIN_PASSWORD.", USERNAME);
            }
            return;
        }
        String generated = randomPassword();
        if (!created(generated)) {
            return;
        }
        log.warn(
                "Created the first account. Username: {}  Password: {}  "
                        + "(shown only this once: sign in at /login and change it at /account)",
                USERNAME,
                generated);
    }

    private boolean created(String password) {
        try {
            accounts.saveAndFlush(new Account(USERNAME, encoder.encode(password), Role.ADMIN, clock.instant()));
            return true;
        } catch (DataIntegrityViolationException e) {
            if (accounts.count() == 0) {
                throw e;
            }
            log.info("Another instance created the first account at the same moment; leaving it as it is.");
            return false;
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
