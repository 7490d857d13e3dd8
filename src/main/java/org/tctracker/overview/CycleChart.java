package org.tctracker.overview;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tctracker.commitment.ReleaseCalendar.Week;
import org.tctracker.commitment.Status;
import org.tctracker.commitment.StatusOverTime;
import org.tctracker.cycle.Milestone;

/**
 * The cycle's chart: for every week so far, how many commitments stood in each status, drawn as
 * stacked bars in inline SVG. The geometry is worked out here so the template only places shapes.
 */
public final class CycleChart {

    static final int BAR_WIDTH = 18;
    static final int GAP = 6;
    static final int PLOT_HEIGHT = 160;
    static final int TOP = 10;
    static final int LEFT = 30;

    private final List<Column> columns;
    private final int maxTotal;

    /** One week's bar: its counts, and the segments to draw. */
    public record Column(
            Week week, Map<Status, Integer> counts, List<Segment> segments, List<String> milestones, int x) {
        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int count(Status status) {
            return counts.get(status);
        }

        public int labelX() {
            return x + BAR_WIDTH / 2;
        }
    }

    /** One coloured piece of a bar. */
    public record Segment(Status status, int count, int x, int y, int height) {}

    CycleChart(List<Week> weeks, List<CommitmentRow> rows, StatusOverTime history, List<Milestone> milestones) {
        List<Column> built = new ArrayList<>();
        int max = 1;
        for (int i = 0; i < weeks.size(); i++) {
            Week week = weeks.get(i);
            Map<Status, Integer> counts = new EnumMap<>(Status.class);
            for (Status status : Status.values()) {
                counts.put(status, 0);
            }
            boolean latest = i == weeks.size() - 1;
            for (CommitmentRow row : rows) {
                // The latest bar shows where things stand now, edits included, like the counts above it.
                Status status = latest ? row.status() : history.asOf(row.id(), row.status(), week.iso());
                counts.merge(status, 1, Integer::sum);
            }
            max = Math.max(
                    max, counts.values().stream().mapToInt(Integer::intValue).sum());
            List<String> due = milestones.stream()
                    .filter(m -> week.contains(m.getDueOn()))
                    .map(Milestone::getName)
                    .toList();
            built.add(new Column(week, counts, new ArrayList<>(), due, LEFT + i * (BAR_WIDTH + GAP)));
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
                column.segments().add(new Segment(status, count, column.x(), y, height));
            }
        }
        this.columns = List.copyOf(built);
    }

    public List<Column> columns() {
        return columns;
    }

    public int width() {
        return LEFT + columns.size() * (BAR_WIDTH + GAP) + 10;
    }

    public int height() {
        return TOP + PLOT_HEIGHT + 40;
    }

    public int baseline() {
        return TOP + PLOT_HEIGHT;
    }

    public int maxTotal() {
        return maxTotal;
    }

    public int barWidth() {
        return BAR_WIDTH;
    }

    /** Label every few weeks so the names do not collide. */
    public boolean labelled(Column column) {
        int index = columns.indexOf(column);
        return index % 4 == 0 || index == columns.size() - 1;
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }
}
