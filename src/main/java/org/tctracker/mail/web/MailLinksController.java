package org.tctracker.mail.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CheckInDraft;
import org.tctracker.commitment.CheckInService;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.cycle.IsoWeek;
import org.tctracker.mail.MailChoices;
import org.tctracker.mail.MailTokens;
import org.tctracker.system.RecordNotFoundException;

/**
 * Where a mail's links lead, without signing in: turning one kind of mail off, and saying "no
 * change this week" on one commitment. A GET only shows what the link would do, with a button;
 * the change is made by the POST (mail scanners follow links; they do not press buttons). A
 * mail client's one-click unsubscribe (RFC 8058) POSTs to the same address.
 */
@Controller
class MailLinksController {

    static final String UNSUBSCRIBE = "unsubscribe";
    static final String NO_CHANGE = "no-change";

    private final MailTokens tokens;
    private final MailChoices choices;
    private final AccountService accounts;
    private final UserDetailsService users;
    private final CheckInService checkIns;
    private final CommitmentService commitments;

    MailLinksController(
            MailTokens tokens,
            MailChoices choices,
            AccountService accounts,
            UserDetailsService users,
            CheckInService checkIns,
            CommitmentService commitments) {
        this.tokens = tokens;
        this.choices = choices;
        this.accounts = accounts;
        this.users = users;
        this.checkIns = checkIns;
        this.commitments = commitments;
    }

    private record Unsubscribe(long personId, MailChoices.Kind kind) {}

    private Optional<Unsubscribe> unsubscribe(String token) {
        return tokens.check(token, UNSUBSCRIBE).flatMap(claim -> {
            try {
                return Optional.of(new Unsubscribe(
                        Long.parseLong(claim.fields().get(0)),
                        MailChoices.Kind.valueOf(claim.fields().get(1))));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        });
    }

    @GetMapping("/mail/unsubscribe")
    String confirmUnsubscribe(
            @RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<Unsubscribe> claim = unsubscribe(token);
        if (claim.isEmpty()) {
            return refused(model, response);
        }
        return page(
                model,
                "Stop these mails?",
                List.of("You will no longer get " + claim.get().kind().label() + "."),
                "/mail/unsubscribe",
                token,
                "Stop them");
    }

    @PostMapping("/mail/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<Unsubscribe> claim = unsubscribe(token);
        if (claim.isEmpty()) {
            return refused(model, response);
        }
        choices.set(claim.get().personId(), claim.get().kind(), false);
        return page(
                model,
                "Done",
                List.of(
                        "You will no longer get " + claim.get().kind().label() + ".",
                        "Nothing else changed; you can turn them on again on your account's mail page."),
                null,
                token,
                null);
    }

    private record NoChange(long personId, long commitmentId, IsoWeek week) {}

    private Optional<NoChange> noChange(String token) {
        return tokens.check(token, NO_CHANGE).flatMap(claim -> {
            try {
                return Optional.of(new NoChange(
                        Long.parseLong(claim.fields().get(0)),
                        Long.parseLong(claim.fields().get(1)),
                        IsoWeek.parse(claim.fields().get(2))));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        });
    }

    @GetMapping("/mail/no-change")
    String confirmNoChange(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<NoChange> claim = noChange(token);
        if (claim.isEmpty()) {
            return refused(model, response);
        }
        Optional<Commitment> commitment = commitment(claim.get().commitmentId());
        if (commitment.isEmpty() || !claim.get().week().equals(checkIns.thisWeek())) {
            return over(model, response);
        }
        return page(
                model,
                "No change this week?",
                List.of(
                        "#" + commitment.get().getPosition() + " "
                                + commitment.get().getTitle() + " ("
                                + commitment.get().getStatus().label() + ")",
                        "This records a check-in for " + claim.get().week() + " with the note “No change.” and the"
                                + " status it has now."),
                "/mail/no-change",
                token,
                "Record “No change.”");
    }

    @PostMapping("/mail/no-change")
    String noChange(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<NoChange> claim = noChange(token);
        if (claim.isEmpty()) {
            return refused(model, response);
        }
        Optional<Commitment> commitment = commitment(claim.get().commitmentId());
        if (commitment.isEmpty() || !claim.get().week().equals(checkIns.thisWeek())) {
            return over(model, response);
        }
        String title =
                "#" + commitment.get().getPosition() + " " + commitment.get().getTitle();
        if (checkIns.thisWeeksOf(claim.get().commitmentId()) != null) {
            return page(
                    model,
                    "Already checked in",
                    List.of(title + " has a check-in for this week already."),
                    null,
                    token,
                    null);
        }
        Optional<String> username = accounts.usernameFor(claim.get().personId());
        if (username.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return page(
                    model,
                    "No account to check in with",
                    List.of("Nobody's account speaks for you yet, so the tracker cannot record a check-in in your"
                            + " name. Ask an admin to link your account, or check in on the page after signing in."),
                    null,
                    token,
                    null);
        }
        TrackerUser user = (TrackerUser) users.loadUserByUsername(username.get());
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext signed = SecurityContextHolder.createEmptyContext();
        signed.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(signed);
        try {
            checkIns.record(
                    user,
                    new CheckInDraft(
                            claim.get().commitmentId(), commitment.get().getStatus(), "No change.", null));
        } finally {
            SecurityContextHolder.setContext(before);
        }
        return page(
                model,
                "Recorded",
                List.of(title + ": “No change.” for " + claim.get().week() + ". Thank you."),
                null,
                token,
                null);
    }

    private Optional<Commitment> commitment(long id) {
        try {
            return Optional.of(commitments.get(id));
        } catch (RecordNotFoundException gone) {
            return Optional.empty();
        }
    }

    private static String refused(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(
                model,
                "This link does not work",
                List.of("It has expired, or it was changed on the way. Links in reminders work for a week, and"
                        + " unsubscribe links for 90 days; the next mail brings new ones."),
                null,
                "",
                null);
    }

    private static String over(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_GONE);
        return page(
                model,
                "That week is over",
                List.of("This link was for a week that has ended (or a commitment that is gone). Check in on the"
                        + " weekly page instead."),
                null,
                "",
                null);
    }

    private static String page(
            Model model,
            String heading,
            List<String> lines,
            @org.jspecify.annotations.Nullable String action,
            String token,
            @org.jspecify.annotations.Nullable String button) {
        model.addAttribute("heading", heading);
        model.addAttribute("lines", lines);
        model.addAttribute("action", action);
        model.addAttribute("token", token);
        model.addAttribute("button", button);
        model.addAttribute("showChoices", true);
        return "mail/link";
    }
}
