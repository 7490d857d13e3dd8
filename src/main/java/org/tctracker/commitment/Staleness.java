package org.tctracker.commitment;

import java.time.Duration;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tctracker.cycle.Cycle;
import org.tctracker.system.TrackerProperties;

/**
 * Which commitments need a nudge: open ones, of a cycle in progress, whose last check-in is older
 * than {@code tracker.stale-after}, or that have none. A finished cycle's commitments are history,
 * never stale.
 */
@Component
public class Staleness {

    private final Duration staleAfter;

    public Staleness(TrackerProperties properties) {
        this.staleAfter = properties.staleAfter();
    }

    public boolean isStale(Status status, @Nullable LocalDate lastCheckIn, Cycle cycle, LocalDate today) {
        return isStale(status, lastCheckIn, cycle.phaseOn(today), today);
    }

    public boolean isStale(Status status, @Nullable LocalDate lastCheckIn, Cycle.Phase phase, LocalDate today) {
        if (!status.isOpen() || phase != Cycle.Phase.IN_PROGRESS) {
            return false;
        }
        return lastCheckIn == null || lastCheckIn.isBefore(today.minusDays(staleAfter.toDays()));
    }

    public long days() {
        return staleAfter.toDays();
    }
}
