package org.tctracker.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The database's schema as a command finds it: migrated, by Flyway or before the command ran.
 * Commands skip Flyway's scan of the jar when {@link #isCurrent} says there is nothing to do.
 */
public final class Schema {

    /**
     * The newest migration's version ({@code db/migration/V11__goals.sql}). {@code SchemaTest}
     * fails when a migration is added and this is not moved with it.
     */
    public static final int NEWEST_MIGRATION = 11;

    /** Whether Flyway's history shows every migration up to the newest applied, and none failed. */
    public static boolean isCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet history = statement.executeQuery(
                        "select \"version\", \"success\" from \"flyway_schema_history\" where \"version\" is not null")) {
            int newest = 0;
            while (history.next()) {
                if (!history.getBoolean(2)) {
                    return false;
                }
                newest = Math.max(newest, Integer.parseInt(history.getString(1)));
            }
            return newest == NEWEST_MIGRATION;
        } catch (SQLException | NumberFormatException noHistoryYet) {
            return false;
        }
    }
}
