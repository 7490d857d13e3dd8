package org.tctracker.account;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tctracker.support.Postgres;

/** LastAdminRaceTest, on a real PostgreSQL database of its own. */
class LastAdminRaceOnPostgresTest extends LastAdminRaceTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
