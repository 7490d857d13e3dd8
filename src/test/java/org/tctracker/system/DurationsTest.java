package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DurationsTest {

    private static final LocalDate TODAY = LocalDate.of(2015, 11, 26);

    @Test
    void saysHowLongAgoInTheUnitAReaderExpects() {
        assertThat(Durations.ageOf(TODAY, TODAY)).isEqualTo("today");
        assertThat(Durations.ageOf(TODAY.minusDays(1), TODAY)).isEqualTo("yesterday");
        assertThat(Durations.ageOf(TODAY.minusDays(6), TODAY)).isEqualTo("6 days ago");
        assertThat(Durations.ageOf(TODAY.minusDays(15), TODAY)).isEqualTo("2 weeks ago");
        assertThat(Durations.ageOf(TODAY.minusDays(70), TODAY)).isEqualTo("2 months ago");
        assertThat(Durations.ageOf(TODAY.minusYears(10), TODAY)).isEqualTo("10 years ago");
        assertThat(Durations.ageOf(TODAY.plusDays(1), TODAY)).isEqualTo("in 1 day");
    }
}
