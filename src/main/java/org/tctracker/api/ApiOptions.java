package org.tctracker.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asked what it allows, any address of the API, even one with nothing at it, says reading only:
 * the servlet container would otherwise list every method HTTP has.
 */
@Component
class ApiOptions extends OncePerRequestFilter {

    static final String ALLOWED = "GET, HEAD, OPTIONS";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"OPTIONS".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Allow", ALLOWED);
        response.setStatus(HttpServletResponse.SC_OK);
    }
}
