package org.tctracker.goal.web;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.tctracker.goal.GoalBoard;
import org.tctracker.goal.Goals;
import org.tctracker.goal.TeamState;

/** Where a team stands, as its row's form posts it. */
public class RowForm {

    @NotNull(message = "Choose where the team stands.")
    private @Nullable TeamState state;

    private @Nullable String reason;
    private @Nullable String planningUrl;
    private @Nullable String completionUrl;
    /** Left unticked, the goal's topic sets the row again from its changes. */
    private boolean byHand = true;

    static RowForm of(GoalBoard.Row row) {
        RowForm form = new RowForm();
        form.state = row.state();
        form.reason = row.reason();
        form.planningUrl = row.planningUrl();
        form.completionUrl = row.completionUrl();
        form.byHand = true;
        return form;
    }

    Goals.RowDraft draft() {
        return new Goals.RowDraft(java.util.Objects.requireNonNull(state), reason, planningUrl, completionUrl, byHand);
    }

    public @Nullable TeamState getState() {
        return state;
    }

    public void setState(@Nullable TeamState state) {
        this.state = state;
    }

    public @Nullable String getReason() {
        return reason;
    }

    public void setReason(@Nullable String reason) {
        this.reason = reason;
    }

    public @Nullable String getPlanningUrl() {
        return planningUrl;
    }

    public void setPlanningUrl(@Nullable String planningUrl) {
        this.planningUrl = planningUrl;
    }

    public @Nullable String getCompletionUrl() {
        return completionUrl;
    }

    public void setCompletionUrl(@Nullable String completionUrl) {
        this.completionUrl = completionUrl;
    }

    public boolean isByHand() {
        return byHand;
    }

    public void setByHand(boolean byHand) {
        this.byHand = byHand;
    }
}
