package org.tctracker.account;

import org.springframework.http.HttpStatus;

/** Why a sign-in was refused, as far as the person signing in may know. */
public record LoginFailure(HttpStatus status, String message) {

    public static final LoginFailure REFUSED =
            new LoginFailure(HttpStatus.UNAUTHORIZED, "That username and password do not match an active account.");

    public static final LoginFailure THROTTLED = new LoginFailure(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many failed sign-in attempts. Sign-in is paused for up to 15 minutes; try again later.");

    public static final String ATTRIBUTE = LoginFailure.class.getName();
}
