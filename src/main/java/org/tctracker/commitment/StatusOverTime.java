package org.tctracker.commitment;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where each commitment stood in a given week: the status of its latest check-in up to that week.
 * Before its first check-in a commitment counts as not started; one never checked in on counts as
 * its current status throughout (the status it was created or last edited with). The chart and the
 * timeline show the current status in their latest week, so edits made without a check-in appear.
 */
public final class StatusOverTime {

    private final Map<Long, List<StatusMark>> marksByCommitment;

    public StatusOverTime(List<StatusMark> marks) {
        this.marksByCommitment = marks.stream()
                .sorted((a, b) -> a.week().compareTo(b.week()))
                .collect(Collectors.groupingBy(StatusMark::commitmentId));
    }

    public Status asOf(long commitmentId, Status current, IsoWeek week) {
        List<StatusMark> marks = marksByCommitment.get(commitmentId);
        if (marks == null || marks.isEmpty()) {
            return current;
        }
        Status status = Status.NOT_STARTED;
        for (StatusMark mark : marks) {
            if (mark.week().compareTo(week) > 0) {
                break;
            }
            status = mark.status();
        }
        return status;
    }

    public boolean checkedIn(long commitmentId, IsoWeek week) {
        return marksByCommitment.getOrDefault(commitmentId, List.of()).stream()
                .anyMatch(mark -> mark.week().equals(week));
    }
}
