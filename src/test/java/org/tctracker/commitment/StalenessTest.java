package org.tctracker.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.tctracker.cycle.Cycle;
import org.tctracker.system.TrackerProperties;

class StalenessTest {

    static final LocalDate TODAY = LocalDate.of(2015, 11, 20);
    final Staleness staleness =
            new Staleness(new TrackerProperties(Path.of("data"), Duration.ofDays(7), ZoneOffset.UTC, null));
    final Cycle mitaka = new Cycle("mitaka", "Mitaka", "Tokyo", LocalDate.of(2015, 10, 19), LocalDate.of(2016, 4, 7));

    @Test
    void aCheckInExactlySevenDaysAgoIsStillFreshAndEightDaysIsStale() {
        assertThat(staleness.isStale(Status.IN_PROGRESS, TODAY.minusDays(7), mitaka, TODAY))
                .isFalse();
        assertThat(staleness.isStale(Status.IN_PROGRESS, TODAY.minusDays(8), mitaka, TODAY))
                .isTrue();
    }

    @Test
    void anOpenCommitmentWithoutCheckInsIsStale() {
        assertThat(staleness.isStale(Status.NOT_STARTED, null, mitaka, TODAY)).isTrue();
        assertThat(staleness.isStale(Status.BLOCKED, null, mitaka, TODAY)).isTrue();
    }

    @Test
    void closedCommitmentsAreNeverStale() {
        assertThat(staleness.isStale(Status.DONE, null, mitaka, TODAY)).isFalse();
        assertThat(staleness.isStale(Status.DROPPED, TODAY.minusYears(1), mitaka, TODAY))
                .isFalse();
    }

    @Test
    void aFinishedOrUpcomingCyclesCommitmentsAreNeverStale() {
        assertThat(staleness.isStale(Status.IN_PROGRESS, null, mitaka, LocalDate.of(2016, 4, 8)))
                .isFalse();
        assertThat(staleness.isStale(Status.IN_PROGRESS, null, mitaka, LocalDate.of(2015, 10, 1)))
                .isFalse();
    }

    @Test
    void theThresholdFollowsTheSetting() {
        Staleness fortnight =
                new Staleness(new TrackerProperties(Path.of("data"), Duration.ofDays(14), ZoneOffset.UTC, null));
        assertThat(fortnight.isStale(Status.IN_PROGRESS, TODAY.minusDays(10), mitaka, TODAY))
                .isFalse();
        assertThat(fortnight.isStale(Status.IN_PROGRESS, TODAY.minusDays(15), mitaka, TODAY))
                .isTrue();
    }
}
