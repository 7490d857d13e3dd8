package org.tctracker.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tctracker.account.AccountChangeRefusedException;
import org.tctracker.account.AccountService;
import org.tctracker.account.OidcSettings;
import org.tctracker.account.PasswordPolicy;
import org.tctracker.account.TrackerUser;

/** Your own account: who you are here, and your password. */
@Controller
class AccountController {

    private final AccountService accounts;
    private final PasswordPolicy policy;

    private final OidcSettings oidc;

    AccountController(AccountService accounts, PasswordPolicy policy, OidcSettings oidc) {
        this.accounts = accounts;
        this.policy = policy;
        this.oidc = oidc;
    }

    @GetMapping("/account")
    String show(@AuthenticationPrincipal TrackerUser user, Model model) {
        model.addAttribute("form", new PasswordChangeForm());
        return page(user, model);
    }

    @PostMapping("/account/password")
    String changePassword(
            @AuthenticationPrincipal TrackerUser user,
            @ModelAttribute("form") PasswordChangeForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (form.getCurrentPassword().isEmpty()) {
            result.rejectValue("currentPassword", "required", "Enter your current password.");
        }
        policy.problemWith(form.getNewPassword(), user.getUsername())
                .ifPresent(problem -> result.rejectValue("newPassword", "policy", problem));
        if (!form.getNewPassword().equals(form.getConfirmation())) {
            result.rejectValue("confirmation", "mismatch", "The two new passwords are not the same.");
        }
        if (!result.hasErrors()) {
            try {
                accounts.changeOwnPassword(user.accountId(), form.getCurrentPassword(), form.getNewPassword());
                accounts.keepSignedIn(user.accountId(), request, response);
                redirect.addFlashAttribute("flash", "Your password has been changed.");
                return "redirect:/account";
            } catch (AccountChangeRefusedException refused) {
                result.rejectValue("currentPassword", "refused", refused.getMessage());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(user, model);
    }

    private String page(TrackerUser user, Model model) {
        model.addAttribute("account", accounts.get(user.accountId()));
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("provider", oidc.providerName());
        return "account/account";
    }
}
