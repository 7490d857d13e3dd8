package org.tctracker.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers every answer the application writes carries, set before anything else runs, so that
 * refusals made before the security rules (the request guard's, the firewall's) carry them too.
 * No inline script or style anywhere, no framing, no sniffing, no referrer to other sites. Spring
 * Security adds the rest (cache control, and HSTS over HTTPS).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProtectiveHeaders extends OncePerRequestFilter {

    public static final String CONTENT_SECURITY_POLICY = policy(List.of());

    private final ObjectProvider<FormDestinations> destinations;

    public ProtectiveHeaders(ObjectProvider<FormDestinations> destinations) {
        this.destinations = destinations;
    }

    /** The policy, with the other sites a form may lead to after {@code 'self'}. */
    static String policy(List<String> formDestinations) {
        return "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'"
                + formDestinations.stream().map(origin -> " " + origin).collect(Collectors.joining())
                + "; frame-ancestors 'none'";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> elsewhere =
                destinations.orderedStream().flatMap(d -> d.origins().stream()).toList();
        response.setHeader(
                "Content-Security-Policy", elsewhere.isEmpty() ? CONTENT_SECURITY_POLICY : policy(elsewhere));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        chain.doFilter(request, response);
    }
}
