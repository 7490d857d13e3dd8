package org.tctracker.goal.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tctracker.goal.Goals;

/** What makes a commitment a goal, as its form posts it. */
public class GoalForm {

    private boolean everyTeam = true;
    private List<Long> teamIds = new ArrayList<>();
    private @Nullable String topic;
    private String criteria = "";

    static GoalForm of(Goals.Settings settings) {
        GoalForm form = new GoalForm();
        form.everyTeam = settings.everyTeam();
        form.teamIds = new ArrayList<>(settings.teamIds());
        form.topic = settings.topic();
        form.criteria = settings.criteria();
        return form;
    }

    Goals.GoalDraft draft() {
        return new Goals.GoalDraft(everyTeam, new LinkedHashSet<>(teamIds), topic, criteria == null ? "" : criteria);
    }

    public boolean isEveryTeam() {
        return everyTeam;
    }

    public void setEveryTeam(boolean everyTeam) {
        this.everyTeam = everyTeam;
    }

    public List<Long> getTeamIds() {
        return teamIds;
    }

    public void setTeamIds(@Nullable List<Long> teamIds) {
        this.teamIds = teamIds == null ? new ArrayList<>() : new ArrayList<>(teamIds);
        this.teamIds.removeIf(java.util.Objects::isNull);
    }

    public @Nullable String getTopic() {
        return topic;
    }

    public void setTopic(@Nullable String topic) {
        this.topic = topic;
    }

    public String getCriteria() {
        return criteria;
    }

    public void setCriteria(@Nullable String criteria) {
        this.criteria = criteria == null ? "" : criteria;
    }
}
