package org.tctracker.commitment;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.cycle.IsoWeek;
import org.tctracker.people.PeopleDirectory;
import org.tctracker.people.PersonRef;

/**
 * Reads {@link CycleBoard}s: a cycle's commitments with their latest check-in and collaborators
 * (one statement), where they stood week by week (one), and the people named (one); a detailed
 * board adds the spec links (one). Plain SQL, so the command line reads the same board.
 */
@Component
public class CycleBoards {

    private final JdbcClient jdbc;
    private final PeopleDirectory people;
    private final StatusHistory history;
    private final Staleness staleness;

    public CycleBoards(JdbcClient jdbc, PeopleDirectory people, StatusHistory history, Staleness staleness) {
        this.jdbc = jdbc;
        this.people = people;
        this.history = history;
        this.staleness = staleness;
    }

    /** The same boards, with staleness judged by another setting (as {@code check --stale-after} asks). */
    public CycleBoards judgedBy(Staleness other) {
        return new CycleBoards(jdbc, people, history, other);
    }

    /** The board the dashboard and {@code check} read: everything but the links themselves. */
    public CycleBoard of(CycleTerm cycle, LocalDate today) {
        return read(cycle, today, "c.cycle_id = ?", cycle.id(), false);
    }

    /** The board the API, the spreadsheets and the digest read: with every spec link. */
    public CycleBoard detailed(CycleTerm cycle, LocalDate today) {
        return read(cycle, today, "c.cycle_id = ?", cycle.id(), true);
    }

    /** One commitment as a detailed board tells it, with its cycle's history of it alone. */
    public Optional<BoardLine> line(CycleTerm cycle, long commitmentId, LocalDate today) {
        return read(cycle, today, "c.id = ?", commitmentId, true).line(commitmentId);
    }

    /** Every check-in of the cycle, by week and then by the commitments' order. */
    public List<CheckInLine> checkInsOf(CycleTerm cycle) {
        return checkIns("c.cycle_id = ? order by ci.iso_week, c.position", cycle.id());
    }

    /** Every check-in of one commitment, the latest week first. */
    public List<CheckInLine> checkInsOf(long commitmentId) {
        return checkIns("c.id = ? order by ci.iso_week desc", commitmentId);
    }

    private record Row(
            long id,
            int position,
            String title,
            String summary,
            Status status,
            @Nullable LocalDate targetDate,
            long ownerId,
            Instant createdAt,
            @Nullable Long carriedToId,
            int linkCount,
            List<Long> collaboratorIds,
            @Nullable CheckInLine lastCheckIn) {}

    private CycleBoard read(CycleTerm cycle, LocalDate today, String where, long key, boolean detailed) {
        List<Row> rows = jdbc.sql("""
                        select c.id, c.position, c.title, c.summary, c.status, c.target_date, c.owner_id,
                            c.created_at, c.carried_to_id,
                            (select count(*) from spec_link l where l.commitment_id = c.id),
                            (select array_agg(k.person_id order by k.person_id)
                                from commitment_collaborator k where k.commitment_id = c.id),
                            ci.id, ci.iso_week, ci.checked_on, ci.status, ci.percent_done, ci.author, ci.note,
                            ci.updated_at
                        from commitment c
                        left join check_in ci on ci.commitment_id = c.id and ci.iso_week =
                            (select max(x.iso_week) from check_in x where x.commitment_id = c.id)
                        where %s
                        order by c.position""".formatted(where))
                .param(key)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        Status.valueOf(rs.getString(5)),
                        rs.getObject(6, LocalDate.class),
                        rs.getLong(7),
                        instant(rs, 8),
                        rs.getObject(9, Long.class),
                        rs.getInt(10),
                        ids(rs.getArray(11)),
                        rs.getObject(12) == null
                                ? null
                                : new CheckInLine(
                                        rs.getLong(12),
                                        rs.getLong(1),
                                        IsoWeek.parse(rs.getString(13)),
                                        rs.getObject(14, LocalDate.class),
                                        Status.valueOf(rs.getString(15)),
                                        rs.getObject(16, Integer.class),
                                        rs.getString(17),
                                        rs.getString(18),
                                        instant(rs, 19))))
                .list();
        Set<Long> named = new LinkedHashSet<>();
        rows.forEach(row -> {
            named.add(row.ownerId());
            named.addAll(row.collaboratorIds());
        });
        Map<Long, PersonRef> names = people.byIds(named);
        Map<Long, List<LinkLine>> links = detailed ? linksOf(where, key) : Map.of();
        StatusOverTime statuses = where.startsWith("c.id") ? history.ofCommitment(key) : history.ofCycle(cycle.id());
        List<BoardLine> lines = new ArrayList<>();
        for (Row row : rows) {
            lines.add(new BoardLine(
                    row.id(),
                    row.position(),
                    row.title(),
                    row.summary(),
                    row.status(),
                    row.targetDate(),
                    names.get(row.ownerId()),
                    row.collaboratorIds().stream()
                            .map(names::get)
                            .sorted(java.util.Comparator.comparing(
                                            PersonRef::displayName, String.CASE_INSENSITIVE_ORDER)
                                    .thenComparing(PersonRef::ircNick))
                            .toList(),
                    row.linkCount(),
                    List.copyOf(links.getOrDefault(row.id(), List.of())),
                    row.lastCheckIn(),
                    row.createdAt(),
                    history.weekOf(row.createdAt()),
                    row.carriedToId(),
                    staleness.isStale(
                            row.status(),
                            row.lastCheckIn() == null ? null : row.lastCheckIn().checkedOn(),
                            row.createdAt(),
                            cycle.startsOn(),
                            cycle.phaseOn(today),
                            today)));
        }
        return new CycleBoard(cycle, today, List.copyOf(lines), statuses);
    }

    private Map<Long, List<LinkLine>> linksOf(String where, long key) {
        Map<Long, List<LinkLine>> links = new LinkedHashMap<>();
        jdbc.sql("""
                        select l.commitment_id, l.id, l.title, l.url, l.kind, l.state, l.source, l.detached,
                            l.source_status, l.source_since, l.source_patch_set, l.source_detail, l.synced_at,
                            l.sync_error
                        from spec_link l join commitment c on c.id = l.commitment_id
                        where %s order by l.id""".formatted(where)).param(key).query(rs -> {
            links.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new LinkLine(
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            LinkKind.valueOf(rs.getString(5)),
                            LinkState.valueOf(rs.getString(6)),
                            rs.getBoolean(8) ? null : rs.getString(7),
                            rs.getBoolean(8)
                                    ? null
                                    : SourceWords.of(
                                            rs.getString(9),
                                            instant(rs.getObject(10, java.time.OffsetDateTime.class)),
                                            (Integer) rs.getObject(11),
                                            rs.getString(12)),
                            instant(rs.getObject(13, java.time.OffsetDateTime.class)),
                            rs.getBoolean(8) ? null : rs.getString(14)));
        });
        return links;
    }

    private static java.time.@Nullable Instant instant(java.time.@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private List<CheckInLine> checkIns(String where, long key) {
        return jdbc.sql("""
                        select ci.id, ci.commitment_id, ci.iso_week, ci.checked_on, ci.status, ci.percent_done,
                            ci.author, ci.note, ci.updated_at
                        from check_in ci join commitment c on c.id = ci.commitment_id
                        where\s""" + where)
                .param(key)
                .query((rs, n) -> new CheckInLine(
                        rs.getLong(1),
                        rs.getLong(2),
                        IsoWeek.parse(rs.getString(3)),
                        rs.getObject(4, LocalDate.class),
                        Status.valueOf(rs.getString(5)),
                        rs.getObject(6, Integer.class),
                        rs.getString(7),
                        rs.getString(8),
                        instant(rs, 9)))
                .list();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** An SQL array of ids as H2 and PostgreSQL both hand it back: boxed numbers, or none. */
    private static List<Long> ids(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (Object id : (Object[]) array.getArray()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }
}
