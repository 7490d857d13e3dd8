package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Commands skip Flyway's scan of the jar exactly when the database already has every migration. */
class SchemaTest {

    @Test
    void theNewestMigrationIsTheOneTheCommandsExpect() throws Exception {
        Pattern version = Pattern.compile("V(\\d+)__.*\\.sql");
        int newest;
        try (Stream<Path> files = Files.list(Path.of("db/migration"))) {
            newest = files.map(file -> version.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(match -> Integer.parseInt(match.group(1)))
                    .max()
                    .orElseThrow();
        }
        assertThat(Schema.NEWEST_MIGRATION).isEqualTo(newest);
    }

    @Test
    void onlyADatabaseWithEveryMigrationAppliedIsCurrent() {
        SingleConnectionDataSource database =
                new SingleConnectionDataSource("jdbc:h2:mem:schema-test;DB_CLOSE_DELAY=-1", "sa", "", true);
        try {
            assertThat(Schema.isCurrent(database)).as("an empty database").isFalse();

            Flyway.configure()
                    .dataSource(database)
                    .locations("classpath:db/migration")
                    .target(String.valueOf(Schema.NEWEST_MIGRATION - 1))
                    .load()
                    .migrate();
            assertThat(Schema.isCurrent(database)).as("one migration behind").isFalse();

            Flyway.configure()
                    .dataSource(database)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            assertThat(Schema.isCurrent(database)).as("migrated").isTrue();

            JdbcClient.create(database)
                    .sql("update \"flyway_schema_history\" set \"success\" = false where \"version\" = '2'")
                    .update();
            assertThat(Schema.isCurrent(database)).as("with a failed migration").isFalse();
        } finally {
            database.destroy();
        }
    }
}
