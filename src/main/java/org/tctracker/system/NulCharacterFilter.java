package org.tctracker.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests whose address or form values contain a NUL character. No field of the tracker
 * can hold one, and PostgreSQL rejects it outright, so it is bad input wherever it appears.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class NulCharacterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (containsNul(request)) {
            ErrorResponses.send(
                    request,
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "The request contains a NUL character, which no field here accepts.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean containsNul(HttpServletRequest request) {
        if (request.getRequestURI().indexOf('\0') >= 0) {
            return true;
        }
        for (String[] values : request.getParameterMap().values()) {
            for (String value : values) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
