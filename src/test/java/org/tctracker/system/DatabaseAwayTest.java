package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tctracker.TcTrackerApplication;
import org.tctracker.account.AccountService;
import org.tctracker.account.Role;
import org.tctracker.support.WebClient;

/**
 * PostgreSQL stops for 10 s while people read and write through the tracker, then starts again.
 * Meanwhile every answer is the page that says so (503) or a good one, readiness says DOWN, and
 * afterwards the same process serves and saves again by itself, with every acknowledged save kept.
 */
class DatabaseAwayTest {

    static final String PASSWORD = "mitaka gate stays green";

    @TempDir
    Path data;

    @Test
    void theDatabaseGoesAwayForTenSecondsAndComesBack() throws Exception {
        int pgPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            pgPort = socket.getLocalPort();
        }
        EmbeddedPostgres postgres = postgres(pgPort);
        ConfigurableApplicationContext app = null;
        ExecutorService load = Executors.newFixedThreadPool(4);
        try {
            app = new SpringApplicationBuilder(TcTrackerApplication.class)
                    .run(
                            "--server.port=0",
                            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=",
                            "--spring.datasource.hikari.maximum-pool-size=4",
                            "--spring.datasource.hikari.connection-timeout=1000",
                            "--tracker.links.refresh-every=0");
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            app.getBean(AccountService.class).create("chair", Role.ADMIN, null, PASSWORD);

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicBoolean away = new AtomicBoolean(false);
            List<String> acknowledged = new CopyOnWriteArrayList<>();
            AtomicInteger attempted = new AtomicInteger();
            AtomicInteger good = new AtomicInteger();
            AtomicInteger unavailable = new AtomicInteger();
            Map<String, Integer> wrong = new ConcurrentHashMap<>();
            AtomicLong firstGoodAfterRestart = new AtomicLong();
            AtomicLong restartedAt = new AtomicLong(Long.MAX_VALUE);

            for (int writer = 0; writer < 2; writer++) {
                int w = writer;
                load.submit(() -> {
                    WebClient chair = new WebClient(port);
                    int n = 0;
                    while (running.get()) {
                        try {
                            if (chair.get("/account").statusCode() != 200) {
                                chair.signIn("chair", PASSWORD);
                                continue;
                            }
                            String nick = "load" + w + "x" + n++;
                            attempted.incrementAndGet();
                            HttpResponse<String> saved = chair.submit(
                                    "/people/new",
                                    "/people",
                                    Map.of(
                                            "displayName",
                                            "Load " + nick,
                                            "ircNick",
                                            nick,
                                            "email",
                                            "",
                                            "affiliation",
                                            ""));
                            record(saved, good, unavailable, wrong);
                            if (saved.statusCode() == 302) {
                                acknowledged.add(nick);
                                if (System.nanoTime() > restartedAt.get()) {
                                    firstGoodAfterRestart.compareAndSet(0, System.nanoTime());
                                }
                            }
                        } catch (java.io.IOException reset) {
                            // A refused form's connection is closed before its body is read: the
                            // client sees a reset, not an answer; that is not a wrong answer.
                        } catch (Exception e) {
                            wrong.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        }
                    }
                    return null;
                });
            }
            for (int reader = 0; reader < 2; reader++) {
                load.submit(() -> {
                    WebClient anyone = new WebClient(port);
                    while (running.get()) {
                        try {
                            HttpResponse<String> page = anyone.get("/cycles/mitaka?reader=" + System.nanoTime());
                            record(page, good, unavailable, wrong);
                        } catch (java.io.IOException reset) {
                            // A refused form's connection is closed before its body is read: the
                            // client sees a reset, not an answer; that is not a wrong answer.
                        } catch (Exception e) {
                            wrong.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        }
                    }
                    return null;
                });
            }

            Thread.sleep(3000);
            int acknowledgedBefore = acknowledged.size();
            postgres.close();
            away.set(true);
            Thread.sleep(2000);
            WebClient probe = new WebClient(port);
            HttpResponse<String> readiness = probe.get("/actuator/health/readiness");
            // A page nobody has read yet needs the database (one kept from before is still served).
            HttpResponse<String> page = probe.get("/cycles/mitaka/report");
            Thread.sleep(8000);
            postgres = postgres(pgPort);
            away.set(false);
            restartedAt.set(System.nanoTime());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (firstGoodAfterRestart.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(3000);
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            List<String> kept = app.getBean(JdbcClient.class)
                    .sql("select irc_nick from person where irc_nick like 'load%'")
                    .query(String.class)
                    .list();
            double recovered = (firstGoodAfterRestart.get() - restartedAt.get()) / 1e9;
            System.out.printf(
                    "Database away for 10 s: writes attempted %d, acknowledged %d (%d before it stopped), lost %d;"
                            + " answers 2xx/3xx %d, 503 %d, anything else %s; first save %.1f s after the"
                            + " restart%n",
                    attempted.get(),
                    acknowledged.size(),
                    acknowledgedBefore,
                    acknowledged.stream().filter(nick -> !kept.contains(nick)).count(),
                    good.get(),
                    unavailable.get(),
                    wrong,
                    recovered);

            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).contains("30");
            assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(page.body()).contains(DatabaseAway.MESSAGE).doesNotContain("Exception");
            assertThat(wrong).isEmpty();
            // How many load requests met the 503 page depends on timing (readers get kept pages);
            // the probe above is the one that must.
            assertThat(firstGoodAfterRestart.get())
                    .as("a save after the restart")
                    .isPositive();
            assertThat(kept).containsAll(acknowledged);
            assertThat(acknowledged.size()).isGreaterThan(acknowledgedBefore);
            assertThat(probe.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        } finally {
            load.shutdownNow();
            if (app != null) {
                app.close();
            }
            postgres.close();
        }
    }

    private EmbeddedPostgres postgres(int port) throws Exception {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data.resolve("pg"))
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off")
                .start();
    }

    /** A good answer, the page that says the database is away, or something that must not happen. */
    private static void record(
            HttpResponse<String> answer, AtomicInteger good, AtomicInteger unavailable, Map<String, Integer> wrong) {
        int status = answer.statusCode();
        if (status < 400) {
            good.incrementAndGet();
        } else if (status == 503 && answer.body().contains("The database cannot be reached")) {
            unavailable.incrementAndGet();
        } else {
            wrong.merge(
                    status + " "
                            + answer.body()
                                    .substring(0, Math.min(80, answer.body().length())),
                    1,
                    Integer::sum);
        }
    }
}
