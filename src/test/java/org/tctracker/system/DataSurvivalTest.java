package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tctracker.TcTrackerApplication;

/**
 * Every commit the database acknowledged survives the process being killed with SIGKILL. A separate
 * JVM opens the file database with the application's own settings and commits rows one by one; it
 * is killed at a random moment, several times; then every reported row must be there.
 */
class DataSurvivalTest {

    static final int ROUNDS = 3;

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedCommitsSurviveSigkill() throws Exception {
        Set<String> acknowledged = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            acknowledged.addAll(writeUntilKilled("round" + round));
        }

        Set<String> stored = new HashSet<>();
        try (ConfigurableApplicationContext context = openWithApplicationSettings()) {
            stored.addAll(context.getBean(JdbcTemplate.class)
                    .queryForList("select irc_nick from person where irc_nick like 'round%'", String.class));
        }
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);

        System.out.printf(
                "kills: %d, acknowledged: %d, stored: %d, lost: %d%n",
                ROUNDS, acknowledged.size(), stored.size(), lost.size());
        assertThat(acknowledged).hasSizeGreaterThan(ROUNDS * 10);
        assertThat(lost).as("acknowledged rows missing after SIGKILL").isEmpty();
        assertThat(Files.exists(dataDir.resolve("tracker.mv.db"))).isTrue();
    }

    private List<String> writeUntilKilled(String prefix) throws Exception {
        ProcessBuilder command = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DurabilityWriter.class.getName(),
                        prefix)
                .redirectErrorStream(true);
        // Configured the way an operator does it; the test's own in-memory override is left out.
        command.environment().put("TRACKER_DATA_DIR", dataDir.toString());
        command.environment().put("SPRING_CONFIG_LOCATION", "classpath:/application.properties");
        Process writer = command.start();
        List<String> committed = new ArrayList<>();
        java.util.Deque<String> lastLines = new java.util.ArrayDeque<>();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            long killAt = Long.MAX_VALUE;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("COMMITTED ")) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                        lastLines.removeFirst();
                    }
                } else {
                    committed.add(line.substring("COMMITTED ".length()));
                    if (killAt == Long.MAX_VALUE) {
                        killAt = System.nanoTime()
                                + TimeUnit.MILLISECONDS.toNanos(
                                        ThreadLocalRandom.current().nextLong(300, 1500));
                    }
                }
                if (System.nanoTime() >= killAt || System.nanoTime() >= deadline) {
                    // SIGKILL from outside: no shutdown hooks, no chance to flush. (Process.destroyForcibly
                    // would also close our end of its output, losing lines it had already reported.)
                    new ProcessBuilder("kill", "-KILL", Long.toString(writer.pid()))
                            .start()
                            .waitFor();
                    break;
                }
            }
            writer.waitFor(30, TimeUnit.SECONDS);
            // Lines already written before the kill were acknowledged commits too.
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("COMMITTED ")) {
                    committed.add(line.substring("COMMITTED ".length()));
                }
            }
        }
        assertThat(writer.isAlive()).isFalse();
        assertThat(committed)
                .as("rows the writer reported in %s; its last output:%n%s", prefix, String.join("\n", lastLines))
                .isNotEmpty();
        return committed;
    }

    private ConfigurableApplicationContext openWithApplicationSettings() {
        return new SpringApplicationBuilder(TcTrackerApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.config.location=classpath:/application.properties", "--tracker.data-dir=" + dataDir);
    }
}
