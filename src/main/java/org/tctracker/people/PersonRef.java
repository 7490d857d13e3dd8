package org.tctracker.people;

import org.jspecify.annotations.Nullable;

/** A person as the tracker's pages and files name them; the email address is for signed-in readers. */
public record PersonRef(
        long id,
        String ircNick,
        String displayName,
        @Nullable String email) {}
