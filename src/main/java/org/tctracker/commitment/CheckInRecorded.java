package org.tctracker.commitment;

import java.time.Instant;
import org.tctracker.cycle.IsoWeek;

/**
 * Someone recorded a week's progress on a commitment, or amended that week's check-in.
 *
 * @param amended whether the week already had a check-in, which this one replaced
 */
public record CheckInRecorded(
        long commitmentId, long cycleId, IsoWeek week, Status status, String author, boolean amended, Instant at) {}
