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
import org.jspecify.annotations.Nullable;

/** A spec, review, thread or page that carries a commitment's work. */
@Entity
@Table(name = "spec_link")
public class SpecLink {

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
    private long version;

    @CreationTimestamp
    private Instant createdAt;

    @UpdateTimestamp
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

    public @Nullable Long getId() {
        return id;
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
