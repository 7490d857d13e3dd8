package org.tctracker.cycle.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.tctracker.commitment.BoardLine;
import org.tctracker.commitment.CycleBoard;
import org.tctracker.commitment.Staleness;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.cycle.ReleaseCalendar;
import org.tctracker.system.Durations;

/**
 * One cycle's dashboard: the counts by status over the whole cycle, and the rows that pass the
 * filters, in the order and groups the reader chose. Counts ignore the filters, so a reader always
 * sees the whole picture at the top.
 *
 * @param held the commitments the signed-in reader owns or helps with (empty for anyone else)
 */
public record Dashboard(
        CycleBoard board,
        DashboardFilter filter,
        View view,
        Set<Long> held,
        String here,
        Staleness staleness,
        CycleChart chart) {

    public CycleTerm cycle() {
        return board.cycle();
    }

    public List<CycleTerm.MilestoneDate> milestones() {
        return board.cycle().milestones();
    }

    public List<BoardLine> allRows() {
        return board.lines();
    }

    /** Open, in a cycle under way, and not checked in on recently enough. */
    public boolean isStale(BoardLine row) {
        return row.stale();
    }

    public long staleCount() {
        return board.staleCount();
    }

    public long staleAfterDays() {
        return staleness.days();
    }

    public Cycle.Phase phase() {
        return board.phase();
    }

    /** This week as the cycle names it, while the cycle is under way. */
    public Optional<ReleaseCalendar.Week> thisWeek() {
        return phase() == Cycle.Phase.IN_PROGRESS ? Optional.of(board.cycle().weekOf(board.today())) : Optional.empty();
    }

    public Map<Status, Integer> counts() {
        return board.counts();
    }

    public long openCount() {
        return board.openCount();
    }

    /** How long ago the row's last check-in was, in words; "never" when there is none. */
    public String lastCheckInAge(BoardLine row) {
        LocalDate last = row.lastCheckInDate();
        return last == null ? "never" : Durations.ageOf(last, board.today());
    }

    public List<BoardLine> rows() {
        Comparator<BoardLine> order = view.sort() == Sort.LAST_CHECK_IN
                ? Comparator.comparing(this::quietSince).thenComparingInt(BoardLine::position)
                : view.sort().order;
        return allRows().stream().filter(filter::accepts).sorted(order).toList();
    }

    private LocalDate quietSince(BoardLine row) {
        return staleness.quietSince(
                row.lastCheckInDate(), row.createdAt(), board.cycle().startsOn());
    }

    /** The rows that pass the filters, in the chosen groups; one unnamed group when there are none. */
    public List<RowGroup> groups() {
        List<BoardLine> rows = rows();
        return switch (view.group()) {
            case NONE -> List.of(new RowGroup(null, rows));
            case MINE -> {
                List<BoardLine> yours =
                        rows.stream().filter(r -> held.contains(r.id())).toList();
                List<BoardLine> others =
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
            case OWNER -> grouped(rows, row -> row.owner().displayName(), Sort.OWNER.order);
        };
    }

    private static List<RowGroup> grouped(
            List<BoardLine> rows, Function<BoardLine, String> key, Comparator<BoardLine> groupOrder) {
        Map<String, List<BoardLine>> byKey = new LinkedHashMap<>();
        rows.stream().sorted(groupOrder).map(key).distinct().forEach(name -> byKey.put(name, new ArrayList<>()));
        rows.forEach(row -> byKey.get(key.apply(row)).add(row));
        return byKey.entrySet().stream()
                .map(entry -> new RowGroup(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** Everyone who owns a commitment in this cycle, by nick, for the owner filter. */
    public Map<String, String> owners() {
        Map<String, String> owners = new LinkedHashMap<>();
        allRows().stream()
                .sorted(Comparator.comparing((BoardLine row) -> row.owner().displayName()))
                .forEach(row ->
                        owners.putIfAbsent(row.owner().ircNick(), row.owner().displayName()));
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
    public record RowGroup(@Nullable String name, List<BoardLine> rows) {}

    /** How the rows are ordered, as given in the address ({@code ?sort=owner}). */
    public enum Sort {
        POSITION("position", "#", Comparator.comparingInt(BoardLine::position)),
        TITLE(
                "title",
                "Commitment",
                Comparator.comparing((BoardLine r) -> r.title().toLowerCase(Locale.ROOT))
                        .thenComparingInt(BoardLine::position)),
        OWNER(
                "owner",
                "Owner",
                Comparator.comparing((BoardLine r) -> r.owner().displayName().toLowerCase(Locale.ROOT))
                        .thenComparingInt(BoardLine::position)),
        /** Blocked first, then the rest of the open work, then the closed. */
        STATUS(
                "status",
                "Status",
                Comparator.comparingInt((BoardLine r) -> attentionRank(r.status()))
                        .thenComparingInt(BoardLine::position)),
        /**
         * The longest quiet first, counted as staleness counts it (from the last check-in, or
         * from when the work was made or carried in), so what needs a nudge comes to the top.
         */
        LAST_CHECK_IN("check-in", "Last check-in", Comparator.comparingInt(BoardLine::position));

        final String key;
        final String column;
        final Comparator<BoardLine> order;

        Sort(String key, String column, Comparator<BoardLine> order) {
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

        public boolean accepts(BoardLine row) {
            return (statuses.isEmpty() || statuses.contains(row.status()))
                    && (owner == null || owner.equals(row.owner().ircNick()));
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
            return StatusChoice.where(true);
        }
    }
}
