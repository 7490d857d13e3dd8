package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tctracker.account.AccountService;
import org.tctracker.commitment.CheckInDraft;
import org.tctracker.commitment.CheckInRecorded;
import org.tctracker.commitment.CheckInService;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentDraft;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.Team;

/**
 * An event reaches its listener after the change commits, away from the request; a listener
 * that fails leaves the event in the event_publication table, and the retry hands it back until
 * the listener finishes. Only then does the row go.
 */
@SpringBootTest
@OwnDatabase
@Import({MutableClock.InMitaka.class, UndeliveredEventsTest.MailingList.class})
class UndeliveredEventsTest {

    /** A listener standing in for one that sends mail, with a server that may be down. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MailingList {

        private final List<CheckInRecorded> sent = new CopyOnWriteArrayList<>();
        private final List<String> threads = new CopyOnWriteArrayList<>();
        private final AtomicInteger attempts = new AtomicInteger();
        private volatile boolean serverDown;

        @ApplicationModuleListener
        void on(CheckInRecorded event) {
            attempts.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            if (serverDown) {
                throw new IllegalStateException("the mail server did not answer");
            }
            sent.add(event);
        }

        // The listener is proxied (it runs asynchronously, in a transaction): reach its state
        // through methods, which the proxy passes on.
        List<CheckInRecorded> sent() {
            return sent;
        }

        List<String> threads() {
            return threads;
        }

        int attempts() {
            return attempts.get();
        }

        void serverDown(boolean down) {
            serverDown = down;
        }

        void reset() {
            sent.clear();
            threads.clear();
            attempts.set(0);
            serverDown = false;
        }
    }

    @Autowired
    MailingList mailingList;

    @Autowired
    UndeliveredEvents undelivered;

    @Autowired
    CheckInService checkIns;

    @Autowired
    CommitmentService commitments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Team team;

    @BeforeEach
    void reset(@Autowired AccountService accounts, @Autowired People people, @Autowired UserDetailsService users) {
        team = new Team(accounts, people, users);
        team.assemble();
        mailingList.reset();
    }

    long checkIn(@Autowired Cycles cycles, String title) {
        Commitment commitment = commitments.create(
                team.user("chair"),
                cycles.findBySlug("mitaka").orElseThrow().getId(),
                new CommitmentDraft(
                        title, "", team.assemble().get("owner-ed").getId(), List.of(), Status.NOT_STARTED, null));
        checkIns.record(
                team.user("owner-ed"), new CheckInDraft(commitment.getId(), Status.IN_PROGRESS, "Spec drafted", 10));
        return commitment.getId();
    }

    List<Map<String, Object>> owed() {
        return jdbc.sql("select status, completion_attempts, event_type from event_publication")
                .query()
                .listOfRows();
    }

    @Test
    void aListenerHearsOfACheckInAwayFromTheCallerAndNothingIsLeftOwed(@Autowired Cycles cycles) {
        long id = checkIn(cycles, "Heard of");

        await().atMost(Duration.ofSeconds(10)).until(() -> !mailingList.sent().isEmpty());
        assertThat(mailingList.sent()).extracting(CheckInRecorded::commitmentId).containsExactly(id);
        assertThat(mailingList.threads())
                .noneMatch(name -> name.equals(Thread.currentThread().getName()));
        await().atMost(Duration.ofSeconds(10)).until(() -> owed().isEmpty());
    }

    @Test
    void aFailedListenerKeepsItsEventUntilARetrySucceeds(@Autowired Cycles cycles) {
        mailingList.serverDown(true);
        long id = checkIn(cycles, "Owed");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> owed().stream().anyMatch(row -> "FAILED".equals(row.get("STATUS"))));
        assertThat(owed()).singleElement().satisfies(row -> {
            assertThat(row.get("EVENT_TYPE")).isEqualTo(CheckInRecorded.class.getName());
            assertThat(((Number) row.get("COMPLETION_ATTEMPTS")).intValue()).isEqualTo(1);
        });

        undelivered.retry(Duration.ZERO);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailingList.attempts() == 2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> owed().stream().anyMatch(row -> "FAILED".equals(row.get("STATUS"))));
        assertThat(mailingList.sent()).isEmpty();

        mailingList.serverDown(false);
        undelivered.retry(Duration.ZERO);

        await().atMost(Duration.ofSeconds(10)).until(() -> !mailingList.sent().isEmpty());
        assertThat(mailingList.sent()).extracting(CheckInRecorded::commitmentId).containsExactly(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> owed().isEmpty());
    }

    @Test
    void aRecentFailureWaitsForTheNextRound(@Autowired Cycles cycles) {
        mailingList.serverDown(true);
        checkIn(cycles, "Just failed");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> owed().stream().anyMatch(row -> "FAILED".equals(row.get("STATUS"))));
        mailingList.serverDown(false);

        undelivered.retry(Duration.ofHours(1));

        assertThat(mailingList.attempts()).isEqualTo(1);
        assertThat(owed()).hasSize(1);
    }

    @Test
    void theScheduledRoundRunsOnOneInstanceAtATime(@Autowired Cycles cycles) {
        mailingList.serverDown(true);
        checkIn(cycles, "Retried on one instance");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> owed().stream().anyMatch(row -> "FAILED".equals(row.get("STATUS"))));
        mailingList.serverDown(false);
        clock.set(LocalDateTime.of(2015, 11, 12, 10, 5));
        jdbc.sql("insert into shedlock (name, lock_until, locked_at, locked_by)"
                        + " values ('undelivered-events', timestamp '2999-01-01 00:00:00',"
                        + " timestamp '2015-11-12 10:04:00', 'another-instance')")
                .update();

        undelivered.retryFailedListeners();

        assertThat(mailingList.attempts()).isEqualTo(1);
        jdbc.sql("update shedlock set lock_until = timestamp '2000-01-01 00:00:00'")
                .update();

        undelivered.retryFailedListeners();

        await().atMost(Duration.ofSeconds(10)).until(() -> !mailingList.sent().isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> owed().isEmpty());
        assertThat(jdbc.sql("select locked_by from shedlock where name = 'undelivered-events'")
                        .query(String.class)
                        .single())
                .isNotEqualTo("another-instance");
    }
}
