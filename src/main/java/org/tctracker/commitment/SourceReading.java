package org.tctracker.commitment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a source said about a link: the state it maps to, and its own words for it.
 *
 * @param state the tracker's state for what the source says
 * @param status the source's own word for the status ("Merged", "Fix Released")
 * @param since when that status began, where the source says (the merge, the completion)
 * @param detail what else the source says: a review's votes ("Code-Review +2 ×2, Workflow +1"),
 *     a story's tasks ("2 merged, 1 to do"); empty when nothing
 * @param patchSet the current patch set of a review, if the source has them
 * @param blocked a reviewer has blocked it (Gerrit's Code-Review −2)
 * @param name a short name for the record there, such as "oslo-specs 245422"
 * @param changedAt when the record last changed there, where the source says
 */
public record SourceReading(
        LinkState state,
        String status,
        @Nullable Instant since,
        String detail,
        @Nullable Integer patchSet,
        boolean blocked,
        String name,
        @Nullable Instant changedAt) {}
