package org.tctracker.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Every account that may sign in, or could once. */
public interface Accounts extends Repository<Account, Long> {

    Account save(Account account);

    Account saveAndFlush(Account account);

    long count();

    Optional<Account> findByUsername(String username);

    @Query("select a from Account a left join fetch a.person where a.id = :id")
    Optional<Account> findById(long id);

    @Query("select a from Account a left join fetch a.person order by a.username")
    List<Account> findAllWithPeople();

    long countByPersonId(long personId);

    @Query("select count(a) from Account a where a.role = org.tctracker.account.Role.ADMIN and a.enabled = true")
    long countEnabledAdmins();

    boolean existsByPersonIdAndIdNot(long personId, long id);
}
