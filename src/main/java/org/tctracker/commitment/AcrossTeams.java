package org.tctracker.commitment;

import java.util.Optional;

/**
 * How far a commitment that every project team carries out has come, for its page: "3 of 46 teams
 * done". The goal module answers; the commitments know nothing else of it.
 */
public interface AcrossTeams {

    /** The words for a commitment tracked team by team, or empty for any other. */
    Optional<String> progressOf(long commitmentId);
}
