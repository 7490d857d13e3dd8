package org.tctracker.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in session in step with its account: a disabled account, or one whose password
 * was changed elsewhere, is signed out at its next request; a new role or person applies at once.
 * ({@link AccountStates} says how fresh "at once" is.)
 */
class AccountRefreshFilter extends OncePerRequestFilter {

    private final AccountStates states;
    private final Accounts accounts;
    private final SignedInSessions sessions;
    private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();

    AccountRefreshFilter(AccountStates states, Accounts accounts, SignedInSessions sessions) {
        this.states = states;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TrackerUser user) {
            Optional<AccountStates.State> state = states.of(user);
            if (state.isEmpty() || state.get().endsSignIn(user)) {
                signOut.logout(request, response, authentication);
            } else if (state.get().changes(user)) {
                Optional<Account> account = accounts.findById(user.accountId());
                if (account.isPresent()) {
                    sessions.replace(user.refreshedFrom(account.get()), request, response);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
