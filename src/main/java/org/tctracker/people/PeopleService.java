package org.tctracker.people;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tctracker.system.Admins;
import org.tctracker.system.ChangeRefusedException;
import org.tctracker.system.RecordNotFoundException;
import org.tctracker.system.StaleEditException;

/** Adding, changing and removing people: admin work. */
@Service
@Transactional
public class PeopleService {

    private final People people;
    private final JdbcClient jdbc;

    PeopleService(People people, JdbcClient jdbc) {
        this.people = people;
        this.jdbc = jdbc;
    }

    public record PersonDraft(
            String displayName,
            String ircNick,
            @Nullable String email,
            @Nullable String affiliation) {}

    @Transactional(readOnly = true)
    public Person get(long id) {
        return people.findById(id).orElseThrow(() -> RecordNotFoundException.of("person", id));
    }

    public Person create(PersonDraft draft) {
        Admins.require();
        nickFree(draft.ircNick(), null);
        Person person = new Person(draft.displayName(), draft.ircNick());
        person.revise(draft.displayName(), draft.ircNick(), draft.email(), draft.affiliation());
        return people.save(person);
    }

    public Person update(long id, long loadedVersion, PersonDraft draft) {
        Admins.require();
        Person person = get(id);
        if (person.getVersion() != loadedVersion) {
            throw new StaleEditException(person);
        }
        nickFree(draft.ircNick(), id);
        person.revise(draft.displayName(), draft.ircNick(), draft.email(), draft.affiliation());
        return person;
    }

    /** Removes someone who holds nothing; otherwise says what they still hold. */
    public void delete(long id) {
        Admins.require();
        Person person = get(id);
        int owns = count("select count(*) from commitment where owner_id = ?", id);
        int helps = count("select count(*) from commitment_collaborator where person_id = ?", id);
        int accounts = count("select count(*) from account where person_id = ?", id);
        if (owns + helps + accounts > 0) {
            throw new ChangeRefusedException(
                    "person",
                    person.getDisplayName() + " still owns " + owns + ", helps with " + helps
                            + " commitments and is linked to " + accounts
                            + " account(s); hand those over first.");
        }
        people.delete(person);
    }

    private int count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Integer.class).single();
    }

    private void nickFree(String nick, @Nullable Long except) {
        people.findByIrcNick(nick)
                .filter(other -> except == null || !other.getId().equals(except))
                .ifPresent(other -> {
                    throw new ChangeRefusedException(
                            "ircNick", "The nick " + nick + " already belongs to " + other.getDisplayName() + ".");
                });
    }
}
