package org.tctracker.system;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;
import org.jspecify.annotations.Nullable;

/** One saved change set in the history: when it happened and who made it. */
@Entity
@Table(name = "revision")
@RevisionEntity(RevisionAuthor.class)
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    private long id;

    @RevisionTimestamp
    private long changedAt;

    private @Nullable String username;

    public long getId() {
        return id;
    }

    public Instant getChangedAt() {
        return Instant.ofEpochMilli(changedAt);
    }

    /** The account that made the change, or a name for the tracker itself (a migration, an import). */
    public String getUsername() {
        return username == null ? "system" : username;
    }

    void setUsername(String username) {
        this.username = username;
    }

    void setChangedAt(Instant changedAt) {
        this.changedAt = changedAt.toEpochMilli();
    }
}
