package org.tctracker.commitment;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tctracker.cycle.IsoWeek;

/**
 * Where each commitment stood in a given week. A commitment counts only from the week it was
 * created or carried in; from then on it stands at the status of its latest saved version up to
 * that week (so a status set by an edit counts from the week of the edit), or of its latest
 * check-in when that is later (history restarts with an import, check-ins do not).
 *
 * <p>Without either up to that week, a commitment counts as not started if it has check-ins
 * later, and as its current status if it has none at all. Callers show the current status in
 * the latest week, so edits appear there at once.
 */
public final class StatusOverTime {

    private static final Comparator<StatusMark> IN_TIME =
            Comparator.comparing(StatusMark::week).thenComparingLong(StatusMark::order);

    private final Map<Long, List<StatusMark>> recorded;
    private final Map<Long, List<StatusMark>> checkIns;

    public StatusOverTime(List<StatusMark> marks) {
        this.recorded = byCommitment(marks, StatusMark.Source.RECORD);
        this.checkIns = byCommitment(marks, StatusMark.Source.CHECK_IN);
    }

    private static Map<Long, List<StatusMark>> byCommitment(List<StatusMark> marks, StatusMark.Source source) {
        return marks.stream()
                .filter(mark -> mark.source() == source)
                .sorted(IN_TIME)
                .collect(Collectors.groupingBy(StatusMark::commitmentId));
    }

    /** The status in that week, or empty for a week before the commitment existed. */
    public Optional<Status> asOf(long commitmentId, Status current, IsoWeek since, IsoWeek week) {
        if (week.compareTo(since) < 0) {
            return Optional.empty();
        }
        StatusMark saved = latestUpTo(recorded.get(commitmentId), week);
        StatusMark checkIn = latestUpTo(checkIns.get(commitmentId), week);
        if (saved == null && checkIn == null) {
            return Optional.of(checkIns.containsKey(commitmentId) ? Status.NOT_STARTED : current);
        }
        if (saved == null || (checkIn != null && checkIn.week().compareTo(saved.week()) > 0)) {
            return Optional.of(checkIn.status());
        }
        return Optional.of(saved.status());
    }

    public boolean checkedIn(long commitmentId, IsoWeek week) {
        return checkIns.getOrDefault(commitmentId, List.of()).stream()
                .anyMatch(mark -> mark.week().equals(week));
    }

    private static @Nullable StatusMark latestUpTo(@Nullable List<StatusMark> marks, IsoWeek week) {
        StatusMark latest = null;
        if (marks != null) {
            for (StatusMark mark : marks) {
                if (mark.week().compareTo(week) > 0) {
                    break;
                }
                latest = mark;
            }
        }
        return latest;
    }
}
