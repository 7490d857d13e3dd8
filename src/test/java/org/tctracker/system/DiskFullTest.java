package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tctracker.TcTrackerApplication;
import org.tctracker.account.AccountService;
import org.tctracker.account.Role;
import org.tctracker.support.WebClient;

/**
 * The embedded H2's folder is on a small filesystem of its own (a tmpfs the test mounts, so it
 * needs root) that fills up: saves get a 503 page that says the disk is full, and once space is
 * freed the same process saves again. Nothing acknowledged is lost, and the file opens and exports
 * afterwards.
 */
class DiskFullTest {

    static final String PASSWORD = "mitaka gate stays green";

    @TempDir
    Path dir;

    @Test
    void theDiskFillsUpAndIsFreedAgain() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", disk.toString())
                .redirectErrorStream(true)
                .start();
        String why = new String(mount.getInputStream().readAllBytes());
        Assumptions.assumeTrue(
                mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0,
                "a small filesystem of its own needs root and mount (" + why.strip() + ")");
        try {
            fillAndFree(disk.resolve("data"), disk);
        } finally {
            new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void fillAndFree(Path data, Path disk) throws Exception {
        List<String> acknowledged = new ArrayList<>();
        ConfigurableApplicationContext app = null;
        try {
            app = start(data);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            app.getBean(AccountService.class).create("chair", Role.ADMIN, null, PASSWORD);
            WebClient chair = new WebClient(port);
            chair.signIn("chair", PASSWORD);
            assertThat(save(chair, "before", acknowledged).statusCode()).isEqualTo(302);

            // Someone read the cycle before the disk filled, so the tracker keeps that page.
            assertThat(new WebClient(port).get("/cycles/mitaka").statusCode()).isEqualTo(200);
            Path filler = disk.resolve("filler");
            fill(filler);
            HttpResponse<String> refused = null;
            int attempted = 0;
            for (int n = 0; n < 400 && refused == null; n++) {
                attempted++;
                HttpResponse<String> answer = save(chair, "full" + n, acknowledged);
                if (answer.statusCode() != 302) {
                    refused = answer;
                }
            }
            List<Integer> readsWhileFull = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                readsWhileFull.add(
                        new WebClient(port).get("/cycles/mitaka?full=" + i).statusCode());
                Thread.sleep(500);
            }

            Files.delete(filler);
            long freedAt = System.nanoTime();
            HttpResponse<String> again = null;
            for (int n = 0; n < 100; n++) {
                attempted++;
                again = save(chair, "after" + n, acknowledged);
                if (again.statusCode() == 302) {
                    break;
                }
                Thread.sleep(200);
            }
            double recovered = (System.nanoTime() - freedAt) / 1e9;
            List<String> kept = app.getBean(JdbcClient.class)
                    .sql("select irc_nick from person")
                    .query(String.class)
                    .list();
            System.out.printf(
                    "Disk full: saves attempted %d, acknowledged %d, lost %d; the refusal %s; reads while full %s;"
                            + " saving again %.1f s after space was freed%n",
                    attempted,
                    acknowledged.size(),
                    acknowledged.stream().filter(nick -> !kept.contains(nick)).count(),
                    refused == null ? "never came" : refused.statusCode(),
                    readsWhileFull,
                    recovered);

            assertThat(refused).as("a save refused while the disk is full").isNotNull();
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains(DatabaseAway.DISK_FULL).doesNotContain("Exception");
            assertThat(again.statusCode()).as("the same process saves again").isEqualTo(302);
            assertThat(kept).containsAll(acknowledged);
            assertThat(readsWhileFull).as("the kept page is still read").containsOnly(200);
        } finally {
            if (app != null) {
                app.close();
            }
        }
        {
            // The file opens again, its migrations checked, with every acknowledged record.
            ConfigurableApplicationContext reopened = new SpringApplicationBuilder(TcTrackerApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(
                            "--tracker.data-dir=" + data,
                            "--spring.datasource.url=jdbc:h2:file:" + data + "/tracker;WRITE_DELAY=0",
                            "--tracker.links.refresh-every=0");
            try {
                assertThat(reopened.getBean(JdbcClient.class)
                                .sql("select irc_nick from person")
                                .query(String.class)
                                .list())
                        .containsAll(acknowledged);
            } finally {
                reopened.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(TcTrackerApplication.class)
                .run(
                        "--server.port=0",
                        "--tracker.data-dir=" + data,
                        "--spring.datasource.url=jdbc:h2:file:" + data + "/tracker;WRITE_DELAY=0",
                        "--spring.datasource.hikari.connection-timeout=1000",
                        "--tracker.links.refresh-every=0");
    }

    private static HttpResponse<String> save(WebClient chair, String nick, List<String> acknowledged) throws Exception {
        HttpResponse<String> answer = chair.submit(
                "/people/new",
                "/people",
                Map.of("displayName", "Disk " + nick, "ircNick", nick, "email", "", "affiliation", ""));
        if (answer.statusCode() == 302) {
            acknowledged.add(nick);
        }
        return answer;
    }

    /** Writes until the filesystem has no room left. */
    private static void fill(Path filler) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // No space left on device.
        }
    }
}
