package org.tctracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tctracker.support.WebClient;

/**
 * The packaged jar on its file database takes a stream of changes over HTTP and is killed with
 * SIGKILL at random moments, five times, then started again. Every change that was answered with
 * success is there afterwards, each whole (the record and its history entry), and the server
 * starts cleanly every time.
 */
class CrashIT {

    @TempDir
    Path dir;

    @Test
    void killedFiveTimesLosesNothingAcknowledged() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        Random random = new Random(20151112);
        int kills = 5;
        for (int round = 0; round < kills; round++) {
            Jar.Server server = Jar.Server.start(data, log);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sequence = new AtomicInteger();
            int thisRound = round;
            Thread writer = new Thread(() -> {
                try {
                    WebClient admin = new WebClient(server.port());
                    admin.signIn("admin", Jar.ADMIN_PASSWORD);
                    while (running.get()) {
                        int n = sequence.incrementAndGet();
                        long commitment = 1 + n % 9;
                        String title = "crash " + thisRound + "-" + n;
                        attempted.add(title);
                        HttpResponse<String> answer = admin.submit(
                                "/commitments/" + commitment,
                                "/commitments/" + commitment + "/links",
                                Map.of(
                                        "title", title,
                                        "url", "https://review.example.org/" + thisRound + "/" + n,
                                        "kind", "REVIEW",
                                        "state", "DRAFT",
                                        "version", "0"));
                        if (answer.statusCode() == 302) {
                            acknowledged.add(title);
                        }
                    }
                } catch (Exception killed) {
                    // The server went away mid-request: that change was never acknowledged.
                }
            });
            writer.start();
            Thread.sleep(1500 + random.nextInt(2500));
            server.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            running.set(false);
            writer.join(30_000);
        }

        Jar.Server last = Jar.Server.start(data, log);
        last.process().destroy();
        assertThat(last.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

        Set<String> stored = new HashSet<>();
        int withoutHistory;
        try (Connection db = DriverManager.getConnection(
                "jdbc:h2:file:" + data.toAbsolutePath() + "/tracker", "sa", Jar.databasePassword(data))) {
            try (ResultSet rows = db.createStatement().executeQuery("select title from spec_link")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            try (ResultSet rows = db.createStatement()
                    .executeQuery("select count(*) from spec_link l where not exists (select 1 from spec_link_aud a"
                            + " join revision r on r.id = a.rev where a.id = l.id and a.revtype = 0)")) {
                rows.next();
                withoutHistory = rows.getInt(1);
            }
        }
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        Set<String> crashLinks = new HashSet<>(stored);
        crashLinks.removeIf(title -> !title.startsWith("crash "));
        System.out.printf(
                "kills: %d, attempted: %d, acknowledged: %d, stored: %d, lost: %d, without history: %d%n",
                kills, attempted.size(), acknowledged.size(), crashLinks.size(), lost.size(), withoutHistory);

        assertThat(acknowledged).hasSizeGreaterThan(20);
        assertThat(lost).isEmpty();
        assertThat(attempted).containsAll(crashLinks);
        assertThat(withoutHistory).isZero();
        assertThat(Files.readString(log)).doesNotContain("Database may be already in use", "file is corrupted");
    }
}
