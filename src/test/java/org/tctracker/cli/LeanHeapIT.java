package org.tctracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on the recommended 64 MB heap keeps its live data well inside it once started:
 * the password checker's dictionaries (about 35 MB, loaded to check the first admin's password)
 * are let go when no password has been set for a while, instead of filling the heap for good and
 * leaving the server collecting garbage on every request.
 */
class LeanHeapIT {

    static final Pattern FULL_COLLECTION = Pattern.compile("Pause Full \\(Diagnostic Command\\) (\\d+)M->(\\d+)M");

    @TempDir
    Path data;

    @Test
    void aFewSecondsAfterTheFirstAdminsPasswordWasCheckedTheLiveHeapIsSmall() throws Exception {
        Path gcLog = data.resolve("gc.log");
        Path log = data.resolve("server.log");
        Jar.Server server = Jar.Server.start(
                Map.of("JAVA_TOOL_OPTIONS", "-Xms16m -Xmx64m -Xmn8m -Xlog:gc:file=" + gcLog), data, log);
        try {
            HttpClient http = HttpClient.newHttpClient();
            for (String page : List.of("/", "/cycles/mitaka", "/commitments/1")) {
                assertThat(http.send(
                                        HttpRequest.newBuilder(URI.create(server.url(page)))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode())
                        .isEqualTo(200);
            }
            // A softly held object goes at a collection once unused for a second per free MB.
            Thread.sleep(8_000);
            collect(server);
            collect(server);

            Matcher last = null;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher full = FULL_COLLECTION.matcher(line);
                if (full.find()) {
                    last = full;
                }
            }
            assertThat(last)
                    .as("a full collection in " + gcLog + ": " + Files.readString(gcLog))
                    .isNotNull();
            int liveMegabytes = Integer.parseInt(last.group(2));
            System.out.println("live heap after a full collection: " + liveMegabytes + " MB of 64");
            assertThat(liveMegabytes).isLessThan(40);
        } finally {
            server.process().destroy();
            server.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void collect(Jar.Server server) throws Exception {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(server.process().pid()),
                        "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(jcmd.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
}
