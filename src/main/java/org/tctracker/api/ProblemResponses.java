package org.tctracker.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tctracker.system.ErrorResponses;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors raised outside the API's handlers (no such address, a method the API does not offer, a
 * refusal by the security filters) would otherwise be answered with the HTML error page. Under
 * {@code /api/} they become {@code application/problem+json} with the same message.
 */
@Configuration(proxyBeanMethods = false)
class ProblemResponses {

    @Bean
    FilterRegistrationBean<ProblemFilter> apiProblemFilter(JsonMapper json) {
        FilterRegistrationBean<ProblemFilter> registration = new FilterRegistrationBean<>(new ProblemFilter(json));
        registration.addUrlPatterns("/api/*");
        // Outside the security filters, so their refusals are caught too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** An RFC 9457 problem; every error of the API has these five fields, in this order. */
    static Map<String, Object> problem(int status, String detail, String instance) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        return problem;
    }

    static final class ProblemFilter extends OncePerRequestFilter {

        private static final Logger log = LoggerFactory.getLogger(ProblemFilter.class);

        private final JsonMapper json;

        ProblemFilter(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ErrorCatcher catcher = new ErrorCatcher(response);
            int status;
            try {
                chain.doFilter(request, catcher);
                status = catcher.error;
            } catch (IOException | ServletException | RuntimeException e) {
                if (response.isCommitted()) {
                    throw e;
                }
                log.error("API request {} failed", request.getRequestURI(), e);
                status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            }
            if (status == 0 && response.getStatus() >= 400 && response.getContentType() == null) {
                status = response.getStatus();
            }
            if (status == 0 || response.isCommitted()) {
                return;
            }
            response.resetBuffer();
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            String message = ErrorResponses.messageOf(request);
            json.writeValue(
                    response.getOutputStream(),
                    problem(status, message != null ? message : detailFor(status), request.getRequestURI()));
        }

        private static String detailFor(int status) {
            return switch (status) {
                case 401 -> "Sign in first.";
                case 403 -> "Your account may not do this.";
                case 404 -> "There is nothing at this address. The API's addresses start with /api/v1/.";
                case 405 -> "The API only reads: use GET.";
                case 406 -> "The API answers in JSON only.";
                case 500 -> "Something went wrong on our side; the request changed nothing. Try again later.";
                default -> "The request could not be answered.";
            };
        }
    }

    /** Keeps {@code sendError} from reaching the servlet container's HTML error page. */
    private static final class ErrorCatcher extends HttpServletResponseWrapper {

        private int error;

        ErrorCatcher(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) {
            this.error = status;
        }

        @Override
        public void sendError(int status, @Nullable String message) {
            this.error = status;
        }
    }
}
