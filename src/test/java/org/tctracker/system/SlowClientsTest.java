package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Clients that send their requests slowly, or send more than any form holds without saying so in
 * advance, cannot take the server from everyone else, and nothing they send is parsed or stored.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tracker.request.body-deadline=3s")
class SlowClientsTest {

    static final int ATTACKERS = 220;

    @LocalServerPort
    int port;

    @Test
    void twoHundredTwentySlowBodiesLeaveThePagesAnsweringWithinASecond() throws Exception {
        List<Socket> slow = new ArrayList<>();
        List<Long> probes = new ArrayList<>();
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            for (int i = 0; i < ATTACKERS; i++) {
                Socket socket = open();
                send(
                        socket,
                        "POST /login HTTP/1.1\r\nHost: localhost\r\n"
                                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nu");
                slow.add(socket);
            }
            for (int round = 0; round < 20; round++) {
                long started = System.nanoTime();
                HttpResponse<String> page = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                probes.add((System.nanoTime() - started) / 1_000_000);
                assertThat(page.statusCode()).isEqualTo(200);
                for (Socket socket : slow) {
                    trickle(socket);
                }
                Thread.sleep(100);
            }
            List<Long> sorted = probes.stream().sorted().toList();
            long turnedAway = slow.stream().filter(s -> status(s).equals("503")).count();
            System.out.printf(
                    "slow bodies: %d, turned away at once: %d, probe ms: median %d, 90th %d, max %d%n",
                    ATTACKERS, turnedAway, sorted.get(10), sorted.get(17), sorted.get(19));
            assertThat(sorted.get(17)).as("90th percentile of the probes, ms").isLessThanOrEqualTo(1000);
            assertThat(turnedAway).isGreaterThanOrEqualTo(ATTACKERS - RequestGuard.BODIES_PER_ADDRESS);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aBodyThatTricklesInIsCutOffAtTheDeadline() throws Exception {
        try (Socket socket = open()) {
            send(
                    socket,
                    "POST /login HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n");
            long started = System.nanoTime();
            String answer = "";
            while (answer.isEmpty()
                    && System.nanoTime() - started < Duration.ofSeconds(15).toNanos()) {
                trickle(socket);
                Thread.sleep(200);
                answer = status(socket);
            }
            assertThat(answer).isEqualTo("408");
        }
    }

    @Test
    void aChunkedBodyLargerThanAnyFormIsRefusedWithoutBeingParsed() throws Exception {
        try (Socket socket = open()) {
            send(
                    socket,
                    "POST /login HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\n\r\n");
            String chunk = "a".repeat(64 * 1024);
            try {
                for (int i = 0; i < 12; i++) {
                    send(socket, Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
                }
                send(socket, "0\r\n\r\n");
            } catch (IOException closedByTheServer) {
                // It stopped reading once the limit was passed, answered and closed.
            }
            assertThat(waitForStatus(socket)).isEqualTo("413");
        }
    }

    @Test
    void aFileUploadIsRefusedBeforeItsPartsAreRead() throws Exception {
        try (Socket socket = open()) {
            send(
                    socket,
                    "POST /cycles HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                            + "Content-Type: multipart/form-data; boundary=x\r\n\r\n"
                            + "20\r\n--x\r\nContent-Disposition: form-da\r\n");
            assertThat(waitForStatus(socket)).isEqualTo("415");
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(50);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** One more byte of the body, if the server still listens. */
    private static void trickle(Socket socket) {
        try {
            send(socket, "x");
        } catch (IOException closed) {
            // Answered and closed already.
        }
    }

    /** The status of an answer that has arrived, or "" when none has yet. */
    private static String status(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int n = in.readNBytes(head, 0, head.length);
            String line = new String(head, 0, n, StandardCharsets.ISO_8859_1);
            return line.startsWith("HTTP/1.1 ") && line.length() >= 12 ? line.substring(9, 12) : "";
        } catch (SocketTimeoutException nothingYet) {
            return "";
        } catch (IOException closed) {
            return "closed";
        }
    }

    private static String waitForStatus(Socket socket) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String status = status(socket);
            if (!status.isEmpty()) {
                return status;
            }
            Thread.sleep(50);
        }
        return "";
    }
}
