package org.tctracker.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.tctracker.cycle.Cycle;
import org.tctracker.system.TrackerProperties;

/**
 * Stale means open, in a cycle under way, and quiet for longer than the setting, counted from the
 * latest of the last check-in, the commitment's creation (or carry-over) and the cycle's start.
 */
class StalenessTest {

    static final LocalDate TODAY = LocalDate.of(2015, 11, 20);
    /** Made well before the time being judged, so only the check-ins decide. */
    static final Instant LONG_AGO = Instant.parse("2015-10-01T00:00:00Z");

    final Staleness staleness =
            new Staleness(new TrackerProperties(Path.of("data"), Duration.ofDays(7), ZoneOffset.UTC, null));
    final Cycle mitaka = new Cycle("mitaka", "Mitaka", "Tokyo", LocalDate.of(2015, 10, 19), LocalDate.of(2016, 4, 7));

    @Test
    void aCheckInExactlySevenDaysAgoIsStillFreshAndEightDaysIsStale() {
        assertThat(staleness.isStale(Status.IN_PROGRESS, TODAY.minusDays(7), LONG_AGO, mitaka, TODAY))
                .isFalse();
        assertThat(staleness.isStale(Status.IN_PROGRESS, TODAY.minusDays(8), LONG_AGO, mitaka, TODAY))
                .isTrue();
    }

    @Test
    void anOpenCommitmentWithoutCheckInsIsStaleOnceTheCycleHasRunLongEnough() {
        assertThat(staleness.isStale(Status.NOT_STARTED, null, LONG_AGO, mitaka, TODAY))
                .isTrue();
        assertThat(staleness.isStale(Status.BLOCKED, null, LONG_AGO, mitaka, TODAY))
                .isTrue();
        // Mitaka started on 19 October: a week later nothing made before it is stale yet.
        assertThat(staleness.isStale(Status.NOT_STARTED, null, LONG_AGO, mitaka, LocalDate.of(2015, 10, 26)))
                .isFalse();
        assertThat(staleness.isStale(Status.NOT_STARTED, null, LONG_AGO, mitaka, LocalDate.of(2015, 10, 27)))
                .isTrue();
    }

    @Test
    void nothingIsStaleTheDayItIsMadeAndItTurnsStaleExactlyAfterTheSetting() {
        Instant madeToday = Instant.parse("2015-11-20T16:30:00Z");
        assertThat(staleness.isStale(Status.NOT_STARTED, null, madeToday, mitaka, TODAY))
                .isFalse();
        Instant madeAWeekAgo = Instant.parse("2015-11-13T09:00:00Z");
        assertThat(staleness.isStale(Status.NOT_STARTED, null, madeAWeekAgo, mitaka, TODAY))
                .isFalse();
        assertThat(staleness.isStale(Status.NOT_STARTED, null, madeAWeekAgo, mitaka, TODAY.plusDays(1)))
                .isTrue();
    }

    @Test
    void aCopyCarriedInCountsFromTheCarryOverNotFromItsOriginalsCheckIns() {
        Instant carriedIn = Instant.parse("2015-11-18T12:00:00Z");
        // The last check-in was long before; the carry-over two days ago is what counts.
        assertThat(staleness.isStale(Status.IN_PROGRESS, TODAY.minusDays(30), carriedIn, mitaka, TODAY))
                .isFalse();
        assertThat(staleness.isStale(Status.IN_PROGRESS, TODAY.minusDays(30), carriedIn, mitaka, TODAY.plusDays(6)))
                .isTrue();
    }

    @Test
    void theDayOfCreationIsTheTrackersDayNotUtcs() {
        ZoneId sydney = ZoneId.of("Australia/Sydney");
        Staleness inSydney = new Staleness(new TrackerProperties(Path.of("data"), Duration.ofDays(7), sydney, null));
        // 13 November, 20:00 UTC is already 14 November in Sydney: fresh until the 21st there.
        Instant made = LocalDateTime.of(2015, 11, 13, 20, 0).toInstant(ZoneOffset.UTC);
        assertThat(inSydney.isStale(Status.NOT_STARTED, null, made, mitaka, LocalDate.of(2015, 11, 21)))
                .isFalse();
        assertThat(staleness.isStale(Status.NOT_STARTED, null, made, mitaka, LocalDate.of(2015, 11, 21)))
                .isTrue();
    }

    @Test
    void closedCommitmentsAreNeverStale() {
        assertThat(staleness.isStale(Status.DONE, null, LONG_AGO, mitaka, TODAY))
                .isFalse();
        assertThat(staleness.isStale(Status.DROPPED, TODAY.minusYears(1), LONG_AGO, mitaka, TODAY))
                .isFalse();
    }

    @Test
    void aFinishedOrUpcomingCyclesCommitmentsAreNeverStale() {
        assertThat(staleness.isStale(Status.IN_PROGRESS, null, LONG_AGO, mitaka, LocalDate.of(2016, 4, 8)))
                .isFalse();
        assertThat(staleness.isStale(Status.IN_PROGRESS, null, LONG_AGO, mitaka, LocalDate.of(2015, 10, 1)))
                .isFalse();
    }

    @Test
    void theThresholdFollowsTheSetting() {
        Staleness fortnight =
                new Staleness(new TrackerProperties(Path.of("data"), Duration.ofDays(14), ZoneOffset.UTC, null));
        assertThat(fortnight.isStale(Status.IN_PROGRESS, TODAY.minusDays(10), LONG_AGO, mitaka, TODAY))
                .isFalse();
        assertThat(fortnight.isStale(Status.IN_PROGRESS, TODAY.minusDays(15), LONG_AGO, mitaka, TODAY))
                .isTrue();
    }
}
