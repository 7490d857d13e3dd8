package org.tctracker.goal.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.goal.GoalBoard;
import org.tctracker.goal.GoalMaking;
import org.tctracker.goal.Goals;
import org.tctracker.goal.TeamState;
import org.tctracker.goal.Teams;
import org.tctracker.report.CsvExport;
import org.tctracker.system.BadRequestException;
import org.tctracker.system.ErrorResponses;
import org.tctracker.system.FieldErrors;
import org.tctracker.system.FormPost;
import org.tctracker.system.KeptFragments;
import org.tctracker.system.RecordNotFoundException;

/** The goals: the list, a goal's matrix, its spreadsheet, and the forms that make and fill one. */
@Controller
class GoalController {

    private final Goals goals;
    private final GoalMaking making;
    private final Teams teams;
    private final CommitmentService commitments;
    private final Validator validator;
    private final Clock clock;
    private final KeptFragments fragments;

    GoalController(
            Goals goals,
            GoalMaking making,
            Teams teams,
            CommitmentService commitments,
            Validator validator,
            Clock clock,
            KeptFragments fragments) {
        this.fragments = fragments;
        this.goals = goals;
        this.making = making;
        this.teams = teams;
        this.commitments = commitments;
        this.validator = validator;
        this.clock = clock;
    }

    @InitBinder("goalForm")
    void goalFields(WebDataBinder binder) {
        binder.setAllowedFields("everyTeam", "teamIds", "topic", "criteria");
    }

    @InitBinder("rowForm")
    void rowFields(WebDataBinder binder) {
        binder.setAllowedFields("state", "reason", "planningUrl", "completionUrl", "byHand");
    }

    @GetMapping("/goals")
    String list(Model model) {
        model.addAttribute("goals", goals.all());
        model.addAttribute("teamCount", teams.all().size());
        return "goal/goals";
    }

    @GetMapping("/goals/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(name = "state", required = false) @Nullable List<String> state,
            @AuthenticationPrincipal @Nullable TrackerUser user,
            Model model) {
        KeptFragments.Moment moment = fragments.now();
        GoalBoard goal = board(id);
        List<TeamState> shown = states(state);
        model.addAttribute("goal", goal);
        // The burn-up and each row's cells but its last read the same for everyone: kept rendered.
        model.addAttribute(
                "burnupHtml",
                fragments.render(moment, "goal burnup " + id, "goal/burnup", "burnup", Map.of("goal", goal)));
        Map<Long, String> cells = new HashMap<>();
        for (GoalBoard.Row row : goal.rows()) {
            cells.put(
                    row.teamId(),
                    fragments.render(
                            moment, "goal row " + id + " " + row.teamId(), "goal/row", "cells", Map.of("row", row)));
        }
        model.addAttribute("cellsHtml", cells);
        model.addAttribute("rows", goal.rowsIn(shown));
        model.addAttribute("shown", shown);
        model.addAttribute("states", TeamState.values());
        model.addAttribute("updatable", goals.updatableTeams(user, goal));
        return "goal/show";
    }

    @GetMapping("/goals/{id}/teams.csv")
    void csv(@PathVariable long id, HttpServletResponse response) throws IOException {
        GoalBoard goal = board(id);
        try (Writer out = CsvExport.download(response, "goal-" + id + "-teams.csv")) {
            CsvExport.goalTeams(goal, out);
        }
    }

    @GetMapping("/commitments/{id}/goal")
    String goalForm(@PathVariable long id, @AuthenticationPrincipal TrackerUser user, Model model) {
        Commitment commitment = commitments.changeable(user, id);
        model.addAttribute("goalForm", goals.settings(id).map(GoalForm::of).orElseGet(GoalForm::new));
        return goalFormPage(model, commitment);
    }

    @PostMapping("/commitments/{id}/goal")
    String saveGoal(
            @PathVariable long id,
            @ModelAttribute("goalForm") GoalForm form,
            BindingResult result,
            @AuthenticationPrincipal TrackerUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Commitment commitment = commitments.changeable(user, id);
        boolean wasGoal = goals.isGoal(id);
        return FormPost.of(result, model, response)
                .save(
                        () -> {
                            making.save(user, id, form.draft());
                            redirect.addFlashAttribute("flash", wasGoal ? "Saved." : "Now tracked team by team.");
                            return "redirect:/goals/" + id;
                        },
                        () -> goalFormPage(model, commitment));
    }

    private String goalFormPage(Model model, Commitment commitment) {
        model.addAttribute("commitment", commitment);
        model.addAttribute("teams", teams.all());
        return "goal/form";
    }

    @GetMapping("/goals/{id}/teams/{slug}/edit")
    String rowForm(
            @PathVariable long id, @PathVariable String slug, @AuthenticationPrincipal TrackerUser user, Model model) {
        GoalBoard goal = board(id);
        GoalBoard.Row row = rowOf(goal, slug);
        goals.requireUpdate(user, row.teamId(), row.teamName());
        model.addAttribute("rowForm", RowForm.of(row));
        return rowFormPage(model, goal, row);
    }

    @PostMapping("/goals/{id}/teams/{slug}")
    String saveRow(
            @PathVariable long id,
            @PathVariable String slug,
            @ModelAttribute("rowForm") RowForm form,
            BindingResult result,
            @AuthenticationPrincipal TrackerUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        GoalBoard goal = board(id);
        GoalBoard.Row row = rowOf(goal, slug);
        FieldErrors.check(validator, form, result);
        return FormPost.of(result, model, response)
                .save(
                        () -> {
                            goals.setRow(user, id, slug, form.draft());
                            redirect.addFlashAttribute("flash", "Saved " + row.teamName() + "'s row.");
                            return "redirect:/goals/" + id;
                        },
                        () -> rowFormPage(model, goal, row));
    }

    private String rowFormPage(Model model, GoalBoard goal, GoalBoard.Row row) {
        model.addAttribute("goal", goal);
        model.addAttribute("row", row);
        model.addAttribute("states", TeamState.values());
        return "goal/row-form";
    }

    private GoalBoard board(long id) {
        return goals.board(id, LocalDate.now(clock)).orElseThrow(() -> RecordNotFoundException.of("goal", id));
    }

    private static GoalBoard.Row rowOf(GoalBoard goal, String slug) {
        return goal.rows().stream()
                .filter(row -> row.teamSlug().equals(slug))
                .findFirst()
                .orElseThrow(() -> new RecordNotFoundException("This goal has no row for a team called " + slug + "."));
    }

    private static List<TeamState> states(@Nullable List<String> given) {
        List<TeamState> states = new ArrayList<>();
        if (given == null) {
            return states;
        }
        for (String text : given) {
            if (text == null || text.isBlank()) {
                continue;
            }
            TeamState state = TeamState.parse(text)
                    .orElseThrow(() -> new BadRequestException("There is no state called \""
                            + ErrorResponses.shorten(text) + "\". Choose not-started, planned, in-progress, done or"
                            + " not-applicable."));
            if (!states.contains(state)) {
                states.add(state);
            }
        }
        return states;
    }
}
