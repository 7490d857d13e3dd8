package org.tctracker.people;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * People as other modules name them, read in one statement for any number of them: plain SQL, so
 * the command line reads people the same way the pages do.
 */
@Component
public class PeopleDirectory {

    private final JdbcClient jdbc;

    public PeopleDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The named people, by id; ids that name nobody are left out. */
    public Map<Long, PersonRef> byIds(Collection<Long> ids) {
        Map<Long, PersonRef> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select id, irc_nick, display_name, email from person where id in (:ids)")
                .param("ids", List.copyOf(ids))
                .query(rs -> {
                    found.put(
                            rs.getLong(1),
                            new PersonRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return found;
    }

    /** Everyone, by name, with their affiliation. */
    public List<Listed> all() {
        return jdbc.sql("""
                        select id, irc_nick, display_name, email, affiliation from person
                        order by lower(display_name), irc_nick""")
                .query((rs, n) -> new Listed(
                        new PersonRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                        rs.getString(5)))
                .list();
    }

    /** A person in the list of everyone. */
    public record Listed(
            PersonRef person,
            @org.jspecify.annotations.Nullable String affiliation) {}
}
