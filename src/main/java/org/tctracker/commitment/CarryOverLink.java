package org.tctracker.commitment;

/** One step of a line of work: a commitment, where it stood, and the copy carried over from it. */
public record CarryOverLink(long originalId, long originalCycleId, int originalPosition, long copyId) {}
