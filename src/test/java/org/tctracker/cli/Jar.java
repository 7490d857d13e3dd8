package org.tctracker.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The packaged jar, run as an operator runs it: a separate process, its own streams and exit status. */
final class Jar {

    static final Path FILE = Path.of("target", "tc-tracker.jar");

    record Result(int status, String out, String err) {}

    private Jar() {}

    static ProcessBuilder command(Path dataDir, String... args) {
        if (!Files.exists(FILE)) {
            throw new IllegalStateException(FILE + " is missing: these tests run after `mvn package`");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                // As the README recommends: the server starts from the context the build prepared;
                // commands must ignore the setting.
                "-Dspring.aot.enabled=true",
                "-jar",
                FILE.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("TRACKER_DATA_DIR", dataDir.toString());
        builder.environment().remove("TRACKER_ADMIN_PASSWORD");
        // Tests never reach the internet: no address is a real source's, and nothing is read in
        // the background unless a test says so.
        builder.environment().put("TRACKER_LINKS_GERRIT_SERVERS", "http://127.0.0.1:9/gerrit");
        builder.environment().put("TRACKER_LINKS_LAUNCHPAD_API", "http://127.0.0.1:9/launchpad");
        builder.environment().put("TRACKER_LINKS_STORYBOARD_SERVERS", "http://127.0.0.1:9/storyboard");
        builder.environment().put("TRACKER_LINKS_REFRESH_EVERY", "0");
        return builder;
    }

    /** The password the tracker gave the embedded database in that folder. */
    static String databasePassword(Path dataDir) throws java.io.IOException {
        return Files.readString(dataDir.resolve("database-password")).strip();
    }

    static Result run(Path dataDir, String... args) throws Exception {
        return run(java.util.Map.of(), dataDir, args);
    }

    /** Runs with these environment variables added, such as a SPRING_DATASOURCE_URL. */
    static Result run(java.util.Map<String, String> environment, Path dataDir, String... args) throws Exception {
        return run(environment, "", dataDir, args);
    }

    /** Runs with {@code input} on its standard input, as a pipe would give it. */
    static Result runWithInput(String input, Path dataDir, String... args) throws Exception {
        return run(java.util.Map.of(), input, dataDir, args);
    }

    private static Result run(java.util.Map<String, String> environment, String input, Path dataDir, String... args)
            throws Exception {
        ProcessBuilder builder = command(dataDir, args);
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tc-tracker " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(process.exitValue(), out.get(), err.get());
    }

    /** The packaged jar running as a web server on a free port, its output in {@code log}. */
    record Server(Process process, int port, Path log) {

        static Server start(Path dataDir, Path log) throws Exception {
            return start(java.util.Map.of(), dataDir, log);
        }

        /** Starts with these environment variables added, such as a SPRING_DATASOURCE_URL. */
        static Server start(java.util.Map<String, String> environment, Path dataDir, Path log) throws Exception {
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ProcessBuilder builder = command(dataDir, "--server.port=" + port)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            builder.environment().put("TRACKER_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().putAll(environment);
            Server server = new Server(builder.start(), port, log);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (!server.process().isAlive()) {
                    throw new AssertionError("the server stopped while starting; see " + log);
                }
                try {
                    int status = http.send(
                                    java.net.http.HttpRequest.newBuilder(
                                                    java.net.URI.create(server.url("/actuator/health")))
                                            .build(),
                                    java.net.http.HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    if (status == 200) {
                        return server;
                    }
                } catch (java.io.IOException notYet) {
                    // Not listening yet.
                }
                Thread.sleep(200);
            }
            server.process().destroyForcibly();
            throw new AssertionError("the server did not start within 120 s; see " + log);
        }

        String url(String path) {
            return "http://localhost:" + port + path;
        }
    }

    static final String ADMIN_PASSWORD = "mitaka gate stays green";

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
