package org.tctracker.account;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tctracker.support.Postgres;

/** SignInTest, on a real PostgreSQL database of its own. */
class SignInOnPostgresTest extends SignInTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
