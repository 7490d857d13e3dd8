package org.tctracker.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server (zonky's embedded binaries), started once for the whole test run.
 * Every test context that asks gets a database of its own, empty, for the migrations to build.
 */
public final class Postgres {

    private static EmbeddedPostgres server;
    private static final AtomicInteger databases = new AtomicInteger();

    private Postgres() {}

    /** Points the context's data source at a new, empty database on the shared server. */
    public static void register(DynamicPropertyRegistry registry) {
        String url = newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "0");
        // The server stops in its own shutdown hook, maybe before a context's last scheduled task
        // (the session cleanup) runs: that task must give up at once, not after Hikari's 30 s.
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1000");
    }

    /** Creates an empty database and returns its JDBC address (user postgres, no password). */
    public static synchronized String newDatabase() {
        String name = "tracker_" + databases.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // The JVM is ending; the temporary cluster goes with it.
                }
            }));
        }
        return server;
    }
}
