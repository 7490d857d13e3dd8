package org.tctracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while a long answer is still being read: the server waits for it to finish, then
 * stops and closes the database cleanly, and the next start finds everything in place.
 */
class GracefulStopIT {

    @TempDir
    Path dir;

    @Test
    void anAnswerUnderWayFinishesBeforeTheServerStops() throws Exception {
        Path data = dir.resolve("data");
        Path document = dir.resolve("large.json");
        Files.writeString(document, largeCycle());
        assertThat(Jar.run(data, "import", document.toString(), "--replace").status())
                .isEqualTo(0);
        Path log = dir.resolve("server.log");
        Jar.Server server = Jar.Server.start(data, log);

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket()) {
            // A small receive window, so that most of the answer is still to be sent when the
            // server is told to stop (loopback's buffers could otherwise take it all at once).
            socket.setReceiveBufferSize(16 * 1024);
            socket.connect(new InetSocketAddress("localhost", server.port()));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /cycles/big/check-ins.csv HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            received.write(buffer, 0, in.read(buffer));

            server.process().destroy(); // SIGTERM, with the answer far from read
            Thread.sleep(2000);
            assertThat(server.process().isAlive())
                    .as("still serving the answer under way")
                    .isTrue();

            for (int n; (n = in.read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
            }
        }
        assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

        String answer = received.toString(StandardCharsets.ISO_8859_1);
        String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        assertThat(head).startsWith("HTTP/1.1 200");
        // The file goes out in chunks as it is written; the last one, empty, marks the end.
        assertThat(head).containsIgnoringCase("Transfer-Encoding: chunked");
        String body = dechunk(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(body.lines().count()).isEqualTo(1 + 80 * 26);
        assertThat(body.lines().reduce((first, last) -> last).orElseThrow()).startsWith("big,80,Commitment 80,");
        String logged = Files.readString(log);
        System.out.printf(
                "graceful stop: %d bytes delivered after SIGTERM, exit status %d%n",
                body.getBytes(StandardCharsets.UTF_8).length, server.process().exitValue());
        assertThat(logged).contains("Commencing graceful shutdown", "Graceful shutdown complete");

        Jar.Result check = Jar.run(data, "export");
        assertThat(check.status()).isEqualTo(0);
        assertThat(check.out()).contains("\"slug\" : \"big\"");
    }

    /** The body of a chunked answer; fails unless the closing empty chunk arrived. */
    static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            assertThat(lineEnd).as("a chunk header at byte %d", at).isGreaterThanOrEqualTo(0);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return new String(body.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
            assertThat(chunked.length())
                    .as("a whole chunk of %d bytes", size)
                    .isGreaterThanOrEqualTo(lineEnd + 2 + size);
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    /** One cycle of 80 commitments, each with 26 weekly check-ins of long notes: a CSV of about 10 MB. */
    static String largeCycle() {
        StringBuilder commitments = new StringBuilder();
        StringBuilder checkIns = new StringBuilder();
        String note = "A long weekly note. ".repeat(240);
        int checkInId = 1;
        for (int c = 1; c <= 80; c++) {
            if (c > 1) {
                commitments.append(',');
            }
            commitments
                    .append("{\"id\":")
                    .append(c)
                    .append(",\"cycleId\":1,\"position\":")
                    .append(c)
                    .append(",\"title\":\"Commitment ")
                    .append(c)
                    .append("\",\"summary\":\"\",\"ownerId\":1,\"status\":\"IN_PROGRESS\",\"targetDate\":null,")
                    .append("\"carriedToId\":null,\"createdAt\":\"2016-04-11T09:00:00Z\",")
                    .append("\"updatedAt\":\"2016-04-11T09:00:00Z\"}");
            java.time.LocalDate monday = java.time.LocalDate.of(2016, 4, 11);
            for (int w = 0; w < 26; w++) {
                java.time.LocalDate day = monday.plusWeeks(w).plusDays(2);
                int week = day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                if (checkInId > 1) {
                    checkIns.append(',');
                }
                checkIns.append("{\"id\":")
                        .append(checkInId++)
                        .append(",\"commitmentId\":")
                        .append(c)
                        .append(",\"isoWeek\":\"2016-W")
                        .append(String.format("%02d", week))
                        .append("\",\"checkedOn\":\"")
                        .append(day)
                        .append("\",\"author\":\"ttx\",\"status\":\"IN_PROGRESS\",\"note\":\"")
                        .append(note)
                        .append("\",\"percentDone\":null,\"createdAt\":\"2016-04-11T09:00:00Z\",")
                        .append("\"updatedAt\":\"2016-04-11T09:00:00Z\"}");
            }
        }
        return "{\"format\":\"tc-tracker-export\",\"version\":1,"
                + "\"cycles\":[{\"id\":1,\"slug\":\"big\",\"name\":\"Big\",\"summit\":null,"
                + "\"startsOn\":\"2016-04-11\",\"endsOn\":\"2016-10-06\","
                + "\"createdAt\":\"2016-04-11T09:00:00Z\",\"updatedAt\":\"2016-04-11T09:00:00Z\"}],"
                + "\"milestones\":[],\"people\":[{\"id\":1,\"displayName\":\"Thierry Carrez\",\"ircNick\":\"ttx\","
                + "\"email\":null,\"affiliation\":null,\"createdAt\":\"2016-04-11T09:00:00Z\","
                + "\"updatedAt\":\"2016-04-11T09:00:00Z\"}],"
                + "\"commitments\":[" + commitments + "],\"collaborators\":[],\"specLinks\":[],"
                + "\"checkIns\":[" + checkIns + "]}";
    }
}
