package org.tctracker.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in session in step with its account: a disabled account, or one whose password
 * was changed elsewhere, is signed out at its next request; a new role or person applies at once.
 */
class AccountRefreshFilter extends OncePerRequestFilter {

    private final Accounts accounts;
    private final SignedInSessions sessions;
    private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();

    AccountRefreshFilter(Accounts accounts, SignedInSessions sessions) {
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
            Optional<Account> account = accounts.findById(user.accountId());
            if (account.isEmpty()
                    || !account.get().isEnabled()
                    || !account.get().getPasswordChangedAt().equals(user.passwordChangedAt())) {
                signOut.logout(request, response, authentication);
            } else if (account.get().getRole() != user.role()
                    || !Objects.equals(personIdOf(account.get()), user.personId())) {
                sessions.replace(user.refreshedFrom(account.get()), request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private static @Nullable Long personIdOf(Account account) {
        return account.getPerson() == null ? null : account.getPerson().getId();
    }
}
