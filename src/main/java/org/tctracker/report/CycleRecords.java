package org.tctracker.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.LinkState;
import org.tctracker.commitment.Staleness;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycle;

/**
 * The tracker's records as people outside it read them (spreadsheets, scripts): cycles, their
 * commitments with owner, collaborators, links and latest check-in, and the check-ins themselves.
 * Plain SQL, a fixed number of statements per call whatever the size of the history.
 */
@Component
public class CycleRecords {

    private final JdbcClient jdbc;
    private final Staleness staleness;

    public CycleRecords(JdbcClient jdbc, Staleness staleness) {
        this.jdbc = jdbc;
        this.staleness = staleness;
    }

    public record CycleRecord(
            long id,
            String slug,
            String name,
            @Nullable String summit,
            LocalDate startsOn,
            LocalDate endsOn,
            int commitmentCount,
            int openCount) {

        /** Upcoming, in progress or finished on the given day. */
        public Cycle.Phase phaseOn(LocalDate day) {
            return day.isBefore(startsOn)
                    ? Cycle.Phase.UPCOMING
                    : day.isAfter(endsOn) ? Cycle.Phase.FINISHED : Cycle.Phase.IN_PROGRESS;
        }
    }

    public record MilestoneRecord(String name, LocalDate dueOn) {}

    public record PersonRef(String ircNick, String displayName) {}

    public record LinkRecord(String title, String url, LinkKind kind, LinkState state) {}

    public record CheckInRecord(
            long id,
            long commitmentId,
            String week,
            LocalDate checkedOn,
            Status status,
            @Nullable Integer percentDone,
            String author,
            String note,
            Instant updatedAt) {}

    public record CommitmentRecord(
            long id,
            String cycleSlug,
            int position,
            String title,
            String summary,
            Status status,
            boolean stale,
            @Nullable LocalDate targetDate,
            PersonRef owner,
            List<PersonRef> collaborators,
            List<LinkRecord> links,
            @Nullable CheckInRecord lastCheckIn,
            @Nullable Long carriedToId) {}

    public record PersonRecord(
            String ircNick, String displayName, @Nullable String affiliation, int owns, int helpsWith) {}

    private static final String CYCLE_COLUMNS = """
            select cy.id, cy.slug, cy.name, cy.summit, cy.starts_on, cy.ends_on,
                (select count(*) from commitment c where c.cycle_id = cy.id),
                (select count(*) from commitment c where c.cycle_id = cy.id
                    and c.status in ('NOT_STARTED', 'IN_PROGRESS', 'BLOCKED'))
            from cycle cy
            """;

    private static CycleRecord cycleRow(ResultSet rs, int row) throws SQLException {
        return new CycleRecord(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class),
                rs.getInt(7),
                rs.getInt(8));
    }

    /** Every cycle, the newest first. */
    public List<CycleRecord> cycles() {
        return jdbc.sql(CYCLE_COLUMNS + " order by cy.starts_on desc, cy.slug")
                .query(CycleRecords::cycleRow)
                .list();
    }

    public Optional<CycleRecord> cycle(String slug) {
        return jdbc.sql(CYCLE_COLUMNS + " where cy.slug = ?")
                .param(slug)
                .query(CycleRecords::cycleRow)
                .optional();
    }

    public List<MilestoneRecord> milestonesOf(CycleRecord cycle) {
        return jdbc.sql("select name, due_on from milestone where cycle_id = ? order by due_on, name")
                .param(cycle.id())
                .query((rs, n) -> new MilestoneRecord(rs.getString(1), rs.getObject(2, LocalDate.class)))
                .list();
    }

    /** The cycle's commitments in their order, each with its latest check-in; four statements. */
    public List<CommitmentRecord> commitmentsOf(CycleRecord cycle, LocalDate today) {
        return commitments("c.cycle_id = ?", cycle.id(), cycle, today);
    }

    /** One commitment with its cycle; empty if there is no such commitment. */
    public Optional<CommitmentRecord> commitment(long id, LocalDate today) {
        Optional<CycleRecord> cycle = jdbc.sql(
                        CYCLE_COLUMNS + " where cy.id = (select c.cycle_id from commitment c where c.id = ?)")
                .param(id)
                .query(CycleRecords::cycleRow)
                .optional();
        return cycle.flatMap(
                found -> commitments("c.id = ?", id, found, today).stream().findFirst());
    }

    private List<CommitmentRecord> commitments(String where, long key, CycleRecord cycle, LocalDate today) {
        record Row(
                long id,
                int position,
                String title,
                String summary,
                Status status,
                @Nullable LocalDate targetDate,
                PersonRef owner,
                @Nullable Long carriedTo,
                Instant createdAt) {}
        List<Row> rows = jdbc.sql("""
                        select c.id, c.position, c.title, c.summary, c.status, c.target_date,
                            p.irc_nick, p.display_name, c.carried_to_id, c.created_at
                        from commitment c join person p on p.id = c.owner_id
                        where %s order by c.position""".formatted(where))
                .param(key)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        Status.valueOf(rs.getString(5)),
                        rs.getObject(6, LocalDate.class),
                        new PersonRef(rs.getString(7), rs.getString(8)),
                        rs.getObject(9, Long.class),
                        rs.getObject(10, OffsetDateTime.class).toInstant()))
                .list();
        Map<Long, List<PersonRef>> collaborators = new LinkedHashMap<>();
        jdbc.sql("""
                        select k.commitment_id, p.irc_nick, p.display_name
                        from commitment_collaborator k join person p on p.id = k.person_id
                        join commitment c on c.id = k.commitment_id
                        where %s order by k.commitment_id, lower(p.display_name), p.irc_nick""".formatted(where)).param(key).query(rs -> {
            collaborators
                    .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new PersonRef(rs.getString(2), rs.getString(3)));
        });
        Map<Long, List<LinkRecord>> links = new LinkedHashMap<>();
        jdbc.sql("""
                        select l.commitment_id, l.title, l.url, l.kind, l.state
                        from spec_link l join commitment c on c.id = l.commitment_id
                        where %s order by l.id""".formatted(where)).param(key).query(rs -> {
            links.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new LinkRecord(
                            rs.getString(2),
                            rs.getString(3),
                            LinkKind.valueOf(rs.getString(4)),
                            LinkState.valueOf(rs.getString(5))));
        });
        Map<Long, CheckInRecord> latest = new LinkedHashMap<>();
        for (CheckInRecord checkIn : checkIns(
                where
                        + " and ci.iso_week = (select max(x.iso_week) from check_in x"
                        + " where x.commitment_id = ci.commitment_id)",
                key)) {
            latest.put(checkIn.commitmentId(), checkIn);
        }
        Cycle.Phase phase = cycle.phaseOn(today);
        List<CommitmentRecord> records = new ArrayList<>();
        for (Row row : rows) {
            CheckInRecord last = latest.get(row.id());
            records.add(new CommitmentRecord(
                    row.id(),
                    cycle.slug(),
                    row.position(),
                    row.title(),
                    row.summary(),
                    row.status(),
                    staleness.isStale(
                            row.status(),
                            last == null ? null : last.checkedOn(),
                            row.createdAt(),
                            cycle.startsOn(),
                            phase,
                            today),
                    row.targetDate(),
                    row.owner(),
                    List.copyOf(collaborators.getOrDefault(row.id(), List.of())),
                    List.copyOf(links.getOrDefault(row.id(), List.of())),
                    last,
                    row.carriedTo()));
        }
        return records;
    }

    /** Every check-in of one commitment, the latest week first. */
    public List<CheckInRecord> checkInsOf(long commitmentId) {
        return checkIns("c.id = ? order by ci.iso_week desc", commitmentId);
    }

    /** Every check-in of the cycle, by week and then by the commitments' order. */
    public List<CheckInRecord> checkInsOf(CycleRecord cycle) {
        return checkIns("c.cycle_id = ? order by ci.iso_week, c.position", cycle.id());
    }

    private List<CheckInRecord> checkIns(String where, long key) {
        return jdbc.sql("""
                        select ci.id, ci.commitment_id, ci.iso_week, ci.checked_on, ci.status, ci.percent_done,
                            ci.author, ci.note, ci.updated_at
                        from check_in ci join commitment c on c.id = ci.commitment_id
                        where\s""" + where)
                .param(key)
                .query((rs, n) -> new CheckInRecord(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        Status.valueOf(rs.getString(5)),
                        rs.getObject(6, Integer.class),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Everyone, by name, with how many commitments each owns and helps with. */
    public List<PersonRecord> people() {
        return jdbc.sql("""
                        select p.irc_nick, p.display_name, p.affiliation,
                            (select count(*) from commitment c where c.owner_id = p.id),
                            (select count(*) from commitment_collaborator k where k.person_id = p.id)
                        from person p order by lower(p.display_name), p.irc_nick""")
                .query((rs, n) ->
                        new PersonRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)))
                .list();
    }
}
