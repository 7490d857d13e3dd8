package org.tctracker.commitment.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
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
import org.tctracker.commitment.CheckIn;
import org.tctracker.commitment.CheckInService;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.Status;
import org.tctracker.system.FieldErrors;

/** The check-in of one commitment, from its page. */
@Controller
class CheckInController {

    private final CheckInService checkIns;
    private final Validator validator;

    CheckInController(CheckInService checkIns, Validator validator) {
        this.checkIns = checkIns;
        this.validator = validator;
    }

    @InitBinder("row")
    void oneRow(WebDataBinder binder) {
        binder.setAllowedFields(CheckInForm.FIELDS);
    }

    @GetMapping("/commitments/{id}/check-ins/new")
    String newCheckIn(@PathVariable long id, @AuthenticationPrincipal TrackerUser user, Model model) {
        Commitment commitment = checkIns.changeable(user, id);
        CheckIn thisWeek = checkIns.thisWeeksOf(id);
        model.addAttribute("row", CheckInForm.of(commitment.getStatus(), thisWeek));
        return page(model, commitment, thisWeek);
    }

    @PostMapping("/commitments/{id}/check-ins")
    String checkIn(
            @PathVariable long id,
            @ModelAttribute("row") CheckInForm row,
            BindingResult result,
            @AuthenticationPrincipal TrackerUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Commitment commitment = checkIns.changeable(user, id);
        FieldErrors.check(validator, row.draft(id), result, "");
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, commitment, checkIns.thisWeeksOf(id));
        }
        try {
            CheckIn saved = checkIns.record(user, row.draft(id));
            redirect.addFlashAttribute("flash", "Checked in for " + saved.getWeek() + ".");
        } catch (DataIntegrityViolationException sameMoment) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute(
                    "flashError", "Someone checked in on this commitment at the same moment; look again and retry.");
            return page(model, commitment, checkIns.thisWeeksOf(id));
        }
        return "redirect:/commitments/" + id;
    }

    private String page(Model model, Commitment commitment, @Nullable CheckIn thisWeek) {
        model.addAttribute("commitment", commitment);
        model.addAttribute("thisWeek", thisWeek);
        model.addAttribute("week", commitment.getCycle().term().weekOf(checkIns.today()));
        model.addAttribute("statuses", Status.values());
        return "commitment/check-in";
    }
}
