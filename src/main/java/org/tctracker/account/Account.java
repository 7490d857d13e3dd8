package org.tctracker.account;

import jakarta.persistence.Entity;
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
@Table(name = "account")
public class Account extends StoredRecord {

    private String username;

    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean enabled;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    private @Nullable Person person;

    private Instant passwordChangedAt;

    protected Account() {}

    public Account(String username, String passwordHash, Role role, Instant now) {
        super(now);
        this.username = Usernames.normalize(username);
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.passwordChangedAt = now.truncatedTo(ChronoUnit.MICROS);
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

    String getPasswordHash() {
        return passwordHash;
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
