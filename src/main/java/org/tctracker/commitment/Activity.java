package org.tctracker.commitment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.cycle.CycleTerm;

/**
 * What happened lately, for feed readers: check-ins, and status changes made by editing a
 * commitment (a check-in that moves the status is one event, told as the check-in). Each event
 * keeps the same id however often it is read, and a check-in amended later in its week keeps its id
 * and gets a newer time.
 */
@Component
public class Activity {

    /** How many events a feed carries. */
    public static final int LIMIT = 50;

    private final JdbcClient jdbc;
    private final CycleCatalog cycles;

    public Activity(JdbcClient jdbc, CycleCatalog cycles) {
        this.jdbc = jdbc;
        this.cycles = cycles;
    }

    public enum Kind {
        CHECK_IN,
        STATUS_CHANGE,
        /** A link's state changed, by a person or by its source; the note says it ("oslo-specs 245422 merged"). */
        LINK_STATE
    }

    /**
     * One event. {@code key} is unique and never changes: the check-in's id with the moment it was
     * created, or the commitment's id with the moment its status changed. Ids alone could come back
     * for other records after a restore from an export, which restarts the counters; the moments
     * travel with the export.
     */
    public record Event(
            Kind kind,
            String key,
            long commitmentId,
            CycleTerm cycle,
            int position,
            String commitmentTitle,
            Status status,
            @Nullable Status previous,
            @Nullable String week,
            String author,
            @Nullable String note,
            Instant at) {}

    /** The latest events of every cycle, or of one cycle when it is given; newest first. */
    public List<Event> latest(@Nullable CycleTerm cycle) {
        Map<Long, CycleTerm> named = new HashMap<>();
        (cycle == null ? cycles.all() : List.of(cycle)).forEach(c -> named.put(c.id(), c));
        String cycleFilter = cycle == null ? "" : " and c.cycle_id = :cycle";
        List<Event> events = new ArrayList<>();
        JdbcClient.StatementSpec checkIns = jdbc.sql("""
                select ci.id, ci.commitment_id, c.cycle_id, c.position, c.title, ci.status, ci.iso_week,
                    ci.author, ci.note, ci.updated_at, ci.created_at
                from check_in ci join commitment c on c.id = ci.commitment_id
                where 1 = 1""" + cycleFilter + """
                 order by ci.updated_at desc, ci.id desc
                fetch first %d rows only""".formatted(LIMIT));
        JdbcClient.StatementSpec statusChanges = jdbc.sql("""
                select a.id, a.rev, c.cycle_id, c.position, c.title, a.status, a.previous,
                    r.username, r.changed_at
                from (select id, rev, revtype, status, lag(status) over (partition by id order by rev) as previous
                      from commitment_aud) a
                join revision r on r.id = a.rev
                join commitment c on c.id = a.id
                where a.revtype = 1 and a.previous is not null and a.status <> a.previous
                  and not exists (select 1 from check_in_aud ca where ca.rev = a.rev and ca.commitment_id = a.id)""" + cycleFilter + """
                 order by a.rev desc
                fetch first %d rows only""".formatted(LIMIT));
        if (cycle != null) {
            checkIns = checkIns.param("cycle", cycle.id());
            statusChanges = statusChanges.param("cycle", cycle.id());
        }
        events.addAll(checkIns.query((rs, n) -> new Event(
                        Kind.CHECK_IN,
                        "check-in:" + rs.getLong(1) + ":"
                                + rs.getObject(11, OffsetDateTime.class)
                                        .toInstant()
                                        .getEpochSecond(),
                        rs.getLong(2),
                        named.get(rs.getLong(3)),
                        rs.getInt(4),
                        rs.getString(5),
                        Status.valueOf(rs.getString(6)),
                        null,
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class).toInstant()))
                .list());
        events.addAll(statusChanges
                .query((rs, n) -> new Event(
                        Kind.STATUS_CHANGE,
                        "status:" + rs.getLong(1) + ":" + rs.getLong(9),
                        rs.getLong(1),
                        named.get(rs.getLong(3)),
                        rs.getInt(4),
                        rs.getString(5),
                        Status.valueOf(rs.getString(6)),
                        Status.valueOf(rs.getString(7)),
                        null,
                        rs.getString(8) == null ? "system" : rs.getString(8),
                        null,
                        Instant.ofEpochMilli(rs.getLong(9))))
                .list());
        JdbcClient.StatementSpec linkChanges = jdbc.sql("""
                select a.id, a.rev, c.cycle_id, c.position, c.title, c.status, coalesce(l.source_name, l.title),
                    a.state, a.source_status, r.username, r.changed_at, c.id
                from (select id, rev, revtype, state, source_status,
                          lag(state) over (partition by id order by rev) as previous
                      from spec_link_aud) a
                join revision r on r.id = a.rev
                join spec_link l on l.id = a.id
                join commitment c on c.id = l.commitment_id
                where a.revtype = 1 and a.previous is not null and a.state <> a.previous""" + cycleFilter + """
                 order by a.rev desc
                fetch first %d rows only""".formatted(LIMIT));
        if (cycle != null) {
            linkChanges = linkChanges.param("cycle", cycle.id());
        }
        events.addAll(linkChanges
                .query((rs, n) -> {
                    String author = rs.getString(10) == null ? "system" : rs.getString(10);
                    String word = author.equals(LinkReadings.AUTHOR) && rs.getString(9) != null
                            ? rs.getString(9)
                            : LinkState.valueOf(rs.getString(8)).label();
                    return new Event(
                            Kind.LINK_STATE,
                            "link:" + rs.getLong(1) + ":" + rs.getLong(11),
                            rs.getLong(12),
                            named.get(rs.getLong(3)),
                            rs.getInt(4),
                            rs.getString(5),
                            Status.valueOf(rs.getString(6)),
                            null,
                            null,
                            author,
                            rs.getString(7) + " " + word.toLowerCase(java.util.Locale.ROOT),
                            Instant.ofEpochMilli(rs.getLong(11)));
                })
                .list());
        events.sort(Comparator.comparing(Event::at).reversed().thenComparing(Event::key));
        return events.size() > LIMIT ? List.copyOf(events.subList(0, LIMIT)) : events;
    }
}
