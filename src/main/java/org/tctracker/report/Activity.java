package org.tctracker.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tctracker.commitment.Status;

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

    public Activity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public enum Kind {
        CHECK_IN,
        STATUS_CHANGE
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
            String cycleSlug,
            String cycleName,
            int position,
            String commitmentTitle,
            Status status,
            @Nullable Status previous,
            @Nullable String week,
            String author,
            @Nullable String note,
            Instant at) {}

    /** The latest events of every cycle, or of one cycle when {@code cycleSlug} is given; newest first. */
    public List<Event> latest(@Nullable String cycleSlug) {
        String cycleFilter = cycleSlug == null ? "" : " and cy.slug = :slug";
        List<Event> events = new ArrayList<>();
        JdbcClient.StatementSpec checkIns = jdbc.sql("""
                select ci.id, ci.commitment_id, cy.slug, cy.name, c.position, c.title, ci.status, ci.iso_week,
                    ci.author, ci.note, ci.updated_at, ci.created_at
                from check_in ci join commitment c on c.id = ci.commitment_id join cycle cy on cy.id = c.cycle_id
                where 1 = 1""" + cycleFilter + """
                 order by ci.updated_at desc, ci.id desc
                fetch first %d rows only""".formatted(LIMIT));
        JdbcClient.StatementSpec statusChanges = jdbc.sql("""
                select a.id, a.rev, cy.slug, cy.name, c.position, c.title, a.status, a.previous,
                    r.username, r.changed_at
                from (select id, rev, revtype, status, lag(status) over (partition by id order by rev) as previous
                      from commitment_aud) a
                join revision r on r.id = a.rev
                join commitment c on c.id = a.id
                join cycle cy on cy.id = c.cycle_id
                where a.revtype = 1 and a.previous is not null and a.status <> a.previous
                  and not exists (select 1 from check_in_aud ca where ca.rev = a.rev and ca.commitment_id = a.id)""" + cycleFilter + """
                 order by a.rev desc
                fetch first %d rows only""".formatted(LIMIT));
        if (cycleSlug != null) {
            checkIns = checkIns.param("slug", cycleSlug);
            statusChanges = statusChanges.param("slug", cycleSlug);
        }
        events.addAll(checkIns.query((rs, n) -> new Event(
                        Kind.CHECK_IN,
                        "check-in:" + rs.getLong(1) + ":"
                                + rs.getObject(12, OffsetDateTime.class)
                                        .toInstant()
                                        .getEpochSecond(),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        Status.valueOf(rs.getString(7)),
                        null,
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getObject(11, OffsetDateTime.class).toInstant()))
                .list());
        events.addAll(statusChanges
                .query((rs, n) -> new Event(
                        Kind.STATUS_CHANGE,
                        "status:" + rs.getLong(1) + ":" + rs.getLong(10),
                        rs.getLong(1),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        Status.valueOf(rs.getString(7)),
                        Status.valueOf(rs.getString(8)),
                        null,
                        rs.getString(9) == null ? "system" : rs.getString(9),
                        null,
                        Instant.ofEpochMilli(rs.getLong(10))))
                .list());
        events.sort(Comparator.comparing(Event::at).reversed().thenComparing(Event::key));
        return events.size() > LIMIT ? List.copyOf(events.subList(0, LIMIT)) : events;
    }
}
