package org.tctracker.commitment;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a person asks a commitment to be, before the tracker has checked the people it names. */
public record CommitmentDraft(
        String title,
        String summary,
        long ownerId,
        List<Long> collaboratorIds,
        Status status,
        @Nullable LocalDate targetDate) {}
