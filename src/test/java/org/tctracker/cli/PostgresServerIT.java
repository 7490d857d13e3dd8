package org.tctracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tctracker.support.Postgres;
import org.tctracker.support.WebClient;

/**
 * The packaged jar as the Docker image and compose file run it: on PostgreSQL, started from the
 * context the build prepared ahead of time (the build saw only the H2 settings), and restarted
 * without losing records or signing anyone out.
 */
class PostgresServerIT {

    @TempDir
    Path dir;

    @Test
    void theServerRunsOnPostgresFromThePreparedContextAndKeepsRecordsAndSessionsAcrossARestart() throws Exception {
        Map<String, String> postgres = Map.of(
                "SPRING_DATASOURCE_URL", Postgres.newDatabase(),
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "");
        Path unused = dir.resolve("unused");

        Jar.Server first = Jar.Server.start(postgres, unused, dir.resolve("first.log"));
        WebClient admin = new WebClient(first.port());
        try {
            assertThat(admin.get("/cycles/mitaka").body()).contains("Mitaka");
            admin.signIn("admin", Jar.ADMIN_PASSWORD);
            HttpResponse<String> added = admin.submit(
                    "/commitments/1",
                    "/commitments/1/links",
                    Map.of(
                            "title", "Added on PostgreSQL",
                            "url", "https://review.example.org/postgres",
                            "kind", "REVIEW",
                            "state", "DRAFT",
                            "version", "0"));
            assertThat(added.statusCode()).isEqualTo(302);
            assertThat(added.headers().firstValue("Location").orElseThrow())
                    .as("saved, not sent to sign in")
                    .endsWith("/commitments/1#links");
        } finally {
            stop(first);
        }
        assertThat(Files.readString(first.log()))
                .contains("Starting AOT-processed")
                .contains("Database: jdbc:postgresql:");

        Jar.Server second = Jar.Server.start(postgres, unused, dir.resolve("second.log"));
        try {
            WebClient same = admin.at(second.port());
            assertThat(same.get("/commitments/1").body()).contains("Added on PostgreSQL");
            assertThat(same.get("/commitments/1/edit").statusCode())
                    .as("still signed in after the restart")
                    .isEqualTo(200);
            assertThat(new WebClient(second.port()).get("/commitments/1/edit").statusCode())
                    .as("a stranger is sent to sign in")
                    .isEqualTo(302);
        } finally {
            stop(second);
        }
        assertThat(Files.exists(unused)).as("no H2 file was made").isFalse();
    }

    private static void stop(Jar.Server server) throws InterruptedException {
        server.process().destroy();
        server.process().waitFor(60, TimeUnit.SECONDS);
    }
}
