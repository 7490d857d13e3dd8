package org.tctracker.overview;

import org.tctracker.commitment.Status;

/** A commitment someone owns or collaborates on, as their page lists it. */
public record HeldCommitment(
        long id, String cycleSlug, String cycleName, int position, String title, Status status, boolean owner) {}
