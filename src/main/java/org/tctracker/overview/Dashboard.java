package org.tctracker.overview;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tctracker.commitment.Staleness;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.Milestone;
import org.tctracker.system.Durations;

/**
 * One cycle's dashboard: the counts by status over the whole cycle, and the rows that pass the
 * filters. Counts ignore the filters, so a reader always sees the whole picture at the top.
 */
public record Dashboard(
        Cycle cycle,
        List<Milestone> milestones,
        List<CommitmentRow> allRows,
        DashboardFilter filter,
        LocalDate today,
        Staleness staleness,
        CycleChart chart) {

    /** Open, in a cycle under way, and not checked in on recently enough. */
    public boolean isStale(CommitmentRow row) {
        return staleness.isStale(row.status(), row.lastCheckIn(), cycle, today);
    }

    public long staleCount() {
        return allRows.stream().filter(this::isStale).count();
    }

    public long staleAfterDays() {
        return staleness.days();
    }

    public Cycle.Phase phase() {
        return cycle.phaseOn(today);
    }

    public Map<Status, Long> counts() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
        }
        allRows.forEach(row -> counts.merge(row.status(), 1L, Long::sum));
        return counts;
    }

    public long openCount() {
        return allRows.stream().filter(row -> row.status().isOpen()).count();
    }

    /** How long ago the row's last check-in was, in words; "never" when there is none. */
    public String lastCheckInAge(CommitmentRow row) {
        LocalDate last = row.lastCheckIn();
        return last == null ? "never" : Durations.ageOf(last, today);
    }

    public List<CommitmentRow> rows() {
        return allRows.stream().filter(filter::accepts).toList();
    }

    /** Everyone who owns a commitment in this cycle, by nick, for the owner filter. */
    public Map<String, String> owners() {
        Map<String, String> owners = new LinkedHashMap<>();
        allRows.stream()
                .sorted(Comparator.comparing(CommitmentRow::ownerName))
                .forEach(row -> owners.putIfAbsent(row.ownerNick(), row.ownerName()));
        return owners;
    }

    /** A filter over the dashboard's rows, as given in the address ({@code ?status=blocked&owner=lifeless}). */
    public record DashboardFilter(
            Set<Status> statuses, @Nullable String owner) {

        static final DashboardFilter NONE = new DashboardFilter(Set.of(), null);

        public boolean accepts(CommitmentRow row) {
            return (statuses.isEmpty() || statuses.contains(row.status()))
                    && (owner == null || owner.equals(row.ownerNick()));
        }

        public boolean isActive() {
            return !statuses.isEmpty() || owner != null;
        }

        /** True when the filter asks for exactly the open statuses, as {@code ?status=open} does. */
        public boolean isOpenGroup() {
            return statuses.equals(openStatuses());
        }

        public boolean includes(Status status) {
            return statuses.contains(status);
        }

        static Set<Status> openStatuses() {
            return statusesWhere(true);
        }

        static Set<Status> closedStatuses() {
            return statusesWhere(false);
        }

        private static Set<Status> statusesWhere(boolean open) {
            Set<Status> statuses = EnumSet.noneOf(Status.class);
            for (Status status : Status.values()) {
                if (status.isOpen() == open) {
                    statuses.add(status);
                }
            }
            return statuses;
        }
    }
}
