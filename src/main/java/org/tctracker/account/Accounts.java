package org.tctracker.account;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Every account that may sign in, or could once. */
public interface Accounts extends Repository<Account, Long> {

    Account save(Account account);

    Account saveAndFlush(Account account);

    long count();

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("select a from Account a left join fetch a.person"
            + " where a.providerIssuer = :issuer and a.providerSubject = :subject")
    Optional<Account> findByProvider(String issuer, String subject);

    @Query("select a from Account a left join fetch a.person where a.id = :id")
    Optional<Account> findById(long id);

    @Query("select a from Account a left join fetch a.person order by a.username")
    List<Account> findAllWithPeople();

    long countByPersonId(long personId);

    /**
     * The enabled admins, each row locked until the transaction ends: two admins taking each
     * other's role at the same moment are then counted one after the other, never both as "one
     * more admin remains".
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.role = org.tctracker.account.Role.ADMIN and a.enabled = true"
            + " order by a.id")
    List<Account> lockEnabledAdmins();

    boolean existsByPersonIdAndIdNot(long personId, long id);
}
