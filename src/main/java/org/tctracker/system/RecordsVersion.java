package org.tctracker.system;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of the tracker's records as a whole, read from the history: every change to the
 * records, through any instance or from the command line, adds a revision. What changes without
 * being history (a link read again from its source) moves a counter beside it, {@link #touch()}.
 */
@Component
public class RecordsVersion {

    private final JdbcClient jdbc;

    public RecordsVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A number that grows with every change: the newest revision's number plus the counter of
     * changes that are not history; two indexed lookups in one statement.
     */
    public long current() {
        return jdbc.sql("select coalesce(max(id), 0) + (select serial from records_touch where id = 1) from revision")
                .query(Long.class)
                .single();
    }

    /** Records that something readers see changed without a revision (kept pages are rendered again). */
    public void touch() {
        jdbc.sql("update records_touch set serial = serial + 1 where id = 1").update();
    }

    /**
     * A name for the records' present state that changes with every change. It counts the
     * revisions as well as naming the newest: revision numbers are handed out when a change
     * begins, so two changes made at once may commit in the opposite order, and the newest number
     * alone would not move when the slower one lands.
     */
    public String fingerprint() {
        return jdbc.sql(
                        "select count(*) || '.' || coalesce(max(id), 0) || '.' || (select serial from records_touch where id = 1)"
                                + " from revision")
                .query(String.class)
                .single();
    }
}
