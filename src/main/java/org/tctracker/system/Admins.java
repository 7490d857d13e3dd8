package org.tctracker.system;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The check for pages only admins may use. Strangers are sent to sign in, signed-in non-admins get
 * the 403 page: both happen because Spring Security handles the exception thrown here.
 */
public final class Admins {

    private Admins() {}

    public static void require() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = authentication != null
                && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        if (!admin) {
            throw new AccessDeniedException("Only admins may do this.");
        }
    }
}
