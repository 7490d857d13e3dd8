package org.tctracker.commitment;

import java.time.Instant;

/** A commitment moved from one status to another, by a check-in or an edit. */
public record StatusChanged(long commitmentId, long cycleId, Status from, Status to, Instant at) {}
