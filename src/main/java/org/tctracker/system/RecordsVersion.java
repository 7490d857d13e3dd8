package org.tctracker.system;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of the tracker's records as a whole: the newest history revision. Every change to
 * the records, through any instance or from the command line, makes a new one, so an answer made
 * from the records stays valid exactly as long as this number does not move.
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
}
