package org.tctracker.people.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.tctracker.people.PeopleService;
import org.tctracker.people.Person;
import org.tctracker.system.ChangeRefusedException;
import org.tctracker.system.EditConflict;
import org.tctracker.system.FieldErrors;
import org.tctracker.system.FormPost;

/** Admins add, change and remove people here. */
@Controller
class PersonController {

    private final PeopleService people;

    private final Validator validator;

    PersonController(PeopleService people, Validator validator) {
        this.people = people;
        this.validator = validator;
    }

    @InitBinder("form")
    void onlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("displayName", "ircNick", "email", "affiliation", "version");
    }

    @GetMapping("/people/new")
    String newForm(Model model) {
        model.addAttribute("form", new PersonForm());
        return formPage(model, null);
    }

    @PostMapping("/people")
    String create(
            @ModelAttribute("form") PersonForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        FieldErrors.check(validator, form, result);
        return FormPost.of(result, model, response)
                .save(
                        () -> {
                            Person created = people.create(form.draft());
                            redirect.addFlashAttribute("flash", "Added " + created.getDisplayName() + ".");
                            return "redirect:/people/" + created.getId();
                        },
                        () -> formPage(model, null));
    }

    @GetMapping("/people/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Person person = people.get(id);
        model.addAttribute("form", PersonForm.of(person));
        return formPage(model, person);
    }

    @PostMapping("/people/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") PersonForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Person current = people.get(id);
        FieldErrors.check(validator, form, result);
        FieldErrors.requireLoadedVersion(form.getVersion(), result);
        return FormPost.of(result, model, response)
                .saveEdit(
                        () -> {
                            people.update(id, form.getVersion(), form.draft());
                            redirect.addFlashAttribute("flash", "Saved.");
                            return "redirect:/people/" + id;
                        },
                        (Person stored) -> conflict(form, stored),
                        () -> formPage(model, current));
    }

    @GetMapping("/people/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("person", people.get(id));
        return "people/delete";
    }

    @PostMapping("/people/{id}/delete")
    String delete(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Person person = people.get(id);
        try {
            people.delete(id);
        } catch (ChangeRefusedException refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("person", person);
            model.addAttribute("flashError", refused.getMessage());
            return "people/delete";
        }
        redirect.addFlashAttribute("flash", "Removed " + person.getDisplayName() + ".");
        return "redirect:/people";
    }

    private static String formPage(Model model, @Nullable Person person) {
        model.addAttribute("person", person);
        return "people/form";
    }

    private static EditConflict conflict(PersonForm yours, Person stored) {
        Map<String, List<String>> resubmit = new LinkedHashMap<>();
        resubmit.put("displayName", List.of(yours.getDisplayName()));
        resubmit.put("ircNick", List.of(yours.getIrcNick()));
        resubmit.put("email", List.of(yours.getEmail()));
        resubmit.put("affiliation", List.of(yours.getAffiliation()));
        resubmit.put("version", List.of(String.valueOf(stored.getVersion())));
        return new EditConflict(
                stored.getDisplayName(),
                List.of(
                        new EditConflict.Row("Name", yours.getDisplayName(), stored.getDisplayName()),
                        new EditConflict.Row("IRC nick", yours.getIrcNick(), stored.getIrcNick()),
                        new EditConflict.Row("Email", yours.getEmail(), Objects.toString(stored.getEmail(), "")),
                        new EditConflict.Row(
                                "Affiliation", yours.getAffiliation(), Objects.toString(stored.getAffiliation(), ""))),
                "/people/" + stored.getId(),
                resubmit,
                "/people/" + stored.getId());
    }
}
