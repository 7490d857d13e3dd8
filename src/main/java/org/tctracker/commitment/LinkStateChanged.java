package org.tctracker.commitment;

import java.time.Instant;

/** One of a commitment's links changed state: a review merged, a spec approved. */
public record LinkStateChanged(long commitmentId, long linkId, String url, LinkState from, LinkState to, Instant at) {}
