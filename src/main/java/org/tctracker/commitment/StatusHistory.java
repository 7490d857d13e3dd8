package org.tctracker.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tctracker.cycle.IsoWeek;
import org.tctracker.system.TrackerProperties;

/**
 * Reads what {@link StatusOverTime} needs, in one statement whatever the length of the history:
 * every saved version's status (dated by its revision) and every check-in's. Plain SQL, so the
 * command line can use it without JPA.
 */
@Component
public class StatusHistory {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    public StatusHistory(JdbcClient jdbc, TrackerProperties properties) {
        this.jdbc = jdbc;
        this.zone = properties.zone();
    }

    /** The whole status history of a cycle's commitments. */
    public StatusOverTime ofCycle(long cycleId) {
        return read("c.cycle_id = ?", cycleId);
    }

    public StatusOverTime ofCommitment(long commitmentId) {
        return read("c.id = ?", commitmentId);
    }

    /** The ISO week, in the tracker's zone, of a moment such as a commitment's creation. */
    public IsoWeek weekOf(Instant moment) {
        return IsoWeek.of(LocalDate.ofInstant(moment, zone));
    }

    private StatusOverTime read(String where, long key) {
        List<StatusMark> marks = jdbc.sql("""
                        select a.id, r.changed_at, cast(null as varchar(8)), a.status, a.rev
                        from commitment_aud a join revision r on r.id = a.rev
                        where a.revtype in (0, 1) and a.id in (select c.id from commitment c where %1$s)
                        union all
                        select ci.commitment_id, cast(null as bigint), ci.iso_week, ci.status, ci.id
                        from check_in ci join commitment c on c.id = ci.commitment_id
                        where %1$s""".formatted(where))
                .params(key, key)
                .query((rs, n) -> {
                    String isoWeek = rs.getString(3);
                    boolean checkIn = isoWeek != null;
                    return new StatusMark(
                            rs.getLong(1),
                            checkIn ? IsoWeek.parse(isoWeek) : weekOf(Instant.ofEpochMilli(rs.getLong(2))),
                            Status.valueOf(rs.getString(4)),
                            checkIn ? StatusMark.Source.CHECK_IN : StatusMark.Source.RECORD,
                            rs.getLong(5));
                })
                .list();
        return new StatusOverTime(marks);
    }
}
