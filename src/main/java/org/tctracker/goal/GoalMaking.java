package org.tctracker.goal;

import org.springframework.stereotype.Component;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CommitmentService;

/** Making a commitment a goal: for those who may change the commitment, its owner and admins. */
@Component
public class GoalMaking {

    private final CommitmentService commitments;
    private final Goals goals;

    GoalMaking(CommitmentService commitments, Goals goals) {
        this.commitments = commitments;
        this.goals = goals;
    }

    /** Makes the commitment a goal, or changes its teams, topic and criteria; a 403 for anyone else. */
    public void save(TrackerUser user, long commitmentId, Goals.GoalDraft draft) {
        commitments.changeable(user, commitmentId);
        goals.save(commitmentId, draft);
    }
}
