package org.tctracker.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends an error through the application's error page with a message written for the person who
 * will read it. Only messages passed here reach the page; exception texts never do.
 */
public final class ErrorResponses {

    static final String MESSAGE_ATTRIBUTE = ErrorResponses.class.getName() + ".message";

    private ErrorResponses() {}

    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        request.setAttribute(MESSAGE_ATTRIBUTE, message);
        response.sendError(status);
    }
}
