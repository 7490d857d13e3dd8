package org.tctracker.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tctracker.api.ApiModel.CommitmentJson;
import org.tctracker.api.ApiModel.CommitmentList;
import org.tctracker.api.ApiModel.CycleDetail;
import org.tctracker.api.ApiModel.CycleJson;
import org.tctracker.api.ApiModel.CycleList;
import org.tctracker.api.ApiModel.GoalJson;
import org.tctracker.api.ApiModel.GoalList;
import org.tctracker.api.ApiModel.GoalSummary;
import org.tctracker.api.ApiModel.MilestoneJson;
import org.tctracker.api.ApiModel.PeopleList;
import org.tctracker.api.ApiModel.PersonSummary;
import org.tctracker.api.ApiModel.TeamJson;
import org.tctracker.api.ApiModel.TeamList;
import org.tctracker.api.ApiModel.TeamSummary;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.CycleBoard;
import org.tctracker.commitment.CycleBoards;
import org.tctracker.commitment.Holdings;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.goal.Goals;
import org.tctracker.goal.Teams;
import org.tctracker.people.PeopleDirectory;
import org.tctracker.system.RecordNotFoundException;

/** Read-only JSON for scripts. Every answer may be revalidated with its ETag; none is stored. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class ApiController {

    private final CycleCatalog cycles;
    private final CycleBoards boards;
    private final Holdings holdings;
    private final PeopleDirectory people;
    private final CommitmentService commitments;
    private final Clock clock;
    private final Teams teams;
    private final Goals goals;

    ApiController(
            CycleCatalog cycles,
            CycleBoards boards,
            Holdings holdings,
            PeopleDirectory people,
            CommitmentService commitments,
            Clock clock,
            Teams teams,
            Goals goals) {
        this.teams = teams;
        this.goals = goals;
        this.cycles = cycles;
        this.boards = boards;
        this.holdings = holdings;
        this.people = people;
        this.commitments = commitments;
        this.clock = clock;
    }

    @GetMapping("/cycles")
    ResponseEntity<CycleList> cycles() {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Holdings.Counts> counts = holdings.byCycle();
        return ok(new CycleList(cycles.all().stream()
                .map(c -> CycleJson.of(c, counts.getOrDefault(c.id(), Holdings.Counts.NONE), today))
                .toList()));
    }

    @GetMapping("/cycles/{slug}")
    ResponseEntity<CycleDetail> cycle(@PathVariable String slug) {
        CycleTerm cycle = cycleNamed(slug);
        CycleBoard board = boards.of(cycle, LocalDate.now(clock));
        return ok(new CycleDetail(
                cycle.slug(),
                cycle.name(),
                cycle.summit(),
                cycle.startsOn(),
                cycle.endsOn(),
                board.phase(),
                cycle.milestones().stream().map(MilestoneJson::of).toList(),
                board.counts(),
                board.staleCount()));
    }

    @GetMapping("/cycles/{slug}/commitments")
    ResponseEntity<CommitmentList> commitments(@PathVariable String slug) {
        CycleTerm cycle = cycleNamed(slug);
        return ok(new CommitmentList(
                cycle.slug(),
                boards.detailed(cycle, LocalDate.now(clock)).lines().stream()
                        .map(c -> CommitmentJson.of(cycle.slug(), c, null))
                        .toList()));
    }

    @GetMapping("/commitments/{id}")
    ResponseEntity<CommitmentJson> commitment(@PathVariable long id) {
        CycleTerm cycle = commitments
                .cycleOf(id)
                .flatMap(cycles::byId)
                .orElseThrow(() -> RecordNotFoundException.of("commitment", id));
        return ok(boards.line(cycle, id, LocalDate.now(clock))
                .map(line -> CommitmentJson.of(cycle.slug(), line, boards.checkInsOf(id)))
                .orElseThrow(() -> RecordNotFoundException.of("commitment", id)));
    }

    @GetMapping("/people")
    ResponseEntity<PeopleList> people() {
        Map<Long, Holdings.Held> held = holdings.byPerson();
        return ok(new PeopleList(people.all().stream()
                .map(p -> PersonSummary.of(p, held.getOrDefault(p.person().id(), Holdings.Held.NOTHING)))
                .toList()));
    }

    @GetMapping("/teams")
    ResponseEntity<TeamList> teams() {
        return ok(new TeamList(teams.all().stream().map(TeamSummary::of).toList()));
    }

    @GetMapping("/teams/{slug}")
    ResponseEntity<TeamJson> team(@PathVariable String slug) {
        Teams.Team team = teams.get(slug);
        return ok(TeamJson.of(team, goals.ofTeam(team.id())));
    }

    @GetMapping("/goals")
    ResponseEntity<GoalList> goals() {
        return ok(new GoalList(goals.all().stream().map(GoalSummary::of).toList()));
    }

    @GetMapping("/goals/{id}")
    ResponseEntity<GoalJson> goal(@PathVariable long id) {
        return ok(goals.board(id, LocalDate.now(clock))
                .map(GoalJson::of)
                .orElseThrow(() -> RecordNotFoundException.of("goal", id)));
    }

    private CycleTerm cycleNamed(String slug) {
        return cycles.bySlug(slug).orElseThrow(() -> RecordNotFoundException.of("cycle", slug));
    }

    /** Clients may keep the answer but must ask again, sending its ETag, before using it. */
    private static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
    }
}
