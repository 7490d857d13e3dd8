package org.tctracker.cycle.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
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
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.CycleService;
import org.tctracker.system.ChangeRefusedException;
import org.tctracker.system.EditConflict;
import org.tctracker.system.FieldErrors;
import org.tctracker.system.FormPost;

/** Admins open, change and remove cycles here. */
@Controller
class CycleController {

    private final CycleService cycles;
    private final Validator validator;

    CycleController(CycleService cycles, Validator validator) {
        this.cycles = cycles;
        this.validator = validator;
    }

    @InitBinder("form")
    void onlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("slug", "name", "summit", "startsOn", "endsOn", "milestones*", "version");
    }

    @GetMapping("/cycles/new")
    String newForm(Model model) {
        model.addAttribute("form", CycleForm.blank());
        return formPage(model, null);
    }

    @PostMapping("/cycles")
    String create(
            @ModelAttribute("form") CycleForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        form.check(validator, result);
        return FormPost.of(result, model, response)
                .save(
                        () -> {
                            Cycle created = cycles.create(form.draft());
                            redirect.addFlashAttribute("flash", "Opened the " + created.getName() + " cycle.");
                            return "redirect:/cycles/" + created.getSlug();
                        },
                        () -> formPage(model, null));
    }

    @GetMapping("/cycles/{slug}/edit")
    String editForm(@PathVariable String slug, Model model) {
        Cycle cycle = cycles.get(slug);
        model.addAttribute("form", CycleForm.of(cycle));
        return formPage(model, cycle);
    }

    @PostMapping("/cycles/{slug}")
    String update(
            @PathVariable String slug,
            @ModelAttribute("form") CycleForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Cycle current = cycles.get(slug);
        form.check(validator, result);
        FieldErrors.requireLoadedVersion(form.getVersion(), result);
        return FormPost.of(result, model, response)
                .saveEdit(
                        () -> {
                            Cycle saved = cycles.update(slug, form.getVersion(), form.draft());
                            redirect.addFlashAttribute("flash", "Saved.");
                            return "redirect:/cycles/" + saved.getSlug();
                        },
                        (Cycle stored) -> conflict(form, stored),
                        () -> formPage(model, current));
    }

    @GetMapping("/cycles/{slug}/delete")
    String confirmDelete(@PathVariable String slug, Model model) {
        model.addAttribute("cycle", cycles.get(slug));
        return "cycle/delete";
    }

    @PostMapping("/cycles/{slug}/delete")
    String delete(@PathVariable String slug, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Cycle cycle = cycles.get(slug);
        try {
            cycles.delete(slug);
        } catch (ChangeRefusedException refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("cycle", cycle);
            model.addAttribute("flashError", refused.getMessage());
            return "cycle/delete";
        }
        redirect.addFlashAttribute("flash", "Deleted the " + cycle.getName() + " cycle.");
        return "redirect:/cycles";
    }

    private static String formPage(Model model, @Nullable Cycle cycle) {
        model.addAttribute("cycle", cycle);
        return "cycle/form";
    }

    private static EditConflict conflict(CycleForm yours, Cycle stored) {
        Map<String, List<String>> resubmit = new LinkedHashMap<>();
        resubmit.put("slug", List.of(yours.getSlug()));
        resubmit.put("name", List.of(yours.getName()));
        resubmit.put("summit", List.of(yours.getSummit()));
        resubmit.put("startsOn", List.of(Objects.toString(yours.getStartsOn(), "")));
        resubmit.put("endsOn", List.of(Objects.toString(yours.getEndsOn(), "")));
        List<CycleForm.MilestoneRow> rows = new ArrayList<>(yours.getMilestones());
        for (int i = 0; i < rows.size(); i++) {
            resubmit.put("milestones[" + i + "].name", List.of(rows.get(i).getName()));
            resubmit.put(
                    "milestones[" + i + "].dueOn",
                    List.of(Objects.toString(rows.get(i).getDueOn(), "")));
        }
        resubmit.put("version", List.of(String.valueOf(stored.getVersion())));
        String storedMilestones = stored.getMilestones().stream()
                .map(m -> m.getName() + " " + m.getDueOn())
                .collect(Collectors.joining("\n"));
        String yourMilestones = yours.getMilestones().stream()
                .filter(m -> !m.getName().isBlank())
                .map(m -> m.getName().strip() + " " + m.getDueOn())
                .collect(Collectors.joining("\n"));
        return new EditConflict(
                "the " + stored.getName() + " cycle",
                List.of(
                        new EditConflict.Row("Address", yours.getSlug(), stored.getSlug()),
                        new EditConflict.Row("Name", yours.getName(), stored.getName()),
                        new EditConflict.Row("Summit", yours.getSummit(), Objects.toString(stored.getSummit(), "")),
                        new EditConflict.Row(
                                "Starts",
                                Objects.toString(yours.getStartsOn(), ""),
                                stored.getStartsOn().toString()),
                        new EditConflict.Row(
                                "Ends",
                                Objects.toString(yours.getEndsOn(), ""),
                                stored.getEndsOn().toString()),
                        new EditConflict.Row("Milestones", yourMilestones, storedMilestones)),
                "/cycles/" + stored.getSlug(),
                resubmit,
                "/cycles/" + stored.getSlug());
    }
}
