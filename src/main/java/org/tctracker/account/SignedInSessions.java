package org.tctracker.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Puts an account's current state into the signed-in session of the request at hand. */
@Component
class SignedInSessions {

    private final Accounts accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SignedInSessions(Accounts accounts) {
        this.accounts = accounts;
    }

    SecurityContextRepository repository() {
        return contexts;
    }

    @Transactional(readOnly = true)
    void refresh(long accountId, HttpServletRequest request, HttpServletResponse response) {
        accounts.findById(accountId).ifPresent(account -> replace(signedIn(account), request, response));
    }

    /** The account as the current sign-in knows it, refreshed; a new sign-in if there is none. */
    private static TrackerUser signedIn(Account account) {
        return SecurityContextHolder.getContext().getAuthentication() != null
                        && SecurityContextHolder.getContext()
                                        .getAuthentication()
                                        .getPrincipal()
                                instanceof TrackerUser current
                        && current.accountId() == account.getId()
                ? current.refreshedFrom(account)
                : new TrackerUser(account);
    }

    void replace(TrackerUser user, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user.asAuthentication());
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
