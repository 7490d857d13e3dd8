package org.tctracker.commitment;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tctracker.cycle.CycleReferences;

/** A cycle stays while it holds commitments. */
@Component
class CommitmentsInCycles implements CycleReferences {

    private final Holdings holdings;

    CommitmentsInCycles(Holdings holdings) {
        this.holdings = holdings;
    }

    @Override
    public Optional<String> describe(long cycleId) {
        Holdings.Counts counts = holdings.ofCycle(cycleId);
        long held = counts.commitments();
        return held == 0 ? Optional.empty() : Optional.of(held + (held == 1 ? " commitment" : " commitments"));
    }
}
