package org.tctracker.commitment;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.tctracker.cycle.IsoWeek;

/** A week's check-in as readers read it: pages, files, feeds, the digest. */
public record CheckInLine(
        long id,
        long commitmentId,
        IsoWeek week,
        LocalDate checkedOn,
        Status status,
        @Nullable Integer percentDone,
        String author,
        String note,
        Instant updatedAt) {}
