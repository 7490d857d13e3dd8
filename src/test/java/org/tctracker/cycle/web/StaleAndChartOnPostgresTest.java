package org.tctracker.cycle.web;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tctracker.support.Postgres;

/** StaleAndChartTest, on a real PostgreSQL database of its own. */
class StaleAndChartOnPostgresTest extends StaleAndChartTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
