package org.tctracker.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Sends an error through the application's error page with a message written for the person who
 * will read it. Only messages passed here reach the page; exception texts never do.
 */
public final class ErrorResponses {

    static final String MESSAGE_ATTRIBUTE = ErrorResponses.class.getName() + ".message";

    private ErrorResponses() {}

    /** A value a person typed, cut to 40 characters so that a message quoting it stays readable. */
    public static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** The message chosen for the error being sent on this request, if one was. */
    public static @Nullable String messageOf(HttpServletRequest request) {
        return request.getAttribute(MESSAGE_ATTRIBUTE) instanceof String message ? message : null;
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        request.setAttribute(MESSAGE_ATTRIBUTE, message);
        response.sendError(status);
    }
}
