package org.tctracker.commitment;

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
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;

/** A spec, review, thread or page that carries a commitment's work. */
@Entity
@Audited
@Table(name = "spec_link")
public class SpecLink {

    public static final int MAX_TITLE_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "commitment_id")
    private Commitment commitment;

    private String title;

    private String url;

    @Enumerated(EnumType.STRING)
    private LinkKind kind;

    @Enumerated(EnumType.STRING)
    private LinkState state;

    @Version
    @NotAudited
    private long version;

    @CreationTimestamp
    @NotAudited
    private Instant createdAt;

    @UpdateTimestamp
    @NotAudited
    private Instant updatedAt;

    protected SpecLink() {}

    SpecLink(Commitment commitment, String title, WebAddress url, LinkKind kind, LinkState state) {
        this.commitment = commitment;
        this.title = title;
        this.url = url.value();
        this.kind = kind;
        this.state = state;
        this.createdAt = Instant.now();
        this.updatedAt = this.createdAt;
    }

    void revise(String title, WebAddress url, LinkKind kind, LinkState state) {
        this.title = title;
        this.url = url.value();
        this.kind = kind;
        this.state = state;
    }

    public Long getId() {
        if (id == null) {
            throw new IllegalStateException("Link " + title + " has not been saved yet");
        }
        return id;
    }

    public Commitment getCommitment() {
        return commitment;
    }

    public long getVersion() {
        return version;
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
