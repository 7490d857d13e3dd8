package org.tctracker.commitment;

import org.jspecify.annotations.Nullable;

/** A week's progress on one commitment, as a form gives it. */
public record CheckInDraft(
        long commitmentId,
        Status status,
        String note,
        @Nullable Integer percentDone) {}
