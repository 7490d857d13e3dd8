package org.tctracker.commitment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.tctracker.system.StoredRecord;

/** A spec, review, thread or page that carries a commitment's work. */
@Entity
@Audited
@Table(name = "spec_link")
public class SpecLink extends StoredRecord {

    public static final int MAX_TITLE_LENGTH = 200;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "commitment_id")
    private Commitment commitment;

    private String title;

    private String url;

    @Enumerated(EnumType.STRING)
    private LinkKind kind;

    @Enumerated(EnumType.STRING)
    private LinkState state;

    protected SpecLink() {}

    SpecLink(Commitment commitment, String title, WebAddress url, LinkKind kind, LinkState state) {
        this.commitment = commitment;
        this.title = title;
        this.url = url.value();
        this.kind = kind;
        this.state = state;
    }

    void revise(String title, WebAddress url, LinkKind kind, LinkState state) {
        this.title = title;
        this.url = url.value();
        this.kind = kind;
        this.state = state;
    }

    public Commitment getCommitment() {
        return commitment;
    }

    public String getTitle() {
        return title;
    }

    public String getUrl() {
        return url;
    }

    public LinkKind getKind() {
        return kind;
    }

    public LinkState getState() {
        return state;
    }
}
