package org.tctracker.overview;

import org.jspecify.annotations.Nullable;

/** A line of the people list. */
public record PersonSummary(
        long id,
        String displayName,
        String ircNick,
        @Nullable String affiliation,
        long owned,
        long ownedOpen) {}
