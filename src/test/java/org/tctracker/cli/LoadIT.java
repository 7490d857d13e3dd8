package org.tctracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tctracker.support.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 32 readers and 4 writers against the packaged jar for 20 seconds, on loopback: no answer is a
 * server error, and every write that was acknowledged can be read back afterwards.
 */
class LoadIT {

    static final List<String> PAGES = List.of(
            "/",
            "/cycles/mitaka",
            "/commitments/2",
            "/commitments/5/history",
            "/people",
            "/cycles/mitaka/report",
            "/cycles/mitaka/report.md?week=2015-W46",
            "/cycles/mitaka/commitments.csv",
            "/feed.atom",
            "/api/v1/cycles/mitaka/commitments",
            "/api/v1/commitments/3");

    @TempDir
    Path dir;

    @Test
    void readersAndWritersTogetherSeeNoServerErrorAndLoseNoWrite() throws Exception {
        Jar.Server server = Jar.Server.start(dir.resolve("data"), dir.resolve("server.log"));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        AtomicLong reads = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(36);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int r = 0; r < 32; r++) {
                int reader = r;
                workers.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newHttpClient();
                    int i = reader;
                    while (System.nanoTime() < until) {
                        String page = PAGES.get(i++ % PAGES.size());
                        int status = http.send(
                                        HttpRequest.newBuilder(URI.create(server.url(page)))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        reads.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (int w = 0; w < 4; w++) {
                int writer = w;
                workers.add(pool.submit(() -> {
                    WebClient admin = new WebClient(server.port());
                    admin.signIn("admin", Jar.ADMIN_PASSWORD);
                    int n = 0;
                    while (System.nanoTime() < until) {
                        long commitment = 1 + (writer * 2 + n) % 9;
                        String title = "load " + writer + "-" + n++;
                        HttpResponse<String> answer = admin.submit(
                                "/commitments/" + commitment,
                                "/commitments/" + commitment + "/links",
                                Map.of(
                                        "title", title,
                                        "url", "https://review.example.org/load/" + writer + "/" + n,
                                        "kind", "REVIEW",
                                        "state", "DRAFT",
                                        "version", "0"));
                        statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicLong())
                                .incrementAndGet();
                        writes.incrementAndGet();
                        if (answer.statusCode() == 302) {
                            acknowledged.add(title);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(2, TimeUnit.MINUTES);
            }

            Set<String> stored = new HashSet<>();
            JsonMapper json = JsonMapper.builder().build();
            HttpClient http = HttpClient.newHttpClient();
            JsonNode commitments = json.readTree(http.send(
                            HttpRequest.newBuilder(URI.create(server.url("/api/v1/cycles/mitaka/commitments")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            commitments
                    .get("commitments")
                    .forEach(c -> c.get("links")
                            .forEach(l -> stored.add(l.get("title").asString())));
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            long serverErrors = statuses.entrySet().stream()
                    .filter(e -> e.getKey() >= 500)
                    .mapToLong(e -> e.getValue().get())
                    .sum();
            System.out.printf(
                    "readers: 32, writers: 4, 20 s: reads: %d, writes: %d, acknowledged: %d, lost: %d, 5xx: %d,"
                            + " statuses: %s%n",
                    reads.get(), writes.get(), acknowledged.size(), lost.size(), serverErrors, statuses);

            assertThat(serverErrors).isZero();
            assertThat(lost).isEmpty();
            assertThat(acknowledged).isNotEmpty();
            assertThat(reads.get()).isGreaterThan(1000);
            // The server ran as the README recommends, from the context the build prepared.
            assertThat(java.nio.file.Files.readString(server.log())).contains("Starting AOT-processed");
        } finally {
            pool.shutdownNow();
            server.process().destroy();
            server.process().waitFor(60, TimeUnit.SECONDS);
        }
    }
}
