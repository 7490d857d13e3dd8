package org.tctracker.commitment;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many commitments each cycle holds and each person owns or helps with, and which ones a
 * person holds: what the cycles' and people's pages show of commitments, one statement each.
 */
@Component
public class Holdings {

    private final JdbcClient jdbc;

    public Holdings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A cycle's commitments: all of them, and how many are still open. */
    public record Counts(long commitments, long open) {

        public static final Counts NONE = new Counts(0, 0);

        public long closed() {
            return commitments - open;
        }
    }

    /** What a person holds: commitments they own, and those they help with. */
    public record Held(long owns, long ownsOpen, long helpsWith) {

        public static final Held NOTHING = new Held(0, 0, 0);
    }

    /** A commitment someone owns or helps with, as their page lists it. */
    public record Holding(long commitmentId, long cycleId, int position, String title, Status status, boolean owner) {}

    /** The open statuses as a SQL list, from {@link Status#isOpen()}: the one rule for what is open. */
    static final String OPEN = Arrays.stream(Status.values())
            .filter(Status::isOpen)
            .map(status -> "'" + status.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    /** Every cycle's counts, by cycle id; a cycle without commitments is absent. */
    public Map<Long, Counts> byCycle() {
        Map<Long, Counts> counts = new LinkedHashMap<>();
        jdbc.sql("select cycle_id, count(*), sum(case when status in " + OPEN
                        + " then 1 else 0 end) from commitment group by cycle_id")
                .query(rs -> {
                    counts.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3)));
                });
        return counts;
    }

    public Counts ofCycle(long cycleId) {
        return jdbc.sql("select count(*), sum(case when status in " + OPEN
                        + " then 1 else 0 end) from commitment where cycle_id = ?")
                .param(cycleId)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** What each person holds, by person id; someone who holds nothing is absent. */
    public Map<Long, Held> byPerson() {
        Map<Long, Held> held = new LinkedHashMap<>();
        jdbc.sql("""
                        select person_id, sum(owns), sum(owns_open), sum(helps) from (
                            select owner_id as person_id, 1 as owns,
                                case when status in %s then 1 else 0 end as owns_open, 0 as helps
                            from commitment
                            union all
                            select person_id, 0, 0, 1 from commitment_collaborator
                        ) held group by person_id""".formatted(OPEN)).query(rs -> {
            held.put(rs.getLong(1), new Held(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        });
        return held;
    }

    public Held ofPerson(long personId) {
        return byPerson().getOrDefault(personId, Held.NOTHING);
    }

    /** Everything a person owns or helps with, by cycle (newest first) and position. */
    public List<Holding> heldBy(long personId) {
        return jdbc.sql("""
                        select c.id, c.cycle_id, c.position, c.title, c.status, c.owner_id = :holder
                        from commitment c
                        where c.owner_id = :holder or exists (
                            select 1 from commitment_collaborator k where k.commitment_id = c.id and k.person_id = :holder)
                        order by c.cycle_id desc, c.position""")
                .param("holder", personId)
                .query((rs, n) -> new Holding(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getString(4),
                        Status.valueOf(rs.getString(5)),
                        rs.getBoolean(6)))
                .list();
    }
}
