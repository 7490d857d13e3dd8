package org.tctracker.goal;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one way a row is added: not started, with its first event, so the burn-up starts from it. */
final class GoalRows {

    static final String ADDED_BY = "tracker";

    private GoalRows() {}

    /** Gives every goal for every team a row for each team that has none. */
    static void addMissingRows(JdbcClient jdbc, Instant now) {
        var at = Teams.at(now);
        jdbc.sql("""
                        insert into goal_team (goal_id, team_id, state, by_hand, updated_by, updated_at)
                        select g.commitment_id, t.id, 'NOT_STARTED', false, ?, ?
                        from goal g cross join project_team t
                        where g.every_team
                          and not exists (select 1 from goal_team r where r.goal_id = g.commitment_id and r.team_id = t.id)""").params(ADDED_BY, at).update();
        addFirstEvents(jdbc);
    }

    /** Adds rows for these teams of one goal. */
    static void addRows(JdbcClient jdbc, long goalId, Iterable<Long> teamIds, Instant now) {
        var at = Teams.at(now);
        for (Long team : teamIds) {
            jdbc.sql("""
                            insert into goal_team (goal_id, team_id, state, by_hand, updated_by, updated_at)
                            select ?, ?, 'NOT_STARTED', false, ?, ? from project_team where id = ?
                              and not exists (select 1 from goal_team where goal_id = ? and team_id = ?)""").params(goalId, team, ADDED_BY, at, team, goalId, team).update();
        }
        addFirstEvents(jdbc);
    }

    private static void addFirstEvents(JdbcClient jdbc) {
        jdbc.sql("""
                        insert into goal_team_event (goal_id, team_id, state, changed_by, changed_at)
                        select r.goal_id, r.team_id, r.state, r.updated_by, r.updated_at from goal_team r
                        where not exists (select 1 from goal_team_event e where e.goal_id = r.goal_id and e.team_id = r.team_id)""").update();
    }
}
