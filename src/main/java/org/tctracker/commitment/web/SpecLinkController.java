package org.tctracker.commitment.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.LinkState;
import org.tctracker.commitment.SpecLink;
import org.tctracker.system.EditConflict;
import org.tctracker.system.FieldErrors;
import org.tctracker.system.FormPost;

/** Adding, changing and removing a commitment's spec links. */
@Controller
class SpecLinkController {

    private final CommitmentService service;

    private final Validator validator;

    SpecLinkController(CommitmentService service, Validator validator) {
        this.service = service;
        this.validator = validator;
    }

    @InitBinder("linkForm")
    void onlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields(LinkForm.FIELDS);
    }

    @PostMapping("/commitments/{id}/links")
    String add(
            @PathVariable long id,
            @ModelAttribute("linkForm") LinkForm form,
            BindingResult result,
            @AuthenticationPrincipal TrackerUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Commitment commitment = service.changeable(user, id);
        form.check(validator, result);
        return FormPost.of(result, model, response)
                .save(
                        () -> {
                            service.addLink(user, id, form.draft());
                            redirect.addFlashAttribute("flash", "Link added.");
                            return "redirect:/commitments/" + id + "#links";
                        },
                        () -> page(model, commitment, null));
    }

    @GetMapping("/commitments/{id}/links/{linkId}/edit")
    String edit(
            @PathVariable long id, @PathVariable long linkId, @AuthenticationPrincipal TrackerUser user, Model model) {
        Commitment commitment = service.changeable(user, id);
        SpecLink link = service.linkOf(id, linkId);
        model.addAttribute("linkForm", LinkForm.of(link));
        return page(model, commitment, link);
    }

    @PostMapping("/commitments/{id}/links/{linkId}")
    String update(
            @PathVariable long id,
            @PathVariable long linkId,
            @ModelAttribute("linkForm") LinkForm form,
            BindingResult result,
            @AuthenticationPrincipal TrackerUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Commitment commitment = service.changeable(user, id);
        SpecLink link = service.linkOf(id, linkId);
        form.check(validator, result);
        FieldErrors.requireLoadedVersion(form.getVersion(), result);
        return FormPost.of(result, model, response)
                .saveEdit(
                        () -> {
                            service.updateLink(user, id, linkId, form.getVersion(), form.draft(), form.isFollow());
                            redirect.addFlashAttribute("flash", "Link saved.");
                            return "redirect:/commitments/" + id + "#links";
                        },
                        (SpecLink stale) -> conflict(form, service.linkOf(id, linkId)),
                        () -> page(model, commitment, link));
    }

    @GetMapping("/commitments/{id}/links/{linkId}/delete")
    String confirmDelete(
            @PathVariable long id, @PathVariable long linkId, @AuthenticationPrincipal TrackerUser user, Model model) {
        Commitment commitment = service.changeable(user, id);
        model.addAttribute("commitment", commitment);
        model.addAttribute("link", service.linkOf(id, linkId));
        return "commitment/link-delete";
    }

    @PostMapping("/commitments/{id}/links/{linkId}/delete")
    String delete(
            @PathVariable long id,
            @PathVariable long linkId,
            @AuthenticationPrincipal TrackerUser user,
            RedirectAttributes redirect) {
        service.changeable(user, id);
        service.deleteLink(user, id, linkId);
        redirect.addFlashAttribute("flash", "Link removed.");
        return "redirect:/commitments/" + id + "#links";
    }

    private String page(Model model, Commitment commitment, @Nullable SpecLink link) {
        model.addAttribute("commitment", commitment);
        model.addAttribute("link", link);
        model.addAttribute("kinds", LinkKind.values());
        model.addAttribute("states", LinkState.values());
        model.addAttribute("reread", service.rereadWords());
        return "commitment/link-form";
    }

    private static EditConflict conflict(LinkForm yours, SpecLink stored) {
        Map<String, List<String>> resubmit = new LinkedHashMap<>();
        resubmit.put("title", List.of(yours.getTitle()));
        resubmit.put("url", List.of(yours.getUrl()));
        resubmit.put(
                "kind", List.of(yours.getKind() == null ? "" : yours.getKind().name()));
        resubmit.put(
                "state",
                List.of(yours.getState() == null ? "" : yours.getState().name()));
        resubmit.put("version", List.of(String.valueOf(stored.getVersion())));
        String where = "/commitments/" + stored.getCommitment().getId();
        return new EditConflict(
                "the link “" + stored.getTitle() + "”",
                List.of(
                        new EditConflict.Row("Title", yours.getTitle(), stored.getTitle()),
                        new EditConflict.Row("Address", yours.getUrl(), stored.getUrl()),
                        new EditConflict.Row(
                                "Kind",
                                yours.getKind() == null ? "—" : yours.getKind().label(),
                                stored.getKind().label()),
                        new EditConflict.Row(
                                "State",
                                yours.getState() == null
                                        ? "—"
                                        : yours.getState().label(),
                                stored.getState().label())),
                where + "/links/" + stored.getId(),
                resubmit,
                where + "#links");
    }
}
