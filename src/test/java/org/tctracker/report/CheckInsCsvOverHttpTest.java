package org.tctracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CheckInDraft;
import org.tctracker.commitment.CheckInService;
import org.tctracker.commitment.CommitmentDraft;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.people.Person;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.Team;
import org.tctracker.support.WebClient;

/**
 * The check-ins CSV holds every note of a cycle, so it is not copied a second time to compute its
 * tag: it goes out in chunks as it is written, and its tag follows the records' version, so an
 * unchanged file is a 304 and any change gives the next poll the new file.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
@Import(MutableClock.InMitaka.class)
class CheckInsCsvOverHttpTest {

    static final String CSV = "/cycles/mitaka/check-ins.csv";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    CheckInService checkIns;

    TrackerUser owner;
    long commitment;

    @BeforeEach
    void aCommitmentWithLongNotes(
            @Autowired CommitmentService commitments,
            @Autowired Cycles cycles,
            @Autowired AccountService accounts,
            @Autowired People people,
            @Autowired UserDetailsService users) {
        Team team = new Team(accounts, people, users);
        Map<String, Person> persons = team.assemble();
        owner = team.user("owner-ed");
        clock.set(LocalDateTime.of(2015, 11, 2, 9, 0));
        commitment = commitments
                .create(
                        team.user("chair"),
                        cycles.findBySlug("mitaka").orElseThrow().getId(),
                        new CommitmentDraft(
                                "Publish the check-ins",
                                "",
                                persons.get("owner-ed").getId(),
                                List.of(),
                                Status.NOT_STARTED,
                                null))
                .getId();
        for (int day = 4; day <= 18; day += 7) {
            clock.set(LocalDateTime.of(2015, 11, day, 9, 0));
            checkIns.record(
                    owner,
                    new CheckInDraft(
                            commitment, Status.IN_PROGRESS, "Week of the " + day + ". " + "x".repeat(4_900), 10));
        }
    }

    @Test
    void theFileGoesOutInChunksAndItsTagMovesWithTheRecords() throws Exception {
        WebClient client = new WebClient(port);

        HttpResponse<String> first = client.get(CSV);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Week of the 4.", "Week of the 11.", "Week of the 18.");
        assertThat(first.body().indexOf("Week of the 4."))
                .isLessThan(first.body().indexOf("Week of the 18."));
        // Longer than the server's buffer and sent in chunks: no length was known before writing.
        assertThat(first.body().length()).isGreaterThan(14_000);
        assertThat(first.headers().firstValue("Content-Length")).isEmpty();
        assertThat(first.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"check-ins-v" + CsvExport.CHECK_INS_FORMAT + "-mitaka-");

        HttpResponse<String> unchanged = client.send(client.request(CSV).header("If-None-Match", etag));
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.headers().firstValue("ETag")).hasValue(etag);

        clock.set(LocalDateTime.of(2015, 11, 25, 9, 0));
        checkIns.record(owner, new CheckInDraft(commitment, Status.BLOCKED, "Week of the 25.", null));

        HttpResponse<String> changed = client.send(client.request(CSV).header("If-None-Match", etag));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("Week of the 25.");
        assertThat(changed.headers().firstValue("ETag")).get().isNotEqualTo(etag);
    }
}
