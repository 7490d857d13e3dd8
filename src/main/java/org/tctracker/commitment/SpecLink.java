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
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;
import org.tctracker.system.StoredRecord;

/**
 * A spec, review, thread or page that carries a commitment's work. When a known source serves its
 * address (a Gerrit change, a Launchpad blueprint), the source keeps its state: the tracker reads
 * it there ({@link LinkReadings}) unless a person detached the link to set the state by hand.
 * Only changed columns are written, so a form saving the title never overwrites a reading made
 * meanwhile.
 */
@Entity
@Audited
@DynamicUpdate
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

    @Enumerated(EnumType.STRING)
    private @Nullable SourceKind sourceKind;

    private @Nullable String source;

    private boolean detached;

    private @Nullable String sourceStatus;

    private @Nullable Instant sourceSince;

    private @Nullable String sourceDetail;

    private @Nullable Integer sourcePatchSet;

    private boolean sourceBlocked;

    @NotAudited
    private @Nullable String sourceName;

    @NotAudited
    private @Nullable Instant syncedAt;

    @NotAudited
    @Column(name = "sync_error")
    private @Nullable String syncError;

    @NotAudited
    private @Nullable Instant syncFailedAt;

    protected SpecLink() {}

    SpecLink(
            Commitment commitment,
            String title,
            WebAddress url,
            LinkKind kind,
            LinkState state,
            LinkSources.@Nullable Served served,
            Instant at) {
        super(at);
        this.commitment = commitment;
        this.title = title;
        this.url = url.value();
        this.kind = kind;
        this.state = state;
        serveFrom(served);
    }

    /**
     * Changes what a link form can change. A new address forgets what the old one's source said
     * and follows the new one's; {@code follow} false detaches the link from its source (the state
     * is then the one typed), true attaches it again.
     */
    void revise(
            String title,
            WebAddress url,
            LinkKind kind,
            LinkState state,
            LinkSources.@Nullable Served served,
            boolean follow) {
        boolean moved = !this.url.equals(url.value());
        this.title = title;
        this.url = url.value();
        this.kind = kind;
        if (moved) {
            serveFrom(served);
        } else if (sourceKind != null) {
            this.detached = !follow;
        }
        if (!isFollowing()) {
            this.state = state;
        }
    }

    private void serveFrom(LinkSources.@Nullable Served served) {
        this.sourceKind = served == null ? null : served.kind();
        this.source = served == null ? null : served.server();
        this.detached = false;
        this.sourceStatus = null;
        this.sourceSince = null;
        this.sourceDetail = null;
        this.sourcePatchSet = null;
        this.sourceBlocked = false;
        this.sourceName = null;
        this.syncedAt = null;
        this.syncError = null;
        this.syncFailedAt = null;
    }

    /** A copy of what another link's source said, for the copy of a commitment carried over. */
    void takeReadingOf(SpecLink other) {
        this.sourceKind = other.sourceKind;
        this.source = other.source;
        this.detached = other.detached;
        this.sourceStatus = other.sourceStatus;
        this.sourceSince = other.sourceSince;
        this.sourceDetail = other.sourceDetail;
        this.sourcePatchSet = other.sourcePatchSet;
        this.sourceBlocked = other.sourceBlocked;
        this.sourceName = other.sourceName;
        this.syncedAt = other.syncedAt;
        this.syncError = other.syncError;
        this.syncFailedAt = other.syncFailedAt;
    }

    /** A source serves this link and keeps its state (nobody detached it). */
    public boolean isFollowing() {
        return sourceKind != null && !detached;
    }

    /** A source serves this link, followed or not. */
    public boolean isServed() {
        return sourceKind != null;
    }

    public @Nullable SourceKind getSourceKind() {
        return sourceKind;
    }

    /** The server that serves this link, as configured ("https://review.opendev.org"). */
    public @Nullable String getSource() {
        return source;
    }

    /** The server's host, the way a person names it. */
    public @Nullable String getSourceHost() {
        return source == null ? null : new WebAddress(source).host();
    }

    public boolean isDetached() {
        return detached;
    }

    public @Nullable String getSourceStatus() {
        return sourceStatus;
    }

    public @Nullable Instant getSourceSince() {
        return sourceSince;
    }

    public @Nullable String getSourceDetail() {
        return sourceDetail;
    }

    public @Nullable Integer getSourcePatchSet() {
        return sourcePatchSet;
    }

    public boolean isSourceBlocked() {
        return sourceBlocked;
    }

    public @Nullable String getSourceName() {
        return sourceName;
    }

    public @Nullable Instant getSyncedAt() {
        return syncedAt;
    }

    public @Nullable String getSyncError() {
        return syncError;
    }

    public @Nullable Instant getSyncFailedAt() {
        return syncFailedAt;
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
