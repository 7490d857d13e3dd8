package org.tctracker.support;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tctracker.account.AccountService;
import org.tctracker.account.Role;
import org.tctracker.account.TrackerUser;
import org.tctracker.people.People;
import org.tctracker.people.Person;

/**
 * The accounts a test signs in as: an admin, the Mitaka owner's editor account, an editor who
 * collaborates, one who holds nothing, and one linked to nobody. Created once per database.
 */
public final class Team {

    public static final String PASSWORD = "mitaka gate stays green";

    private final AccountService accounts;
    private final People people;
    private final UserDetailsService users;

    public Team(AccountService accounts, People people, UserDetailsService users) {
        this.accounts = accounts;
        this.people = people;
        this.users = users;
    }

    /** Makes sure the accounts exist, and returns the people they speak for by username. */
    public Map<String, Person> assemble() {
        Person lifeless = people.findByIrcNick("lifeless").orElseThrow();
        Person helper =
                people.findByIrcNick("helper").orElseGet(() -> people.save(new Person("Hattie Helper", "helper")));
        Person other = people.findByIrcNick("other").orElseGet(() -> people.save(new Person("Otto Other", "other")));
        ensure("chair", Role.ADMIN, null);
        ensure("owner-ed", Role.EDITOR, lifeless.getId());
        ensure("helper-ed", Role.EDITOR, helper.getId());
        ensure("other-ed", Role.EDITOR, other.getId());
        ensure("unlinked-ed", Role.EDITOR, null);
        return Map.of("owner-ed", lifeless, "helper-ed", helper, "other-ed", other);
    }

    public TrackerUser user(String username) {
        return (TrackerUser) users.loadUserByUsername(username);
    }

    private void ensure(String username, Role role, @Nullable Long personId) {
        if (accounts.all().stream().noneMatch(a -> a.getUsername().equals(username))) {
            accounts.create(username, role, personId, PASSWORD);
        }
    }
}
