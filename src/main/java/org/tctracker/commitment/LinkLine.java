package org.tctracker.commitment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A spec link as readers read it. For a link a source keeps: the server ({@code source}), what it
 * said ({@code sourceState}, its own words), when it was last read, and why the last reading
 * failed, if it did.
 */
public record LinkLine(
        long id,
        String title,
        String url,
        LinkKind kind,
        LinkState state,
        @Nullable String source,
        @Nullable String sourceState,
        @Nullable Instant syncedAt,
        @Nullable String syncError) {}
