package org.tctracker.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tctracker.people.People;
import org.tctracker.people.Person;
import org.tctracker.system.RecordNotFoundException;

/**
 * The changes that can be made to accounts, with the rules that keep the tracker manageable: there
 * is always an enabled admin, nobody disables themselves, a person speaks through one account.
 */
@Service
public class AccountService {

    private final Accounts accounts;
    private final People people;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final Clock clock;

    private final SignedInSessions sessions;
    private final LoginThrottle throttle;

    /** Where wrong current passwords are counted from, beside the sign-in page's client addresses. */
    private static final String ACCOUNT_PAGE = "account page";

    AccountService(
            Accounts accounts,
            People people,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            Clock clock,
            SignedInSessions sessions,
            LoginThrottle throttle) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.people = people;
        this.encoder = encoder;
        this.policy = policy;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Account> all() {
        return accounts.findAllWithPeople();
    }

    /** The username of the enabled account that speaks for this person, if there is one. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> usernameFor(long personId) {
        return accounts.findAllWithPeople().stream()
                .filter(a -> a.isEnabled()
                        && a.getPerson() != null
                        && a.getPerson().getId().equals(personId))
                .map(Account::getUsername)
                .findFirst();
    }

    @Transactional(readOnly = true)
    public Account get(long id) {
        return accounts.findById(id).orElseThrow(() -> RecordNotFoundException.of("account", id));
    }

    @Transactional
    public Account create(String username, Role role, @Nullable Long personId, String password) {
        String normalized = Usernames.normalize(username);
        Usernames.problemWith(normalized).ifPresent(this::refuse);
        if (accounts.findByUsername(normalized).isPresent()) {
            refuse("There is already an account called " + normalized + ".");
        }
        policy.problemWith(password, normalized).ifPresent(this::refuse);
        Account account = new Account(normalized, encoder.encode(password), role, clock.instant());
        Account saved = accounts.save(account);
        if (personId != null) {
            saved.linkTo(personNotLinkedElsewhere(personId, saved.getId()));
        }
        return saved;
    }

    /**
     * The account of someone the identity provider has just signed in: theirs if their subject is
     * known, else a new one, linked to the one person with that email when the provider says the
     * email is verified, else waiting for an admin. A disabled account stays disabled.
     */
    @Transactional
    Account signInFromProvider(ProviderIdentity identity, OidcSettings settings) {
        Account account =
                accounts.findByProvider(identity.issuer(), identity.subject()).orElse(null);
        if (account == null) {
            account = accounts.save(
                    Account.fromProvider(freeUsername(identity.usernameHint()), identity, clock.instant()));
            Person person = onlyUnlinkedPersonWith(identity);
            if (person != null) {
                account.linkTo(person);
            } else {
                account.awaitLink();
            }
        } else if (!account.isEnabled()) {
            throw new AccountChangeRefusedException("This account is disabled; ask an admin.");
        } else {
            account.saw(identity);
        }
        Account signedIn = account;
        settings.grantsAdmin(identity.claims()).ifPresent(admin -> {
            if (admin) {
                signedIn.changeRole(Role.ADMIN);
            } else if (signedIn.getRole() == Role.ADMIN && !isLastEnabledAdmin(signedIn)) {
                signedIn.changeRole(Role.EDITOR);
            }
        });
        return signedIn;
    }

    private @Nullable Person onlyUnlinkedPersonWith(ProviderIdentity identity) {
        if (!identity.emailVerified() || identity.email() == null) {
            return null;
        }
        List<Person> withEmail = people.findByEmailIgnoreCase(identity.email());
        if (withEmail.size() != 1 || accounts.countByPersonId(withEmail.get(0).getId()) > 0) {
            return null;
        }
        return withEmail.get(0);
    }

    /** The hint itself if nobody has it, else the hint with the first free number: jdoe-2. */
    private String freeUsername(String hint) {
        String candidate = hint;
        for (int n = 2; accounts.existsByUsername(candidate); n++) {
            candidate = hint + "-" + n;
        }
        return candidate;
    }

    /** The accounts made at a first sign-in through the provider that an admin has yet to look at. */
    @Transactional(readOnly = true)
    public List<Account> awaitingLink() {
        return accounts.findAllWithPeople().stream()
                .filter(Account::isAwaitingLink)
                .toList();
    }

    /** An admin says whom a waiting account speaks for: it may now change what that person holds. */
    @Transactional
    public void linkWaiting(long accountId, long personId) {
        Account account = get(accountId);
        account.linkTo(personNotLinkedElsewhere(personId, accountId));
        account.linkedOrRefused();
    }

    /** An admin does not know a waiting account: it is disabled, and stays so at its next sign-in. */
    @Transactional
    public void refuseWaiting(long accountId, long actingAccountId) {
        setEnabled(accountId, false, actingAccountId);
        get(accountId).linkedOrRefused();
    }

    @Transactional
    public void changeOwnPassword(long accountId, String currentPassword, String newPassword) {
        Account account = get(accountId);
        if (!account.hasPassword()) {
            refuse("Your account signs in through the identity provider and has no password here.");
        }
        // Counted for this account alone: one person's typos never pause anyone else's change.
        if (throttle.begin(account.getUsername(), ACCOUNT_PAGE + " " + account.getId())
                .blocked()) {
            refuse("Too many wrong passwords. Wait 15 minutes, then try again.");
        }
        if (!encoder.matches(currentPassword, java.util.Objects.requireNonNull(account.getPasswordHash()))) {
            refuse("The current password is not right.");
        }
        throttle.succeeded(account.getUsername());
        policy.problemWith(newPassword, account.getUsername()).ifPresent(this::refuse);
        account.changePassword(encoder.encode(newPassword), clock.instant());
    }

    /** After changing your own password, this session stays signed in; your other sessions end. */
    public void keepSignedIn(long accountId, HttpServletRequest request, HttpServletResponse response) {
        sessions.refresh(accountId, request, response);
    }

    @Transactional
    public void resetPassword(long accountId, String newPassword) {
        Account account = get(accountId);
        policy.problemWith(newPassword, account.getUsername()).ifPresent(this::refuse);
        account.changePassword(encoder.encode(newPassword), clock.instant());
    }

    @Transactional
    public void setEnabled(long accountId, boolean enabled, long actingAccountId) {
        Account account = get(accountId);
        if (!enabled) {
            if (accountId == actingAccountId) {
                refuse("You cannot disable your own account.");
            }
            refuseLastEnabledAdmin(account);
            account.disable();
        } else {
            account.enable();
        }
    }

    @Transactional
    public void changeRole(long accountId, Role role, long actingAccountId) {
        Account account = get(accountId);
        if (account.getRole() == Role.ADMIN && role != Role.ADMIN) {
            if (accountId == actingAccountId) {
                refuse("You cannot take away your own admin role.");
            }
            refuseLastEnabledAdmin(account);
        }
        account.changeRole(role);
    }

    @Transactional
    public void linkToPerson(long accountId, @Nullable Long personId) {
        Account account = get(accountId);
        account.linkTo(personId == null ? null : personNotLinkedElsewhere(personId, accountId));
        if (personId != null) {
            account.linkedOrRefused();
        }
    }

    private Person personNotLinkedElsewhere(long personId, long accountId) {
        Person person = people.findById(personId)
                .orElseThrow(
                        () -> new AccountChangeRefusedException("There is no such person; choose one from the list."));
        if (accounts.existsByPersonIdAndIdNot(personId, accountId)) {
            refuse(person.getDisplayName() + " is already linked to another account.");
        }
        return person;
    }

    /** Whoever else changes an admin at the same moment waits for this transaction to end. */
    private void refuseLastEnabledAdmin(Account account) {
        if (isLastEnabledAdmin(account)) {
            refuse("This is the last enabled admin; make someone else an admin first.");
        }
    }

    private boolean isLastEnabledAdmin(Account account) {
        List<Account> enabledAdmins = accounts.lockEnabledAdmins();
        return account.getRole() == Role.ADMIN
                && account.isEnabled()
                && enabledAdmins.stream().allMatch(admin -> admin.getId().equals(account.getId()));
    }

    private void refuse(String message) {
        throw new AccountChangeRefusedException(message);
    }
}
