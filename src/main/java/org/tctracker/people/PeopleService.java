package org.tctracker.people;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tctracker.system.AdminsOnly;
import org.tctracker.system.ChangeRefusedException;
import org.tctracker.system.RecordNotFoundException;
import org.tctracker.system.StaleEditException;

/** Adding, changing and removing people: admin work. */
@Service
@Transactional
public class PeopleService {

    private final People people;
    private final List<PersonReferences> references;

    PeopleService(People people, List<PersonReferences> references) {
        this.people = people;
        this.references = references;
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

    @AdminsOnly
    public Person create(PersonDraft draft) {
        nickFree(draft.ircNick(), null);
        Person person = new Person(draft.displayName(), draft.ircNick());
        person.revise(draft.displayName(), draft.ircNick(), draft.email(), draft.affiliation());
        return people.save(person);
    }

    @AdminsOnly
    public Person update(long id, long loadedVersion, PersonDraft draft) {
        Person person = get(id);
        if (person.getVersion() != loadedVersion) {
            throw new StaleEditException(person);
        }
        nickFree(draft.ircNick(), id);
        person.revise(draft.displayName(), draft.ircNick(), draft.email(), draft.affiliation());
        return person;
    }

    /** Removes someone who holds nothing; otherwise says what they still hold. */
    @AdminsOnly
    public void delete(long id) {
        Person person = get(id);
        List<String> held = references.stream()
                .map(reference -> reference.describe(id))
                .flatMap(Optional::stream)
                .toList();
        if (!held.isEmpty()) {
            throw new ChangeRefusedException(
                    "person",
                    person.getDisplayName() + " still " + String.join(" and ", held) + "; hand those over first.");
        }
        people.delete(person);
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
