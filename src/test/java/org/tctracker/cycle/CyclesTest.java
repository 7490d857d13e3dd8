package org.tctracker.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

@DataJpaTest
class CyclesTest {

    @Autowired
    Cycles cycles;

    @Test
    void theCurrentCycleIsTheOneWhoseDatesContainToday() {
        cycles.save(new Cycle("newton", "Newton", "Austin", LocalDate.of(2016, 4, 11), LocalDate.of(2016, 10, 6)));
        cycles.save(new Cycle("ocata", "Ocata", "Barcelona", LocalDate.of(2016, 10, 10), LocalDate.of(2017, 2, 22)));

        assertThat(cycles.findCurrent(LocalDate.of(2015, 12, 1)))
                .map(Cycle::getSlug)
                .contains("mitaka");
        assertThat(cycles.findCurrent(LocalDate.of(2016, 4, 11)))
                .map(Cycle::getSlug)
                .contains("newton");
        assertThat(cycles.findCurrent(LocalDate.of(2016, 4, 7)))
                .map(Cycle::getSlug)
                .contains("mitaka");
    }

    @Test
    void outsideEveryCycleTheLatestIsCurrent() {
        cycles.save(new Cycle("newton", "Newton", "Austin", LocalDate.of(2016, 4, 11), LocalDate.of(2016, 10, 6)));

        assertThat(cycles.findCurrent(LocalDate.of(2026, 11, 26)))
                .map(Cycle::getSlug)
                .contains("newton");
        assertThat(cycles.findCurrent(LocalDate.of(2016, 4, 9)))
                .map(Cycle::getSlug)
                .contains("newton");
    }

    @Test
    void mitakaIsSeededWithItsScheduleFromTheReleaseCalendar() {
        Cycle mitaka = cycles.findBySlug("mitaka").orElseThrow();

        assertThat(mitaka.getName()).isEqualTo("Mitaka");
        assertThat(mitaka.getSummit()).isEqualTo("Tokyo");
        assertThat(mitaka.getStartsOn()).isEqualTo(LocalDate.of(2015, 10, 19));
        assertThat(mitaka.getEndsOn()).isEqualTo(LocalDate.of(2016, 4, 7));
        assertThat(cycles.findMilestonesOf(mitaka))
                .extracting(Milestone::getName, Milestone::getDueOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Tokyo summit", LocalDate.of(2015, 10, 27)),
                        org.assertj.core.groups.Tuple.tuple("Mitaka-1", LocalDate.of(2015, 12, 3)),
                        org.assertj.core.groups.Tuple.tuple("Mitaka-2", LocalDate.of(2016, 1, 21)),
                        org.assertj.core.groups.Tuple.tuple("Mitaka-3 and feature freeze", LocalDate.of(2016, 3, 3)),
                        org.assertj.core.groups.Tuple.tuple("Mitaka release", LocalDate.of(2016, 4, 7)));
    }

    @Test
    void phaseFollowsTheDates() {
        Cycle mitaka = cycles.findBySlug("mitaka").orElseThrow();

        assertThat(mitaka.phaseOn(LocalDate.of(2015, 10, 18))).isEqualTo(Cycle.Phase.UPCOMING);
        assertThat(mitaka.phaseOn(LocalDate.of(2015, 10, 19))).isEqualTo(Cycle.Phase.IN_PROGRESS);
        assertThat(mitaka.phaseOn(LocalDate.of(2016, 4, 7))).isEqualTo(Cycle.Phase.IN_PROGRESS);
        assertThat(mitaka.phaseOn(LocalDate.of(2016, 4, 8))).isEqualTo(Cycle.Phase.FINISHED);
    }
}
