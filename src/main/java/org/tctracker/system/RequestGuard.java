package org.tctracker.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, requests no form of the tracker could have sent: a body
 * larger than {@value #MAX_BODY_BYTES} bytes (413), and an address or form value holding a NUL or
 * another control character other than tab, line breaks, vertical tab and form feed (400). No field can hold those, and
 * PostgreSQL rejects NUL outright.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestGuard extends OncePerRequestFilter {

    /** Far above the largest form (a weekly check-in of many long notes), far below harm. */
    static final long MAX_BODY_BYTES = 512 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            ErrorResponses.send(
                    request,
                    response,
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "The form sent more than " + MAX_BODY_BYTES / 1024
                            + " KB, more than any field here holds. Shorten the text and try again.");
            return;
        }
        String problem;
        try {
            problem = problemWith(request);
        } catch (IllegalStateException unreadable) {
            // The servlet container could not decode the form or query: not UTF-8, or cut short.
            problem = "The request's text could not be read as UTF-8; send the form again from the page.";
        }
        if (problem != null) {
            ErrorResponses.send(request, response, HttpServletResponse.SC_BAD_REQUEST, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static @Nullable String problemWith(HttpServletRequest request) {
        String found = controlIn(request.getRequestURI());
        if (found == null) {
            for (String[] values : request.getParameterMap().values()) {
                for (String value : values) {
                    found = value == null ? null : controlIn(value);
                    if (found != null) {
                        break;
                    }
                }
                if (found != null) {
                    break;
                }
            }
        }
        if (found == null) {
            return null;
        }
        return found.equals("U+0000")
                ? "The request contains a NUL character, which no field here accepts."
                : "The request contains a control character (" + found + "), which no field here accepts.";
    }

    /** The first control character other than the white-space ones, as U+XXXX. */
    private static @Nullable String controlIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Vertical tab and form feed come with text pasted from slides and PDFs: let them be.
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0b && c != 0x0c) || c == 0x7f) {
                return String.format("U+%04X", (int) c);
            }
        }
        return null;
    }
}
