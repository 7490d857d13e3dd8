package org.tctracker.commitment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;
import org.tctracker.cycle.IsoWeek;
import org.tctracker.system.StoredRecord;

/** One week's progress on a commitment, written by its owner or a collaborator. */
@Entity
@Audited
@Table(name = "check_in")
public class CheckIn extends StoredRecord {

    public static final int MAX_NOTE_LENGTH = 5_000;
    public static final int MAX_AUTHOR_LENGTH = 120;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "commitment_id")
    private Commitment commitment;

    @Column(name = "iso_week")
    private String isoWeek;

    private LocalDate checkedOn;

    private String author;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String note;

    private @Nullable Integer percentDone;

    protected CheckIn() {}

    /** A week's first check-in, made at a moment of the application's clock; an amendment moves its last change. */
    CheckIn(
            Commitment commitment,
            Instant at,
            LocalDate checkedOn,
            String author,
            Status status,
            String note,
            @Nullable Integer percentDone) {
        super(at);
        this.commitment = commitment;
        this.isoWeek = IsoWeek.of(checkedOn).toString();
        this.checkedOn = checkedOn;
        this.author = author;
        this.status = status;
        this.note = note;
        this.percentDone = percentDone;
    }

    CheckIn amend(Instant at, LocalDate day, String author, Status status, String note, @Nullable Integer percentDone) {
        changedAt(at);
        this.checkedOn = day;
        this.author = author;
        this.status = status;
        this.note = note;
        this.percentDone = percentDone;
        return this;
    }

    public long getCommitmentId() {
        return commitment.getId();
    }

    public IsoWeek getWeek() {
        return IsoWeek.parse(isoWeek);
    }

    public LocalDate getCheckedOn() {
        return checkedOn;
    }

    public String getAuthor() {
        return author;
    }

    public Status getStatus() {
        return status;
    }

    public String getNote() {
        return note;
    }

    public @Nullable Integer getPercentDone() {
        return percentDone;
    }
}
