package org.tctracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tctracker.support.Postgres;
import org.tctracker.support.WebClient;

/**
 * Debian's nginx in front of two instances of the jar on one PostgreSQL database; one instance is
 * killed with SIGKILL while people read and write. Sessions go on through the other, no
 * acknowledged save is lost, and only the requests in flight on the killed one fail.
 */
class LoadBalancerIT {

    static final Path NGINX = Path.of("/usr/sbin/nginx");

    @TempDir
    Path dir;

    @Test
    void oneInstanceKilledUnderLoadBehindNginx() throws Exception {
        if (!Files.isExecutable(NGINX)) {
            assertThat(System.getenv("CI"))
                    .as("nginx is installed on CI (.ci/run)")
                    .isNotEqualTo("true");
            Assumptions.abort("nginx is not installed (apt-get install nginx-light)");
        }
        String database = Postgres.newDatabase();
        Map<String, String> postgres = Map.of(
                "SPRING_DATASOURCE_URL", database,
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "",
                "SERVER_FORWARD_HEADERS_STRATEGY", "native",
                "TRACKER_LINKS_REFRESH_EVERY", "0");
        Jar.Server first = Jar.Server.start(postgres, dir.resolve("unused"), dir.resolve("first.log"));
        Jar.Server second = Jar.Server.start(postgres, dir.resolve("unused"), dir.resolve("second.log"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process nginx = nginx(port, first.port(), second.port());
        ExecutorService load = Executors.newFixedThreadPool(4);
        try {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicBoolean killed = new AtomicBoolean(false);
            List<String> acknowledged = new CopyOnWriteArrayList<>();
            AtomicInteger attempted = new AtomicInteger();
            AtomicInteger good = new AtomicInteger();
            AtomicInteger signInsAfterKill = new AtomicInteger();
            Map<String, Integer> failed = new ConcurrentHashMap<>();

            for (int writer = 0; writer < 2; writer++) {
                int w = writer;
                load.submit(() -> {
                    WebClient admin = new WebClient(port);
                    admin.signIn("admin", Jar.ADMIN_PASSWORD);
                    int n = 0;
                    while (running.get()) {
                        try {
                            HttpResponse<String> account = admin.get("/account");
                            if (account.statusCode() != 200) {
                                failed.merge("signed out: " + account.statusCode(), 1, Integer::sum);
                                if (killed.get()) {
                                    signInsAfterKill.incrementAndGet();
                                }
                                admin.signIn("admin", Jar.ADMIN_PASSWORD);
                                continue;
                            }
                            String nick = "lb" + w + "x" + n++;
                            attempted.incrementAndGet();
                            HttpResponse<String> saved = admin.submit(
                                    "/people/new",
                                    "/people",
                                    Map.of(
                                            "displayName",
                                            "Balanced " + nick,
                                            "ircNick",
                                            nick,
                                            "email",
                                            "",
                                            "affiliation",
                                            ""));
                            if (saved.statusCode() == 302) {
                                acknowledged.add(nick);
                                good.incrementAndGet();
                            } else {
                                failed.merge("save " + saved.statusCode(), 1, Integer::sum);
                            }
                        } catch (Exception e) {
                            failed.merge(e.getClass().getSimpleName(), 1, Integer::sum);
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
                            HttpResponse<String> page = anyone.get("/cycles/mitaka");
                            if (page.statusCode() == 200) {
                                good.incrementAndGet();
                            } else {
                                failed.merge("read " + page.statusCode(), 1, Integer::sum);
                            }
                        } catch (Exception e) {
                            failed.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(4000);
            int acknowledgedBefore = acknowledged.size();
            first.process().destroyForcibly(); // SIGKILL
            first.process().waitFor(10, TimeUnit.SECONDS);
            killed.set(true);
            Thread.sleep(6000);
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            Set<String> kept = new HashSet<>();
            try (Connection connection = DriverManager.getConnection(database, "postgres", "");
                    ResultSet rows = connection
                            .createStatement()
                            .executeQuery("select irc_nick from person where irc_nick like 'lb%'")) {
                while (rows.next()) {
                    kept.add(rows.getString(1));
                }
            }
            List<String> lost = new ArrayList<>(acknowledged);
            lost.removeAll(kept);
            int failures = failed.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf(
                    "nginx in front of two instances, one killed with SIGKILL: writes attempted %d, acknowledged %d"
                            + " (%d before the kill), lost %d; good answers %d, failed %d %s; sign-ins needed after"
                            + " the kill %d%n",
                    attempted.get(),
                    acknowledged.size(),
                    acknowledgedBefore,
                    lost.size(),
                    good.get(),
                    failures,
                    failed,
                    signInsAfterKill.get());

            assertThat(lost).isEmpty();
            assertThat(signInsAfterKill.get())
                    .as("sessions go on through the other instance")
                    .isZero();
            assertThat(acknowledged.size()).as("saves go on after the kill").isGreaterThan(acknowledgedBefore);
            // At most the requests in flight on the killed instance (one per client) fail.
            assertThat(failures).isLessThanOrEqualTo(4);
        } finally {
            load.shutdownNow();
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
            for (Jar.Server server : List.of(first, second)) {
                server.process().destroy();
                server.process().waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    private Process nginx(int port, int first, int second) throws Exception {
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        boolean root = "root".equals(System.getProperty("user.name"));
        String conf = """
                %s
                daemon off;
                worker_processes 1;
                pid %s/nginx.pid;
                error_log %s/error.log warn;
                events { worker_connections 256; }
                http {
                  access_log off;
                  client_body_temp_path %s/body;
                  proxy_temp_path %s/proxy;
                  fastcgi_temp_path %s/fastcgi;
                  uwsgi_temp_path %s/uwsgi;
                  scgi_temp_path %s/scgi;
                  upstream tracker {
                    server 127.0.0.1:%d max_fails=1 fail_timeout=30s;
                    server 127.0.0.1:%d max_fails=1 fail_timeout=30s;
                  }
                  server {
                    listen 127.0.0.1:%d;
                    location / {
                      proxy_pass http://tracker;
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $remote_addr;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_connect_timeout 1s;
                      proxy_read_timeout 20s;
                      proxy_next_upstream error timeout;
                    }
                  }
                }
                """.formatted(
                root ? "user root;" : "", prefix, prefix, prefix, prefix, prefix, prefix, prefix, first, second, port);
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process process = new ProcessBuilder(NGINX.toString(), "-c", file.toString(), "-p", prefix.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                if (http.send(
                                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                                        "http://127.0.0.1:" + port + "/actuator/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return process;
                }
            } catch (java.io.IOException notYet) {
                // nginx is not listening yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
    }
}
