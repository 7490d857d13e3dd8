package org.tctracker.goal;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tctracker.commitment.AcrossTeams;

/** Tells a commitment's page how far its goal has come. */
@Component
class GoalsAcrossTeams implements AcrossTeams {

    private final Goals goals;

    GoalsAcrossTeams(Goals goals) {
        this.goals = goals;
    }

    @Override
    public Optional<String> progressOf(long commitmentId) {
        return Optional.ofNullable(goals.progress(List.of(commitmentId)).get(commitmentId))
                .map(Progress::words);
    }
}
