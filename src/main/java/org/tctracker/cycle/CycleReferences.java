package org.tctracker.cycle;

import java.util.Optional;

/**
 * What of another module's still lies in a cycle, so that the cycle is not removed from under it.
 * The commitments implement it; cycles ask it without knowing them.
 */
public interface CycleReferences {

    /** What still lies in the cycle, in a few words ("9 commitments"), or empty for nothing. */
    Optional<String> describe(long cycleId);
}
