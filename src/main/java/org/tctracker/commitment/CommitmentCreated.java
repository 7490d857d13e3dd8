package org.tctracker.commitment;

import java.time.Instant;

/** Someone made a new commitment in a cycle (a carried-over copy is {@link CommitmentCarriedOver}). */
public record CommitmentCreated(long commitmentId, long cycleId, long ownerId, Instant at) {}
