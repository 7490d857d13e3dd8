package org.tctracker.cycle;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cycle as every reader of the tracker sees it: its address, name, summit, dates and milestones,
 * read without the persistence layer (so the command line can use it too).
 */
public record CycleTerm(
        long id,
        String slug,
        String name,
        @Nullable String summit,
        LocalDate startsOn,
        LocalDate endsOn,
        List<MilestoneDate> milestones) {

    /** A dated point of the cycle's schedule. */
    public record MilestoneDate(String name, LocalDate dueOn) {}

    public Cycle.Phase phaseOn(LocalDate day) {
        return Cycle.Phase.of(startsOn, endsOn, day);
    }

    /** Every week from the cycle's first to the one containing {@code until}, or to the release week. */
    public List<ReleaseCalendar.Week> weeksUntil(LocalDate until) {
        return ReleaseCalendar.weeksOf(startsOn, endsOn, until);
    }

    /** A day's week as this cycle names it, with its release week. */
    public ReleaseCalendar.Week weekOf(LocalDate day) {
        return ReleaseCalendar.weekOf(day, endsOn);
    }

    /** The names of the milestones due in a week. */
    public List<String> milestonesIn(ReleaseCalendar.Week week) {
        return milestones.stream()
                .filter(m -> week.contains(m.dueOn()))
                .map(MilestoneDate::name)
                .toList();
    }
}
