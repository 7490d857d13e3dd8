package org.tctracker.commitment.web;

import java.time.LocalDate;
import java.util.List;
import org.tctracker.commitment.CheckIn;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.ReleaseCalendar;
import org.tctracker.commitment.ReleaseCalendar.Week;
import org.tctracker.commitment.Status;
import org.tctracker.commitment.StatusMark;
import org.tctracker.commitment.StatusOverTime;
import org.tctracker.cycle.Milestone;

/** Every week of the commitment's cycle so far, each with the status it stood at and what fell in it. */
public record Timeline(List<Cell> cells) {

    /** One week of the strip. */
    public record Cell(Week week, Status status, boolean checkedIn, List<String> milestones) {
        /** The text alternative of the coloured cell. */
        public String describe() {
            StringBuilder text = new StringBuilder(week.toString()).append(": ").append(status.label());
            text.append(checkedIn ? ", checked in" : ", no check-in");
            if (!milestones.isEmpty()) {
                text.append("; ").append(String.join(", ", milestones));
            }
            return text.toString();
        }
    }

    static Timeline of(Commitment commitment, List<CheckIn> checkIns, LocalDate today) {
        StatusOverTime history = new StatusOverTime(checkIns.stream()
                .map(c -> new StatusMark(commitment.getId(), c.getWeek().toString(), c.getStatus()))
                .toList());
        List<Milestone> milestones = commitment.getCycle().getMilestones();
        List<Week> weeks = ReleaseCalendar.weeksOf(commitment.getCycle(), today);
        Week latest = weeks.isEmpty() ? null : weeks.get(weeks.size() - 1);
        List<Cell> cells = weeks.stream()
                .map(week -> new Cell(
                        week,
                        week.equals(latest)
                                ? commitment.getStatus()
                                : history.asOf(commitment.getId(), commitment.getStatus(), week.iso()),
                        history.checkedIn(commitment.getId(), week.iso()),
                        milestones.stream()
                                .filter(m -> week.contains(m.getDueOn()))
                                .map(Milestone::getName)
                                .toList()))
                .toList();
        return new Timeline(cells);
    }
}
