package org.tctracker.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.jspecify.annotations.Nullable;
import org.tctracker.people.Person;

/** Someone who may sign in and change things. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String username;

    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean enabled;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    private @Nullable Person person;

    private Instant passwordChangedAt;

    @Version
    private long version;

    @CreationTimestamp
    private Instant createdAt;

    @UpdateTimestamp
    private Instant updatedAt;

    protected Account() {}

    public Account(String username, String passwordHash, Role role, Instant now) {
        this.username = Usernames.normalize(username);
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.passwordChangedAt = now.truncatedTo(ChronoUnit.MICROS);
        this.createdAt = now;
        this.updatedAt = now;
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

    public Long getId() {
        if (id == null) {
            throw new IllegalStateException("Account " + username + " has not been saved yet");
        }
        return id;
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

    public long getVersion() {
        return version;
    }
}
