package org.tctracker.commitment;

/** A link a source serves was added, or given a new address: its state is to be read there now. */
public record LinkToRead(long commitmentId, long linkId) {}
