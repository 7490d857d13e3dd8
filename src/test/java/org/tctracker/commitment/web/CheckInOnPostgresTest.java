package org.tctracker.commitment.web;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tctracker.support.Postgres;

/** CheckInTest, on a real PostgreSQL database of its own. */
class CheckInOnPostgresTest extends CheckInTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
