package org.tctracker.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.tctracker.commitment.CheckIns;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.Commitments;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.support.GeneratedCycle;
import org.tctracker.support.OwnDatabase;

/**
 * Readers who ask for a cycle's check-ins file and then stop reading hold a turn only until the
 * server's write to them times out: the next reader gets the file instead of "try again later".
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
class StalledDownloadsTest {

    static final int COMMITMENTS = 80;
    static final int WEEKS = 26;

    @LocalServerPort
    int port;

    @Test
    void twoReadersWhoStopReadingDoNotKeepTheFileFromTheNext(
            @Autowired TransactionTemplate tx,
            @Autowired Cycles cycles,
            @Autowired People people,
            @Autowired Commitments commitments,
            @Autowired CheckIns checkIns,
            @Autowired JdbcTemplate jdbc)
            throws Exception {
        LocalDate start = LocalDate.of(2016, 4, 11);
        GeneratedCycle generated = GeneratedCycle.create(
                tx, cycles, people, commitments, checkIns, "stalled", start, start.plusWeeks(WEEKS), COMMITMENTS, 0, 0);
        // About 10 MB of notes: more than the kernel buffers between server and reader hold.
        String note = "n".repeat(4_990);
        List<Object[]> rows = new ArrayList<>();
        for (Commitment commitment : generated.commitments()) {
            for (int week = 1; week <= WEEKS; week++) {
                LocalDate day = start.plusWeeks(week - 1);
                Timestamp at = Timestamp.valueOf(day.atTime(9, 0));
                rows.add(new Object[] {
                    commitment.getId(), String.format("2016-W%02d", 14 + week), day, "generator", note, at, at
                });
            }
        }
        jdbc.batchUpdate(
                "insert into check_in (commitment_id, iso_week, checked_on, author, status, note, created_at,"
                        + " updated_at) values (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?)",
                rows);

        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Socket socket = new Socket();
                socket.setReceiveBufferSize(4096);
                socket.connect(new InetSocketAddress("127.0.0.1", port));
                OutputStream out = socket.getOutputStream();
                out.write(("GET /cycles/stalled/check-ins.csv HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                stalled.add(socket);
            }
            Thread.sleep(1_000);

            HttpResponse<String> next = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + "/cycles/stalled/check-ins.csv"))
                                    .timeout(Duration.ofSeconds(90))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(next.statusCode()).isEqualTo(200);
            assertThat(next.body().length()).isGreaterThan(COMMITMENTS * WEEKS * note.length());
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}
