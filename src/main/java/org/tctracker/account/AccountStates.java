package org.tctracker.account;

import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the check on every signed-in request needs to know of an account, read from the database at
 * most once every {@link #KEPT}. A change made through this instance is seen at its next request;
 * one made elsewhere (another instance, a command, plain SQL) within {@code KEPT}.
 */
@Component
class AccountStates {

    static final Duration KEPT = Duration.ofSeconds(5);

    /** The parts of an account that decide whether a sign-in still holds, and as whom. */
    record State(
            boolean enabled,
            Instant passwordChangedAt,
            Role role,
            @Nullable Long personId) {

        static State of(Account account) {
            return new State(
                    account.isEnabled(),
                    account.getPasswordChangedAt(),
                    account.getRole(),
                    account.getPerson() == null ? null : account.getPerson().getId());
        }

        /** Disabled, or its password changed since this sign-in: the sign-in no longer holds. */
        boolean endsSignIn(TrackerUser user) {
            return !enabled || !passwordChangedAt.equals(user.passwordChangedAt());
        }

        /** A new role or another person than the sign-in knows. */
        boolean changes(TrackerUser user) {
            return role != user.role() || !Objects.equals(personId, user.personId());
        }
    }

    private record Read(Optional<State> state, Instant at) {}

    private final Accounts accounts;
    private final Clock clock;
    private final Map<Long, Read> read = new ConcurrentHashMap<>();

    AccountStates(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The account's state as a sign-in should take it, none if the account is gone. A state read
     * in the last few seconds is trusted only to confirm the sign-in: one that disagrees with it (a
     * new sign-in after a password change, say) is read again before anyone is signed out.
     */
    Optional<State> of(TrackerUser user) {
        Instant now = clock.instant();
        Read known = read.get(user.accountId());
        if (known != null
                && !known.at().isAfter(now)
                && known.at().plus(KEPT).isAfter(now)
                && known.state()
                        .filter(s -> !s.endsSignIn(user) && !s.changes(user))
                        .isPresent()) {
            return known.state();
        }
        return readNow(user.accountId(), now);
    }

    private Optional<State> readNow(long accountId, Instant now) {
        Optional<State> state = accounts.findById(accountId).map(State::of);
        read.put(accountId, new Read(state, now));
        return state;
    }

    void forget(long accountId) {
        read.remove(accountId);
    }

    /** Hibernate calls this whenever it writes an account: its state is read afresh next time. */
    static final class Changes {

        private final ObjectProvider<AccountStates> states;

        Changes(ObjectProvider<AccountStates> states) {
            this.states = states;
        }

        @PostUpdate
        @PostRemove
        void changed(Account account) {
            long id = account.getId();
            states.ifAvailable(kept -> {
                kept.forget(id);
                // and again once committed, in case a request read the old state in between
                if (TransactionSynchronizationManager.isSynchronizationActive()) {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            kept.forget(id);
                        }
                    });
                }
            });
        }
    }
}
