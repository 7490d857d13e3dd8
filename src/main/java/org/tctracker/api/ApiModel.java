package org.tctracker.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tctracker.commitment.BoardLine;
import org.tctracker.commitment.CheckInLine;
import org.tctracker.commitment.Holdings;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.LinkState;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.goal.GoalBoard;
import org.tctracker.goal.Goals;
import org.tctracker.goal.ProjectsFile;
import org.tctracker.goal.TeamState;
import org.tctracker.goal.Teams;
import org.tctracker.people.PeopleDirectory;
import org.tctracker.people.PersonRef;

/**
 * The JSON the API answers with. These records are the contract: their component names are the
 * field names scripts rely on, dates are ISO-8601 strings, and statuses, phases and link kinds are
 * upper-case constants such as {@code IN_PROGRESS}. Absent values are {@code null}, never missing.
 */
final class ApiModel {

    private ApiModel() {}

    record CycleList(List<CycleJson> cycles) {}

    record CycleJson(
            String slug,
            String name,
            @Nullable String summit,
            LocalDate startsOn,
            LocalDate endsOn,
            Cycle.Phase phase,
            long commitments,
            long open) {

        static CycleJson of(CycleTerm cycle, Holdings.Counts counts, LocalDate today) {
            return new CycleJson(
                    cycle.slug(),
                    cycle.name(),
                    cycle.summit(),
                    cycle.startsOn(),
                    cycle.endsOn(),
                    cycle.phaseOn(today),
                    counts.commitments(),
                    counts.open());
        }
    }

    record CycleDetail(
            String slug,
            String name,
            @Nullable String summit,
            LocalDate startsOn,
            LocalDate endsOn,
            Cycle.Phase phase,
            List<MilestoneJson> milestones,
            Map<Status, Integer> statusCounts,
            long stale) {}

    record MilestoneJson(String name, LocalDate dueOn) {
        static MilestoneJson of(CycleTerm.MilestoneDate milestone) {
            return new MilestoneJson(milestone.name(), milestone.dueOn());
        }
    }

    record CommitmentList(String cycle, List<CommitmentJson> commitments) {}

    /** A person as the API names them: no email address, which is for signed-in readers of the pages. */
    record PersonJson(String ircNick, String displayName) {
        static PersonJson of(PersonRef person) {
            return new PersonJson(person.ircNick(), person.displayName());
        }
    }

    /**
     * A link; for one a source keeps, the server, the source's own words, when it was last read and
     * why the last reading failed (all null for a link no source keeps).
     */
    record LinkJson(
            String title,
            String url,
            LinkKind kind,
            LinkState state,
            @Nullable String source,
            @Nullable String sourceState,
            @Nullable Instant syncedAt,
            @Nullable String syncError) {}

    record CheckInJson(
            String week,
            LocalDate checkedOn,
            Status status,
            @Nullable Integer percentDone,
            String author,
            String note,
            Instant updatedAt) {

        static CheckInJson of(CheckInLine checkIn) {
            return new CheckInJson(
                    checkIn.week().toString(),
                    checkIn.checkedOn(),
                    checkIn.status(),
                    checkIn.percentDone(),
                    checkIn.author(),
                    checkIn.note(),
                    checkIn.updatedAt());
        }
    }

    /** A commitment; {@code checkIns} appears only when one commitment is asked for. */
    record CommitmentJson(
            long id,
            String cycle,
            int position,
            String title,
            String summary,
            Status status,
            boolean stale,
            @Nullable LocalDate targetDate,
            PersonJson owner,
            List<PersonJson> collaborators,
            List<LinkJson> links,
            @Nullable CheckInJson lastCheckIn,
            @Nullable Long carriedTo,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            List<CheckInJson> checkIns) {

        static CommitmentJson of(String cycle, BoardLine c, @Nullable List<CheckInLine> checkIns) {
            return new CommitmentJson(
                    c.id(),
                    cycle,
                    c.position(),
                    c.title(),
                    c.summary(),
                    c.status(),
                    c.stale(),
                    c.targetDate(),
                    PersonJson.of(c.owner()),
                    c.collaborators().stream().map(PersonJson::of).toList(),
                    c.links().stream()
                            .map(l -> new LinkJson(
                                    l.title(),
                                    l.url(),
                                    l.kind(),
                                    l.state(),
                                    l.source(),
                                    l.sourceState(),
                                    l.syncedAt(),
                                    l.syncError()))
                            .toList(),
                    c.lastCheckIn() == null ? null : CheckInJson.of(c.lastCheckIn()),
                    c.carriedToId(),
                    checkIns == null
                            ? null
                            : checkIns.stream().map(CheckInJson::of).toList());
        }
    }

    record PeopleList(List<PersonSummary> people) {}

    record PersonSummary(
            String ircNick, String displayName, @Nullable String affiliation, long owns, long helpsWith) {
        static PersonSummary of(PeopleDirectory.Listed person, Holdings.Held held) {
            return new PersonSummary(
                    person.person().ircNick(),
                    person.person().displayName(),
                    person.affiliation(),
                    held.owns(),
                    held.helpsWith());
        }
    }

    record TeamList(List<TeamSummary> teams) {}

    record TeamSummary(String slug, String name, @Nullable String mailingTag, int repos, int members) {
        static TeamSummary of(Teams.Listed team) {
            return new TeamSummary(team.slug(), team.name(), team.mailingTag(), team.repos(), team.members());
        }
    }

    record TeamGoalJson(
            long goal,
            String title,
            TeamState state,
            boolean byHand,
            @Nullable String reason) {}

    record TeamJson(
            String slug,
            String name,
            @Nullable String mailingTag,
            List<String> repos,
            List<String> members,
            List<TeamGoalJson> goals) {
        static TeamJson of(Teams.Team team, List<Goals.TeamGoal> goals) {
            return new TeamJson(
                    team.slug(),
                    team.name(),
                    team.mailingTag(),
                    team.repos().stream().map(ProjectsFile.Repo::name).toList(),
                    team.members().stream().map(PersonRef::ircNick).toList(),
                    goals.stream()
                            .map(g -> new TeamGoalJson(g.goalId(), g.title(), g.state(), g.byHand(), g.reason()))
                            .toList());
        }
    }

    record GoalList(List<GoalSummary> goals) {}

    record GoalSummary(long id, String title, Status status, int teamsDone, int teams) {
        static GoalSummary of(Goals.Listed goal) {
            return new GoalSummary(
                    goal.commitment().id(),
                    goal.commitment().title(),
                    goal.commitment().status(),
                    goal.progress().done(),
                    goal.progress().of());
        }
    }

    record GoalRowJson(
            String team,
            String name,
            TeamState state,
            @Nullable String reason,
            @Nullable String planningUrl,
            @Nullable String planningState,
            @Nullable String completionUrl,
            @Nullable String completionState,
            boolean byHand,
            @Nullable String gerritSays,
            String updatedBy,
            java.time.Instant updatedAt,
            boolean stale) {}

    record WeekDone(String week, int done) {}

    record GoalJson(
            long id,
            String title,
            Status status,
            String champion,
            boolean everyTeam,
            @Nullable String topic,
            String criteria,
            java.util.Map<TeamState, Integer> counts,
            int teamsDone,
            int teams,
            List<GoalRowJson> rows,
            List<GoalBoard.Unowned> unownedRepos,
            List<WeekDone> doneByWeek,
            @Nullable String topicError) {
        static GoalJson of(GoalBoard goal) {
            return new GoalJson(
                    goal.id(),
                    goal.title(),
                    goal.commitment().status(),
                    goal.champion().ircNick(),
                    goal.everyTeam(),
                    goal.topic(),
                    goal.criteria(),
                    goal.counts(),
                    goal.progress().done(),
                    goal.progress().of(),
                    goal.rows().stream()
                            .map(r -> new GoalRowJson(
                                    r.teamSlug(),
                                    r.teamName(),
                                    r.state(),
                                    r.reason(),
                                    r.planningUrl(),
                                    r.planningState(),
                                    r.completionUrl(),
                                    r.completionState(),
                                    r.byHand(),
                                    r.sourceWords(),
                                    r.updatedBy(),
                                    r.updatedAt(),
                                    r.stale()))
                            .toList(),
                    goal.unowned(),
                    goal.burnUp().bars().stream()
                            .map(b -> new WeekDone(b.week().toString(), b.done()))
                            .toList(),
                    goal.syncError());
        }
    }
}
