package org.tctracker.commitment;

/** A spec link as a form gives it. */
public record LinkDraft(String title, WebAddress url, LinkKind kind, LinkState state) {}
