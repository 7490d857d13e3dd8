package org.tctracker.commitment.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.Status;
import org.tctracker.commitment.StatusOverTime;
import org.tctracker.cycle.IsoWeek;
import org.tctracker.cycle.Milestone;
import org.tctracker.cycle.ReleaseCalendar;
import org.tctracker.cycle.ReleaseCalendar.Week;

/**
 * Every week of the commitment's cycle so far from the week it was made (or carried in), each with
 * the status it stood at and what fell in it.
 */
public record Timeline(List<Cell> cells) {

    /** Every how many cells a week is named under the strip. */
    static final int LABEL_EVERY = 4;

    /** One week of the strip; {@code label} is the release week shown under it, if any. */
    public record Cell(
            Week week,
            Status status,
            boolean checkedIn,
            List<String> milestones,
            @Nullable String label) {
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

    static Timeline of(Commitment commitment, StatusOverTime history, IsoWeek since, LocalDate today) {
        List<Milestone> milestones = commitment.getCycle().getMilestones();
        List<Week> weeks = ReleaseCalendar.weeksOf(commitment.getCycle(), today);
        int latest = weeks.size() - 1;
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            Week week = weeks.get(i);
            Status status = i == latest
                    ? commitment.getStatus()
                    : history.asOf(commitment.getId(), commitment.getStatus(), since, week.iso())
                            .orElse(null);
            if (status == null) {
                continue;
            }
            cells.add(new Cell(
                    week,
                    status,
                    history.checkedIn(commitment.getId(), week.iso()),
                    milestones.stream()
                            .filter(m -> week.contains(m.getDueOn()))
                            .map(Milestone::getName)
                            .toList(),
                    (latest - i) % LABEL_EVERY == 0 ? week.release() : null));
        }
        return new Timeline(cells);
    }
}
