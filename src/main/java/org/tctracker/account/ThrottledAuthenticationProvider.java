package org.tctracker.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a sign-in against the throttle before the password is even looked at, and counts the
 * outcome afterwards. Every failure looks the same from outside, so nobody learns whether a
 * username exists or an account is disabled.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName();
        String address =
                attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                        ? details.getRemoteAddress()
                        : "unknown";
        if (throttle.begin(username, address).blocked()) {
            throw new TooManyAttemptsException();
        }
        Authentication result = passwords.authenticate(attempt);
        throttle.succeeded(username);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Refused before checking the password, because of earlier failures. */
    static final class TooManyAttemptsException extends AuthenticationException {
        TooManyAttemptsException() {
            super("Too many failed sign-in attempts");
        }
    }
}
