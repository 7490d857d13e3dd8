package org.tctracker.mail.web;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tctracker.account.TrackerUser;
import org.tctracker.mail.MailChoices;
import org.tctracker.mail.Outbox;
import org.tctracker.people.PeopleDirectory;
import org.tctracker.people.PersonRef;

/** A signed-in person's choice of mails, on /account/mail. */
@Controller
class MailChoicesController {

    private final MailChoices choices;
    private final PeopleDirectory people;
    private final Outbox outbox;

    MailChoicesController(MailChoices choices, PeopleDirectory people, Outbox outbox) {
        this.choices = choices;
        this.people = people;
        this.outbox = outbox;
    }

    @GetMapping("/account/mail")
    String page(@AuthenticationPrincipal TrackerUser user, Model model) {
        Long personId = user.personId();
        PersonRef person =
                personId == null ? null : people.byIds(List.of(personId)).get(personId);
        model.addAttribute("mailOn", outbox.enabled());
        model.addAttribute("person", person == null ? null : person.id());
        model.addAttribute("email", person == null ? null : person.email());
        model.addAttribute("choice", person == null ? MailChoices.Choice.DEFAULT : choices.of(person.id()));
        return "mail/choices";
    }

    @PostMapping("/account/mail")
    String save(
            @AuthenticationPrincipal TrackerUser user,
            @RequestParam(defaultValue = "false") boolean reminders,
            @RequestParam(defaultValue = "false") boolean helping,
            @RequestParam(defaultValue = "false") boolean digest,
            RedirectAttributes redirect) {
        Long personId = user.personId();
        if (personId != null) {
            choices.save(personId, new MailChoices.Choice(reminders, helping, digest));
            redirect.addFlashAttribute("flash", "Your choice of mails is saved.");
        }
        return "redirect:/account/mail";
    }
}
