package org.tctracker.overview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;
import org.tctracker.commitment.ReleaseCalendar;
import org.tctracker.commitment.Staleness;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.Milestone;
import org.tctracker.system.Durations;

/**
 * One cycle's dashboard: the counts by status over the whole cycle, and the rows that pass the
 * filters, in the order and groups the reader chose. Counts ignore the filters, so a reader always
 * sees the whole picture at the top.
 *
 * @param held the commitments the signed-in reader owns or helps with (empty for anyone else)
 */
public record Dashboard(
        Cycle cycle,
        List<Milestone> milestones,
        List<CommitmentRow> allRows,
        DashboardFilter filter,
        View view,
        Set<Long> held,
        String here,
        LocalDate today,
        Staleness staleness,
        CycleChart chart) {

    /** Open, in a cycle under way, and not checked in on recently enough. */
    public boolean isStale(CommitmentRow row) {
        return staleness.isStale(row.status(), row.lastCheckIn(), row.createdAt(), cycle, today);
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

    /** This week as the cycle names it, while the cycle is under way. */
    public Optional<ReleaseCalendar.Week> thisWeek() {
        return phase() == Cycle.Phase.IN_PROGRESS
                ? Optional.of(ReleaseCalendar.weekOf(today, cycle.getEndsOn()))
                : Optional.empty();
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
        Comparator<CommitmentRow> order = view.sort() == Sort.LAST_CHECK_IN
                ? Comparator.comparing(this::quietSince).thenComparingInt(CommitmentRow::position)
                : view.sort().order;
        return allRows.stream().filter(filter::accepts).sorted(order).toList();
    }

    private LocalDate quietSince(CommitmentRow row) {
        return staleness.quietSince(row.lastCheckIn(), row.createdAt(), cycle.getStartsOn());
    }

    /** The rows that pass the filters, in the chosen groups; one unnamed group when there are none. */
    public List<RowGroup> groups() {
        List<CommitmentRow> rows = rows();
        return switch (view.group()) {
            case NONE -> List.of(new RowGroup(null, rows));
            case MINE -> {
                List<CommitmentRow> yours =
                        rows.stream().filter(r -> held.contains(r.id())).toList();
                List<CommitmentRow> others =
                        rows.stream().filter(r -> !held.contains(r.id())).toList();
                List<RowGroup> groups = new ArrayList<>();
                if (!yours.isEmpty()) {
                    groups.add(new RowGroup("Yours", yours));
                }
                if (!others.isEmpty()) {
                    groups.add(new RowGroup(yours.isEmpty() ? null : "Everyone else's", others));
                }
                yield groups;
            }
            case STATUS -> grouped(rows, row -> row.status().label(), Sort.STATUS.order);
            case OWNER -> grouped(rows, CommitmentRow::ownerName, Sort.OWNER.order);
        };
    }

    private static List<RowGroup> grouped(
            List<CommitmentRow> rows, Function<CommitmentRow, String> key, Comparator<CommitmentRow> groupOrder) {
        Map<String, List<CommitmentRow>> byKey = new LinkedHashMap<>();
        rows.stream().sorted(groupOrder).map(key).distinct().forEach(name -> byKey.put(name, new ArrayList<>()));
        rows.forEach(row -> byKey.get(key.apply(row)).add(row));
        return byKey.entrySet().stream()
                .map(entry -> new RowGroup(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** Everyone who owns a commitment in this cycle, by nick, for the owner filter. */
    public Map<String, String> owners() {
        Map<String, String> owners = new LinkedHashMap<>();
        allRows.stream()
                .sorted(Comparator.comparing(CommitmentRow::ownerName))
                .forEach(row -> owners.putIfAbsent(row.ownerNick(), row.ownerName()));
        return owners;
    }

    /** This dashboard's address with the same filters and one choice of order or grouping changed. */
    public String linkWith(String parameter, String value) {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("sort", view.sort() == Sort.POSITION ? null : view.sort().key);
        choices.put("group", view.group() == view.defaultGroup() ? null : view.group().key);
        choices.put(parameter, value);
        // The defaults stay out of the address, so links read as short as the page they lead to.
        choices.remove("sort", Sort.POSITION.key);
        choices.remove("group", view.defaultGroup().key);
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(here);
        filter.statuses().forEach(status -> link.queryParam("status", status.slug()));
        if (filter.owner() != null) {
            link.queryParam("owner", filter.owner());
        }
        choices.forEach((name, chosen) -> {
            if (chosen != null) {
                link.queryParam(name, chosen);
            }
        });
        return link.encode().build().toUriString();
    }

    /** A named part of the table; the name is null when the rows are not grouped. */
    public record RowGroup(@Nullable String name, List<CommitmentRow> rows) {}

    /** How the rows are ordered, as given in the address ({@code ?sort=owner}). */
    public enum Sort {
        POSITION("position", "#", Comparator.comparingInt(CommitmentRow::position)),
        TITLE(
                "title",
                "Commitment",
                Comparator.comparing((CommitmentRow r) -> r.title().toLowerCase(Locale.ROOT))
                        .thenComparingInt(CommitmentRow::position)),
        OWNER(
                "owner",
                "Owner",
                Comparator.comparing((CommitmentRow r) -> r.ownerName().toLowerCase(Locale.ROOT))
                        .thenComparingInt(CommitmentRow::position)),
        /** Blocked first, then the rest of the open work, then the closed. */
        STATUS(
                "status",
                "Status",
                Comparator.comparingInt((CommitmentRow r) -> attentionRank(r.status()))
                        .thenComparingInt(CommitmentRow::position)),
        /**
         * The longest quiet first, counted as staleness counts it (from the last check-in, or
         * from when the work was made or carried in), so what needs a nudge comes to the top.
         */
        LAST_CHECK_IN("check-in", "Last check-in", Comparator.comparingInt(CommitmentRow::position));

        final String key;
        final String column;
        final Comparator<CommitmentRow> order;

        Sort(String key, String column, Comparator<CommitmentRow> order) {
            this.key = key;
            this.column = column;
            this.order = order;
        }

        public String key() {
            return key;
        }

        public String column() {
            return column;
        }

        static Optional<Sort> parse(String text) {
            return EnumSet.allOf(Sort.class).stream()
                    .filter(sort -> sort.key.equalsIgnoreCase(text.strip()))
                    .findFirst();
        }

        static String keys() {
            return EnumSet.allOf(Sort.class).stream().map(s -> s.key).collect(Collectors.joining(", "));
        }

        private static int attentionRank(Status status) {
            return switch (status) {
                case BLOCKED -> 0;
                case IN_PROGRESS -> 1;
                case NOT_STARTED -> 2;
                case DONE -> 3;
                case DROPPED -> 4;
            };
        }
    }

    /** How the rows are grouped ({@code ?group=status}); a reader who holds commitments sees theirs first. */
    public enum Group {
        NONE("none", "None"),
        MINE("mine", "Yours first"),
        STATUS("status", "Status"),
        OWNER("owner", "Owner");

        final String key;
        final String label;

        Group(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        static Optional<Group> parse(String text) {
            return EnumSet.allOf(Group.class).stream()
                    .filter(group -> group.key.equalsIgnoreCase(text.strip()))
                    .findFirst();
        }

        static String keys() {
            return EnumSet.allOf(Group.class).stream().map(g -> g.key).collect(Collectors.joining(", "));
        }
    }

    /**
     * The reader's choice of order and grouping. {@code holdsAny} says whether the reader holds
     * commitments in this cycle: then theirs come first unless they ask otherwise.
     */
    public record View(Sort sort, Group group, boolean holdsAny) {

        public Group defaultGroup() {
            return defaultGroupFor(holdsAny);
        }

        static Group defaultGroupFor(boolean holdsAny) {
            return holdsAny ? Group.MINE : Group.NONE;
        }

        /** The groupings worth offering this reader. */
        public List<Group> groupChoices() {
            return holdsAny
                    ? List.of(Group.MINE, Group.STATUS, Group.OWNER, Group.NONE)
                    : List.of(Group.NONE, Group.STATUS, Group.OWNER);
        }

        public List<Sort> sorts() {
            return List.of(Sort.values());
        }
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
