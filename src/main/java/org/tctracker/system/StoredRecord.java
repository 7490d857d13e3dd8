package org.tctracker.system;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;

/**
 * What every record the tracker keeps has: an id the database gives it, a version that stops one
 * person's edit overwriting another's, and when it was made and last changed. Those two times
 * come from the application's clock where the domain reads them (a commitment counts from the
 * week it was made; a check-in's time orders the activity list), and from the machine's
 * otherwise. None of the four is part of a record's history.
 */
@MappedSuperclass
public abstract class StoredRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    @NotAudited
    private long version;

    @NotAudited
    @Column(updatable = false)
    private Instant createdAt;

    @NotAudited
    private Instant updatedAt;

    /** Set when the domain said when this change happened, so the machine's time does not override it. */
    @Transient
    private boolean changeTimed;

    /** For loading from the database, which then sets every field. */
    protected StoredRecord() {
        this(Instant.now());
    }

    protected StoredRecord(Instant createdAt) {
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Records when the change being made happened, by the application's clock. */
    protected void changedAt(Instant at) {
        this.updatedAt = at;
        this.changeTimed = true;
    }

    @PreUpdate
    void stampChange() {
        if (!changeTimed) {
            updatedAt = Instant.now();
        }
        changeTimed = false;
    }

    public Long getId() {
        if (id == null) {
            throw new IllegalStateException("This " + getClass().getSimpleName() + " has not been saved yet");
        }
        return id;
    }

    /** Whether the database has given this record its id yet. */
    protected boolean isSaved() {
        return id != null;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
