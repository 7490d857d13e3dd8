package org.tctracker.goal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tctracker.cycle.IsoWeek;

/**
 * Teams done, week by week, from the week the goal was made to this one: at the end of each week,
 * how many rows stood at done. Worked out from the rows' events; the geometry is worked out here
 * so that the template only places shapes.
 */
public final class BurnUp {

    static final int WIDTH = 960;
    static final int LEFT = 30;
    static final int RIGHT = 8;
    static final int TOP = 14;
    static final int PLOT_HEIGHT = 140;
    static final int LABEL_SPACING = 48;

    /** A row's state from a moment on. */
    record Event(long teamId, TeamState state, Instant at) {}

    /** One week's bar. */
    public record Bar(IsoWeek week, int done, int x, int y, int width, int height, boolean labelled) {
        public String label() {
            return "W" + week.week();
        }

        public int labelX() {
            return x + width / 2;
        }
    }

    private final List<Bar> bars;
    private final int teams;

    BurnUp(List<Event> events, int teams, LocalDate firstDay, LocalDate today, ZoneId zone) {
        this.teams = teams;
        List<LocalDate> weekEnds = new ArrayList<>();
        LocalDate monday = firstDay.with(java.time.DayOfWeek.MONDAY);
        for (LocalDate day = monday; !day.isAfter(today); day = day.plusWeeks(1)) {
            weekEnds.add(day.plusWeeks(1));
        }
        List<Event> sorted = events.stream()
                .sorted(java.util.Comparator.comparing(Event::at))
                .toList();
        Map<Long, TeamState> standing = new HashMap<>();
        int next = 0;
        int[] done = new int[weekEnds.size()];
        for (int i = 0; i < weekEnds.size(); i++) {
            Instant end = weekEnds.get(i).atStartOfDay(zone).toInstant();
            while (next < sorted.size() && sorted.get(next).at().isBefore(end)) {
                standing.put(sorted.get(next).teamId(), sorted.get(next).state());
                next++;
            }
            done[i] = (int)
                    standing.values().stream().filter(s -> s == TeamState.DONE).count();
        }
        int n = Math.max(1, weekEnds.size());
        double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(n, 8);
        int barWidth = Math.max(2, (int) Math.round(slot * 0.72));
        int labelEvery = Math.max(1, (int) Math.ceil(LABEL_SPACING / slot));
        int max = Math.max(1, teams);
        List<Bar> built = new ArrayList<>();
        for (int i = 0; i < weekEnds.size(); i++) {
            int height = done[i] == 0 ? 0 : Math.max(1, Math.round((float) done[i] * PLOT_HEIGHT / max));
            int x = LEFT + (int) Math.round(i * slot + (slot - barWidth) / 2);
            built.add(new Bar(
                    IsoWeek.of(weekEnds.get(i).minusDays(1)),
                    done[i],
                    x,
                    TOP + PLOT_HEIGHT - height,
                    barWidth,
                    height,
                    (weekEnds.size() - 1 - i) % labelEvery == 0));
        }
        this.bars = List.copyOf(built);
    }

    public List<Bar> bars() {
        return bars;
    }

    /** The teams the goal applies to: the chart's top line. */
    public int teams() {
        return teams;
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return TOP + PLOT_HEIGHT + 22;
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
}
