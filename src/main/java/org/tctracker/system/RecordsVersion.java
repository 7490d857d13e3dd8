package org.tctracker.system;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of the tracker's records as a whole, read from the history: every change to the
 * records, through any instance or from the command line, adds a revision.
 */
@Component
public class RecordsVersion {

    private final JdbcClient jdbc;

    RecordsVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest revision's number, 0 for a database without any; one indexed lookup. */
    public long current() {
        return jdbc.sql("select coalesce(max(id), 0) from revision")
                .query(Long.class)
                .single();
    }

    /**
     * A name for the records' present state that changes with every change. It counts the
     * revisions as well as naming the newest: revision numbers are handed out when a change
     * begins, so two changes made at once may commit in the opposite order, and the newest number
     * alone would not move when the slower one lands.
     */
    public String fingerprint() {
        return jdbc.sql("select count(*) || '.' || coalesce(max(id), 0) from revision")
                .query(String.class)
                .single();
    }
}
