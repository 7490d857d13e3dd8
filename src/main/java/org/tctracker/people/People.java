package org.tctracker.people;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Everyone the tracker knows. */
public interface People extends Repository<Person, Long> {

    Optional<Person> findById(long id);

    Optional<Person> findByIrcNick(String ircNick);

    List<Person> findByEmailIgnoreCase(String email);

    Person save(Person person);

    void delete(Person person);

    List<Person> findAllByOrderByDisplayNameAscIrcNickAsc();
}
