package org.tctracker.commitment;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.cycle.IsoWeek;

/**
 * A cycle's commitments as every reader sees them on a given day: the dashboard, the API, the
 * spreadsheets, the digest and {@code check} all read this, so they agree on what is open, what is
 * stale and where each commitment stood in any week.
 */
public record CycleBoard(CycleTerm cycle, LocalDate today, List<BoardLine> lines, StatusOverTime history) {

    public Cycle.Phase phase() {
        return cycle.phaseOn(today);
    }

    /** How many commitments stand in each status now, every status present. */
    public Map<Status, Integer> counts() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        lines.forEach(line -> counts.merge(line.status(), 1, Integer::sum));
        return counts;
    }

    public long openCount() {
        return lines.stream().filter(line -> line.status().isOpen()).count();
    }

    public long staleCount() {
        return lines.stream().filter(BoardLine::stale).count();
    }

    public Optional<BoardLine> line(long commitmentId) {
        return lines.stream().filter(line -> line.id() == commitmentId).findFirst();
    }

    /** Where the commitment stood in that week; empty for a week before it was made or carried in. */
    public Optional<Status> statusIn(BoardLine line, IsoWeek week) {
        return history.asOf(line.id(), line.status(), line.since(), week);
    }

    /** The commitments that existed in that week (made or carried in by its end). */
    public List<BoardLine> linesIn(IsoWeek week) {
        return lines.stream().filter(line -> line.since().compareTo(week) <= 0).toList();
    }
}
