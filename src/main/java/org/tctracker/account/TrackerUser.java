package org.tctracker.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as the rest of the application sees it, whether it signed in with a
 * password or through the identity provider ({@link ProviderUser}).
 */
public class TrackerUser implements UserDetails, CredentialsContainer {

    /**
     * Kept in signed-in sessions, which live in the database; a fixed version lets sessions
     * survive an upgrade as long as the fields stay compatible.
     */
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private @Nullable String passwordHash;
    private final Role role;
    private final boolean enabled;
    private final @Nullable Long personId;
    private final Instant passwordChangedAt;

    TrackerUser(Account account) {
        this.accountId = account.getId();
        this.username = account.getUsername();
        this.passwordHash = account.getPasswordHash();
        this.role = account.getRole();
        this.enabled = account.isEnabled();
        this.personId = account.getPerson() == null ? null : account.getPerson().getId();
        this.passwordChangedAt = account.getPasswordChangedAt();
    }

    /** The same sign-in with the account's state as it is now (a new role, another person). */
    TrackerUser refreshedFrom(Account account) {
        return new TrackerUser(account);
    }

    /** What a session keeps to say that this account is signed in. */
    Authentication asAuthentication() {
        eraseCredentials();
        return UsernamePasswordAuthenticationToken.authenticated(this, null, getAuthorities());
    }

    public long accountId() {
        return accountId;
    }

    public Role role() {
        return role;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** The person this account speaks for, if an admin has linked one. */
    public @Nullable Long personId() {
        return personId;
    }

    Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrackerUser user && user.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return username;
    }
}
