package org.tctracker.account;

import org.springframework.http.HttpStatus;

/** Why a sign-in was refused, as far as the person signing in may know. */
public enum LoginFailure {
    REFUSED(HttpStatus.UNAUTHORIZED, "That username and password do not match an active account."),
    THROTTLED(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many failed sign-in attempts. Sign-in is paused for up to 15 minutes; try again later.");

    public static final String ATTRIBUTE = LoginFailure.class.getName();

    private final HttpStatus status;
    private final String message;

    LoginFailure(HttpStatus status, String message) {
        this.status = status;
        this.message = message;
    }

    public HttpStatus status() {
        return status;
    }

    public String message() {
        return message;
    }
}
