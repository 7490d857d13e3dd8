package org.tctracker.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

    @Test
    void theWeekAfterTheTokyoSummitIsWeek45() {
        assertThat(IsoWeek.of(LocalDate.of(2015, 11, 2))).hasToString("2015-W45");
        assertThat(IsoWeek.of(LocalDate.of(2015, 11, 8))).hasToString("2015-W45");
        assertThat(IsoWeek.of(LocalDate.of(2015, 11, 9))).hasToString("2015-W46");
    }

    @Test
    void daysAtTheTurnOfTheYearBelongToTheWeekBasedYear() {
        assertThat(IsoWeek.of(LocalDate.of(2016, 1, 1))).hasToString("2015-W53");
        assertThat(IsoWeek.of(LocalDate.of(2014, 12, 29))).hasToString("2015-W01");
    }

    @Test
    void parsesWhatItPrints() {
        assertThat(IsoWeek.parse("2015-W46")).isEqualTo(new IsoWeek(2015, 46));
        assertThat(IsoWeek.parse("2015-W46")).isLessThan(IsoWeek.parse("2016-W01"));
        assertThatThrownBy(() -> IsoWeek.parse("2015-46")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IsoWeek.parse("2015-W54")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void week53ExistsOnlyInLongYears() {
        assertThat(IsoWeek.parse("2015-W53")).isEqualTo(new IsoWeek(2015, 53));
        assertThat(IsoWeek.parse("2020-W53")).isEqualTo(new IsoWeek(2020, 53));
        assertThatThrownBy(() -> IsoWeek.parse("2027-W53"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2027 has 52 ISO weeks, not 53");
        assertThatThrownBy(() -> IsoWeek.parse("2016-W53")).isInstanceOf(IllegalArgumentException.class);
    }
}
