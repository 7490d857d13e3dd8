package org.tctracker.overview;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.tctracker.commitment.Status;

/** A dashboard row: what the dashboard shows of one commitment, and nothing more. */
public record CommitmentRow(
        long id,
        int position,
        String title,
        long ownerId,
        String ownerName,
        String ownerNick,
        Status status,
        long specCount,
        @Nullable LocalDate lastCheckIn,
        Instant createdAt) {}
