package org.tctracker.account.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tctracker.account.Account;
import org.tctracker.account.AccountChangeRefusedException;
import org.tctracker.account.AccountService;
import org.tctracker.account.OidcSettings;
import org.tctracker.account.PasswordPolicy;
import org.tctracker.account.Role;
import org.tctracker.account.TrackerUser;
import org.tctracker.account.Usernames;
import org.tctracker.people.People;

/** Account management for admins: who may sign in, with which role, speaking for which person. */
@Controller
class AdminUsersController {

    private final AccountService accounts;
    private final People people;
    private final PasswordPolicy policy;

    private final OidcSettings oidc;

    AdminUsersController(AccountService accounts, People people, PasswordPolicy policy, OidcSettings oidc) {
        this.accounts = accounts;
        this.people = people;
        this.policy = policy;
        this.oidc = oidc;
    }

    @ModelAttribute("provider")
    String provider() {
        return oidc.providerName();
    }

    @InitBinder("form")
    void allowOnlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("username", "role", "personId", "password");
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("form", new NewAccountForm());
        return listPage(model);
    }

    @PostMapping("/admin/users")
    String create(
            @ModelAttribute("form") NewAccountForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Usernames.problemWith(form.getUsername())
                .ifPresent(problem -> result.rejectValue("username", "shape", problem));
        if (form.getRole() == null && !result.hasFieldErrors("role")) {
            result.rejectValue("role", "required", "Choose a role.");
        }
        policy.problemWith(form.getPassword(), form.getUsername())
                .ifPresent(problem -> result.rejectValue("password", "policy", problem));
        if (!result.hasErrors()) {
            try {
                Account created =
                        accounts.create(form.getUsername(), form.getRole(), form.getPersonId(), form.getPassword());
                redirect.addFlashAttribute(
                        "flash", "Created " + created.getUsername() + ". Give them their password in person.");
                return "redirect:/admin/users";
            } catch (AccountChangeRefusedException refused) {
                result.reject("refused", refused.getMessage());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return listPage(model);
    }

    @GetMapping("/admin/users/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("account", accounts.get(id));
        model.addAttribute("roles", Role.values());
        model.addAttribute("people", people.findAllByOrderByDisplayNameAscIrcNickAsc());
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "account/user";
    }

    @PostMapping("/admin/users/{id}/role")
    String changeRole(
            @PathVariable long id,
            @RequestParam Role role,
            @AuthenticationPrincipal TrackerUser admin,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(
                id,
                model,
                response,
                redirect,
                "Role changed to " + role.label() + ".",
                () -> accounts.changeRole(id, role, admin.accountId()));
    }

    @PostMapping("/admin/users/{id}/enabled")
    String setEnabled(
            @PathVariable long id,
            @RequestParam boolean enabled,
            @AuthenticationPrincipal TrackerUser admin,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(
                id,
                model,
                response,
                redirect,
                enabled ? "The account is enabled." : "The account is disabled; its sessions have ended.",
                () -> accounts.setEnabled(id, enabled, admin.accountId()));
    }

    @PostMapping("/admin/users/{id}/person")
    String linkPerson(
            @PathVariable long id,
            @RequestParam(name = "personId", required = false) @Nullable Long personId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(
                id,
                model,
                response,
                redirect,
                personId == null ? "The account speaks for nobody now." : "Linked to the person.",
                () -> accounts.linkToPerson(id, personId));
    }

    /** A waiting account now speaks for a person, from the list of those waiting. */
    @PostMapping("/admin/users/{id}/link")
    String linkWaiting(
            @PathVariable long id,
            @RequestParam(name = "personId", required = false) @Nullable Long personId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Account account = accounts.get(id);
        if (personId == null) {
            return refusedOnList("Choose the person " + account.getUsername() + " speaks for.", model, response);
        }
        try {
            accounts.linkWaiting(id, personId);
        } catch (AccountChangeRefusedException refused) {
            return refusedOnList(refused.getMessage(), model, response);
        }
        redirect.addFlashAttribute(
                "flash",
                account.getUsername() + " now speaks for "
                        + accounts.get(id).getPerson().getDisplayName() + ".");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/refuse")
    String refuseWaiting(
            @PathVariable long id,
            @AuthenticationPrincipal TrackerUser admin,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Account account = accounts.get(id);
        try {
            accounts.refuseWaiting(id, admin.accountId());
        } catch (AccountChangeRefusedException refused) {
            return refusedOnList(refused.getMessage(), model, response);
        }
        redirect.addFlashAttribute(
                "flash",
                account.getUsername() + " is refused: the account is disabled and stays so when they sign in.");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(
            @PathVariable long id,
            @RequestParam String password,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(
                id,
                model,
                response,
                redirect,
                "Password reset; the account's sessions have ended. Give the new password in person.",
                () -> accounts.resetPassword(id, password));
    }

    /** Applies a change and comes back to the account's page; a refused change says why, with 400. */
    private String change(
            long id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String success,
            Runnable change) {
        accounts.get(id);
        try {
            change.run();
            redirect.addFlashAttribute("flash", success);
            return "redirect:/admin/users/" + id;
        } catch (AccountChangeRefusedException refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("flashError", refused.getMessage());
            return show(id, model);
        }
    }

    /** The accounts page again, with why the change was refused, and 400. */
    private String refusedOnList(String message, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("flashError", message);
        model.addAttribute("form", new NewAccountForm());
        return listPage(model);
    }

    private String listPage(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("waiting", accounts.awaitingLink());
        model.addAttribute("roles", Role.values());
        model.addAttribute("people", people.findAllByOrderByDisplayNameAscIrcNickAsc());
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "account/users";
    }
}
