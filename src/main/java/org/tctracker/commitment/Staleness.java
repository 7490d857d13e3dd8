package org.tctracker.commitment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tctracker.cycle.Cycle;
import org.tctracker.system.TrackerProperties;

/**
 * Which commitments need a nudge: open ones, of a cycle in progress, that have gone longer than
 * {@code tracker.stale-after} without a check-in. The time is counted from the latest of the last
 * check-in, the commitment's creation (for a carried-over copy, the carry-over) and the cycle's
 * start, so nothing is stale the day it is made or handed over. A finished cycle's commitments
 * are history, never stale.
 */
@Component
public class Staleness {

    private final Duration staleAfter;
    private final ZoneId zone;

    public Staleness(TrackerProperties properties) {
        this.staleAfter = properties.staleAfter();
        this.zone = properties.zone();
    }

    public boolean isStale(
            Status status, @Nullable LocalDate lastCheckIn, Instant createdAt, Cycle cycle, LocalDate today) {
        return isStale(status, lastCheckIn, createdAt, cycle.getStartsOn(), cycle.phaseOn(today), today);
    }

    public boolean isStale(
            Status status,
            @Nullable LocalDate lastCheckIn,
            Instant createdAt,
            LocalDate cycleStartsOn,
            Cycle.Phase phase,
            LocalDate today) {
        if (!status.isOpen() || phase != Cycle.Phase.IN_PROGRESS) {
            return false;
        }
        return quietSince(lastCheckIn, createdAt, cycleStartsOn).isBefore(today.minusDays(staleAfter.toDays()));
    }

    /** The day a commitment's quiet time is counted from: the longer ago, the longer it has waited. */
    public LocalDate quietSince(@Nullable LocalDate lastCheckIn, Instant createdAt, LocalDate cycleStartsOn) {
        LocalDate since = latest(LocalDate.ofInstant(createdAt, zone), cycleStartsOn);
        return lastCheckIn == null ? since : latest(since, lastCheckIn);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    public long days() {
        return staleAfter.toDays();
    }
}
