package org.tctracker.account;

import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tctracker.people.PersonReferences;

/** A person an account speaks for stays until the account is linked to someone else. */
@Component
@Order(2)
class AccountsOfPeople implements PersonReferences {

    private final Accounts accounts;

    AccountsOfPeople(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<String> describe(long personId) {
        long linked = accounts.countByPersonId(personId);
        return linked == 0
                ? Optional.empty()
                : Optional.of("is linked to " + linked + (linked == 1 ? " account" : " accounts"));
    }
}
