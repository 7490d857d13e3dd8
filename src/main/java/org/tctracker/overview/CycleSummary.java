package org.tctracker.overview;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A line of the cycles list. */
public record CycleSummary(
        long id,
        String slug,
        String name,
        @Nullable String summit,
        LocalDate startsOn,
        LocalDate endsOn,
        long commitments,
        long closed) {}
