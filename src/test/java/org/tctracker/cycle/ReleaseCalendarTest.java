package org.tctracker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReleaseCalendarTest {

    static final LocalDate RELEASE = LocalDate.of(2016, 4, 7);

    @Test
    void mitakasFirstScheduledWeekIsR24AndTheReleaseWeekR0() {
        assertThat(ReleaseCalendar.weekOf(LocalDate.of(2015, 10, 19), RELEASE).release())
                .isEqualTo("R-24");
        assertThat(ReleaseCalendar.weekOf(LocalDate.of(2015, 10, 25), RELEASE).release())
                .isEqualTo("R-24");
        assertThat(ReleaseCalendar.weekOf(LocalDate.of(2015, 11, 12), RELEASE)).hasToString("2015-W46 (R-21)");
        assertThat(ReleaseCalendar.weekOf(LocalDate.of(2016, 3, 3), RELEASE).release())
                .isEqualTo("R-5");
        assertThat(ReleaseCalendar.weekOf(RELEASE, RELEASE).release()).isEqualTo("R-0");
        assertThat(ReleaseCalendar.weekOf(LocalDate.of(2016, 4, 12), RELEASE).release())
                .isEqualTo("R+1");
    }

    @Test
    void aCyclesWeeksRunFromItsFirstToTodayOrTheRelease() {
        Cycle mitaka = new Cycle("mitaka", "Mitaka", "Tokyo", LocalDate.of(2015, 10, 19), RELEASE);

        assertThat(ReleaseCalendar.weeksOf(mitaka, LocalDate.of(2015, 11, 12)))
                .extracting(week -> week.iso().toString())
                .containsExactly("2015-W43", "2015-W44", "2015-W45", "2015-W46");
        assertThat(ReleaseCalendar.weeksOf(mitaka, LocalDate.of(2026, 11, 26))).hasSize(25);
        assertThat(ReleaseCalendar.weeksOf(mitaka, LocalDate.of(2015, 10, 1))).isEmpty();
    }
}
