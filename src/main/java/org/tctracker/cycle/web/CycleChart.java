package org.tctracker.cycle.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tctracker.commitment.BoardLine;
import org.tctracker.commitment.CycleBoard;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.cycle.ReleaseCalendar.Week;

/**
 * The cycle's chart: for every week so far, how many commitments stood in each status, drawn as
 * stacked bars in inline SVG across the whole cycle, release week included, so the chart fills its
 * width and shows how far the cycle has come. A commitment counts from the week it was created or
 * carried in. The geometry and the labels are worked out here so the template only places shapes.
 */
public final class CycleChart {

    static final int WIDTH = 960;
    static final int LEFT = 30;
    static final int RIGHT = 8;
    static final int TOP = 14;
    static final int PLOT_HEIGHT = 140;
    /** Room under the axis for two lines of labels. */
    static final int LABELS = 34;
    /** The narrowest gap between two labelled weeks, in the chart's units: "R-18" is about 24 wide. */
    static final int LABEL_SPACING = 40;

    private final List<Column> columns;
    private final int maxTotal;
    private final int weeksInCycle;
    private final boolean anyCommitment;

    /** One week's bar: its counts, and the segments to draw. */
    public record Column(
            Week week,
            Map<Status, Integer> counts,
            List<Segment> segments,
            List<String> milestones,
            int x,
            int barWidth,
            boolean labelled,
            String isoLabel) {
        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int count(Status status) {
            return counts.get(status);
        }

        public int labelX() {
            return x + barWidth / 2;
        }
    }

    /** One coloured piece of a bar. */
    public record Segment(Status status, int count, int x, int y, int height, String title) {}

    /** The chart of a board: a bar for each week begun, across every week of the cycle. */
    CycleChart(CycleBoard board) {
        CycleTerm cycle = board.cycle();
        List<Week> cycleWeeks = cycle.weeksUntil(cycle.endsOn());
        int weeksSoFar = cycle.weeksUntil(board.today()).size();
        List<BoardLine> lines = board.lines();
        this.weeksInCycle = Math.max(1, cycleWeeks.size());
        this.anyCommitment = !lines.isEmpty();
        double slot = (double) (WIDTH - LEFT - RIGHT) / weeksInCycle;
        int barWidth = Math.max(2, (int) Math.round(slot * 0.72));
        int labelEvery = Math.max(1, (int) Math.ceil(LABEL_SPACING / slot));
        int latest = weeksSoFar - 1;
        List<Column> built = new ArrayList<>();
        int max = 1;
        for (int i = 0; i < weeksSoFar; i++) {
            Week week = cycleWeeks.get(i);
            Map<Status, Integer> counts = new EnumMap<>(Status.class);
            for (Status status : Status.values()) {
                counts.put(status, 0);
            }
            for (BoardLine line : lines) {
                // The latest bar shows where things stand now, edits included, like the counts above it.
                Optional<Status> status = i == latest ? Optional.of(line.status()) : board.statusIn(line, week.iso());
                status.ifPresent(s -> counts.merge(s, 1, Integer::sum));
            }
            max = Math.max(
                    max, counts.values().stream().mapToInt(Integer::intValue).sum());
            List<String> due = cycle.milestonesIn(week);
            int x = LEFT + (int) Math.round(i * slot + (slot - barWidth) / 2);
            // Counted back from the latest week, so the week people look for is always named.
            boolean labelled = (latest - i) % labelEvery == 0;
            built.add(new Column(
                    week,
                    counts,
                    new ArrayList<>(),
                    due,
                    x,
                    barWidth,
                    labelled,
                    "W" + week.iso().week()));
        }
        this.maxTotal = max;
        for (Column column : built) {
            int y = TOP + PLOT_HEIGHT;
            for (Status status : Status.values()) {
                int count = column.counts().get(status);
                if (count == 0) {
                    continue;
                }
                int height = Math.max(1, Math.round((float) count * PLOT_HEIGHT / maxTotal));
                y -= height;
                column.segments()
                        .add(new Segment(
                                status,
                                count,
                                column.x(),
                                y,
                                height,
                                column.week() + ": " + count + " " + status.label()));
            }
        }
        this.columns = List.copyOf(built);
    }

    public List<Column> columns() {
        return columns;
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return TOP + PLOT_HEIGHT + LABELS;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int top() {
        return TOP;
    }

    public int baseline() {
        return TOP + PLOT_HEIGHT;
    }

    public int maxTotal() {
        return maxTotal;
    }

    public int weeksInCycle() {
        return weeksInCycle;
    }

    /** No week of the cycle has begun yet. */
    public boolean hasNoWeeks() {
        return columns.isEmpty();
    }

    /** Weeks have begun, but there is nothing to count in them. */
    public boolean hasNoCommitments() {
        return !anyCommitment;
    }

    public boolean isEmpty() {
        return columns.isEmpty() || !anyCommitment;
    }
}
