package org.tctracker.commitment;

import java.time.Instant;

/** An unfinished commitment's work moved on to another cycle, as a copy there. */
public record CommitmentCarriedOver(long originalId, long copyId, long fromCycleId, long intoCycleId, Instant at) {}
