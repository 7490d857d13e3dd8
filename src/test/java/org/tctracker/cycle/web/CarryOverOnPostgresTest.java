package org.tctracker.cycle.web;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tctracker.support.Postgres;

/** CarryOverTest, on a real PostgreSQL database of its own. */
class CarryOverOnPostgresTest extends CarryOverTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
