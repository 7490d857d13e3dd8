package org.tctracker.cycle;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The weeks of a cycle, named both as ISO weeks (2015-W46) and as release weeks (R-21: weeks
 * before the week of the release, the way OpenStack's schedules count them).
 */
public final class ReleaseCalendar {

    private ReleaseCalendar() {}

    /** One week of a cycle. */
    public record Week(IsoWeek iso, int weeksBeforeRelease, LocalDate monday) {
        public String release() {
            return weeksBeforeRelease >= 0 ? "R-" + weeksBeforeRelease : "R+" + (-weeksBeforeRelease);
        }

        public boolean contains(LocalDate day) {
            return !day.isBefore(monday) && day.isBefore(monday.plusWeeks(1));
        }

        @Override
        public String toString() {
            return iso + " (" + release() + ")";
        }
    }

    public static Week weekOf(LocalDate day, LocalDate release) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate releaseMonday = release.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int before = (int) ChronoUnit.WEEKS.between(monday, releaseMonday);
        return new Week(IsoWeek.of(day), before, monday);
    }

    /** Every week from the cycle's first to the one containing {@code until}, or to the release week. */
    public static List<Week> weeksOf(Cycle cycle, LocalDate until) {
        return weeksOf(cycle.getStartsOn(), cycle.getEndsOn(), until);
    }

    static List<Week> weeksOf(LocalDate startsOn, LocalDate endsOn, LocalDate until) {
        LocalDate last = until.isBefore(endsOn) ? until : endsOn;
        List<Week> weeks = new ArrayList<>();
        if (last.isBefore(startsOn)) {
            return weeks;
        }
        LocalDate lastMonday = last.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate monday = startsOn.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                !monday.isAfter(lastMonday);
                monday = monday.plusWeeks(1)) {
            weeks.add(weekOf(monday, endsOn));
        }
        return weeks;
    }
}
