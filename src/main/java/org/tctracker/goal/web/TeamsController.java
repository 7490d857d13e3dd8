package org.tctracker.goal.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tctracker.account.TrackerUser;
import org.tctracker.goal.Goals;
import org.tctracker.goal.Teams;
import org.tctracker.system.FieldErrors;
import org.tctracker.system.FormPost;

/** The project teams: the list, a team's page with every goal it stands on, and an admin's edit. */
@Controller
class TeamsController {

    private final Teams teams;
    private final Goals goals;
    private final Validator validator;

    TeamsController(Teams teams, Goals goals, Validator validator) {
        this.teams = teams;
        this.goals = goals;
        this.validator = validator;
    }

    @InitBinder("teamForm")
    void teamFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "mailingTag", "members", "repos");
    }

    @GetMapping("/teams")
    String list(Model model) {
        model.addAttribute("teams", teams.all());
        return "goal/teams";
    }

    @GetMapping("/teams/{slug}")
    String show(@PathVariable String slug, Model model) {
        Teams.Team team = teams.get(slug);
        model.addAttribute("team", team);
        model.addAttribute("goals", goals.ofTeam(team.id()));
        return "goal/team";
    }

    @GetMapping("/teams/{slug}/edit")
    String edit(@PathVariable String slug, Model model) {
        Teams.Team team = teams.get(slug);
        model.addAttribute("teamForm", TeamForm.of(team));
        model.addAttribute("team", team);
        return "goal/team-form";
    }

    @PostMapping("/teams/{slug}")
    String save(
            @PathVariable String slug,
            @ModelAttribute("teamForm") TeamForm form,
            BindingResult result,
            @AuthenticationPrincipal TrackerUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Teams.Team team = teams.get(slug);
        FieldErrors.check(validator, form, result);
        return FormPost.of(result, model, response)
                .save(
                        () -> {
                            teams.revise(user, slug, form.draft());
                            redirect.addFlashAttribute("flash", "Saved.");
                            return "redirect:/teams/" + slug;
                        },
                        () -> {
                            model.addAttribute("team", team);
                            return "goal/team-form";
                        });
    }
}
