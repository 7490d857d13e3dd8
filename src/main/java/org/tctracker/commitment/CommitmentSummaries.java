package org.tctracker.commitment;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Commitments as other modules name them: a title, its cycle, its owner and status, for any number in one statement. */
@Component
public class CommitmentSummaries {

    private final JdbcClient jdbc;

    public CommitmentSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A commitment in a line. */
    public record Summary(long id, long cycleId, int position, String title, long ownerId, Status status) {}

    /** The named commitments, by id; ids that name none are left out. */
    public Map<Long, Summary> byIds(Collection<Long> ids) {
        Map<Long, Summary> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select id, cycle_id, position, title, owner_id, status from commitment where id in (:ids)"
                        + " order by cycle_id desc, position")
                .param("ids", List.copyOf(ids))
                .query(rs -> {
                    found.put(
                            rs.getLong(1),
                            new Summary(
                                    rs.getLong(1),
                                    rs.getLong(2),
                                    rs.getInt(3),
                                    rs.getString(4),
                                    rs.getLong(5),
                                    Status.valueOf(rs.getString(6))));
                });
        return found;
    }
}
