package org.tctracker.people.web;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tctracker.support.Postgres;

/** PeopleFormsTest, on a real PostgreSQL database of its own. */
class PeopleFormsOnPostgresTest extends PeopleFormsTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
