package org.tctracker.people;

import java.util.Optional;

/**
 * What of another module's still names a person, so that the person is not removed from under
 * it. The modules that point at people (commitments, accounts) implement it; people ask it
 * without knowing them, in the order the implementations give with {@code @Order}.
 */
public interface PersonReferences {

    /** What still names the person, in a few words ("is linked to 1 account"), or empty for nothing. */
    Optional<String> describe(long personId);
}
