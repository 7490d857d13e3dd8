package org.tctracker.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.tctracker.people.Person;
import org.tctracker.system.StoredRecord;

/** Someone who may sign in and change things. */
@Entity
@EntityListeners(AccountStates.Changes.class)
@Table(name = "account")
public class Account extends StoredRecord {

    private String username;

    /** None for an account that signs in only through the identity provider. */
    private @Nullable String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean enabled;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    private @Nullable Person person;

    private Instant passwordChangedAt;

    /** The identity provider's issuer and subject ("sub") of the person who signs in this way. */
    private @Nullable String providerIssuer;

    private @Nullable String providerSubject;

    private @Nullable String providerName;

    private @Nullable String providerEmail;

    /** Made at a first sign-in through the provider, for a person the tracker could not tell. */
    private boolean awaitingLink;

    protected Account() {}

    public Account(String username, @Nullable String passwordHash, Role role, Instant now) {
        super(now);
        this.username = Usernames.normalize(username);
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.passwordChangedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** An account made at someone's first sign-in through the identity provider. */
    static Account fromProvider(String username, ProviderIdentity identity, Instant now) {
        Account account = new Account(username, null, Role.EDITOR, now);
        account.providerIssuer = identity.issuer();
        account.providerSubject = identity.subject();
        account.saw(identity);
        return account;
    }

    /** Keeps what the provider said about the person at their latest sign-in. */
    void saw(ProviderIdentity identity) {
        this.providerName = identity.shortName();
        this.providerEmail = identity.shortEmail();
    }

    void awaitLink() {
        this.awaitingLink = true;
    }

    void linkedOrRefused() {
        this.awaitingLink = false;
    }

    public void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        // The column keeps microseconds; so must the copy a signed-in session compares against.
        this.passwordChangedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    public void changeRole(Role role) {
        this.role = role;
    }

    public void linkTo(@Nullable Person person) {
        this.person = person;
    }

    public String getUsername() {
        return username;
    }

    @Nullable
    String getPasswordHash() {
        return passwordHash;
    }

    /** Whether this account can sign in with a password here (one from the provider may not). */
    public boolean hasPassword() {
        return passwordHash != null;
    }

    /** Whether this account signs in through the identity provider. */
    public boolean isFromProvider() {
        return providerSubject != null;
    }

    public @Nullable String getProviderName() {
        return providerName;
    }

    public @Nullable String getProviderEmail() {
        return providerEmail;
    }

    public boolean isAwaitingLink() {
        return awaitingLink;
    }

    public Role getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public @Nullable Person getPerson() {
        return person;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }
}
