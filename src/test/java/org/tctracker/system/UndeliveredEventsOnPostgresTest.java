package org.tctracker.system;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tctracker.support.Postgres;

/** UndeliveredEventsTest, on a real PostgreSQL database of its own. */
class UndeliveredEventsOnPostgresTest extends UndeliveredEventsTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
