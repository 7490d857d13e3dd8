package org.tctracker.commitment;

/** A spec link as readers read it. */
public record LinkLine(long id, String title, String url, LinkKind kind, LinkState state) {}
