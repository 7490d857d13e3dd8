package org.tctracker.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tctracker.account.LoginFailure;
import org.tctracker.account.OidcSettings;

@Controller
class LoginController {

    private final OidcSettings oidc;

    LoginController(OidcSettings oidc) {
        this.oidc = oidc;
    }

    /** The identity provider's name for the "Sign in with …" button, when there is one. */
    @ModelAttribute("provider")
    @Nullable
    String provider() {
        return oidc.enabled() ? oidc.providerName() : null;
    }

    @GetMapping("/login")
    String login(@RequestParam(name = "signed-out", required = false) @Nullable String signedOut, Model model) {
        if (signedOut != null) {
            model.addAttribute("flash", "You have signed out.");
        }
        model.addAttribute("username", "");
        return "account/login";
    }

    /** Where a refused sign-in is forwarded, keeping the username that was typed. */
    @RequestMapping("/login/failed")
    String failed(HttpServletRequest request, HttpServletResponse response, Model model) {
        LoginFailure failure = request.getAttribute(LoginFailure.ATTRIBUTE) instanceof LoginFailure known
                ? known
                : LoginFailure.REFUSED;
        response.setStatus(failure.status().value());
        // A refused sign-in through the provider comes back by GET with the provider's parameters.
        String username = "POST".equals(request.getMethod()) ? request.getParameter("username") : null;
        model.addAttribute("username", username == null ? "" : username);
        model.addAttribute("loginError", failure.message());
        return "account/login";
    }
}
