package org.tctracker.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, requests no form of the tracker could have sent: a body
 * larger than {@value #MAX_BODY_BYTES} bytes, whether it says so in advance or not (413); a file
 * upload, since no page takes one (415); and an address or form value holding a NUL or another
 * control character other than tab, line breaks, vertical tab and form feed (400). No field can
 * hold those, and PostgreSQL rejects NUL outright.
 *
 * <p>A body is read here, whole, before anything else sees it, and it must arrive within {@code
 * tracker.request.body-deadline} (408). Clients sending bodies slowly cannot take the server's
 * workers from everyone else: at most {@value #BODIES_PER_ADDRESS} bodies per client address and
 * {@value #BODIES_AT_ONCE} in all may be arriving at once, well under the connector's 200 workers;
 * a request beyond that is told to come back in a moment (503) without its body being read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);

    /** Far above the largest form (a weekly check-in of many long notes), far below harm. */
    static final long MAX_BODY_BYTES = 512 * 1024;

    /** A person sends one form at a time; a household or an office behind one address, a few. */
    static final int BODIES_PER_ADDRESS = 8;

    static final int BODIES_AT_ONCE = 64;

    private final Duration bodyDeadline;
    private final int maxParameters;
    private final Semaphore bodies = new Semaphore(BODIES_AT_ONCE);
    private final ConcurrentHashMap<String, Integer> bodiesByAddress = new ConcurrentHashMap<>();

    RequestGuard(
            @Value("${tracker.request.body-deadline:20s}") Duration bodyDeadline,
            @Value("${server.tomcat.max-parameter-count:10000}") int maxParameters) {
        this.bodyDeadline = bodyDeadline;
        this.maxParameters = maxParameters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String protocol = request.getProtocol();
        if (protocol == null || protocol.isEmpty() || protocol.equals("HTTP/0.9")) {
            // HTTP/0.9 has no status line and no headers, so its answer could carry none of the
            // protective headers: it gets these words instead of a page.
            log.info("Refused an HTTP/0.9 request for {} from {}", request.getRequestURI(), request.getRemoteAddr());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("400 Bad Request: HTTP/0.9 is not served; use HTTP/1.1.\n");
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        if (request.getRequestURI().equals("/error")) {
            // The error page is only ever shown for an error; asked for directly, there is nothing here.
            ErrorResponses.send(
                    request, response, HttpServletResponse.SC_NOT_FOUND, "There is nothing at this address.");
            return;
        }
        HttpServletRequest checked = request;
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            String type = request.getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                refuse(
                        request,
                        response,
                        HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                        "No page here takes file uploads.");
                return;
            }
            BufferedBody read = readBody(request, response);
            if (read == null) {
                return;
            }
            checked = read;
        }
        String problem;
        try {
            problem = problemWith(checked);
        } catch (IllegalStateException unreadable) {
            // The servlet container could not decode the query: not UTF-8, or cut short.
            problem = "The request's text could not be read as UTF-8; send the form again from the page.";
        }
        if (problem != null) {
            ErrorResponses.send(checked, response, HttpServletResponse.SC_BAD_REQUEST, problem);
            return;
        }
        chain.doFilter(checked, response);
    }

    /** The body, or null when the request was refused (or its client went away). */
    private @Nullable BufferedBody readBody(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String address = String.valueOf(request.getRemoteAddr());
        boolean admitted = bodiesByAddress.merge(address, 1, Integer::sum) <= BODIES_PER_ADDRESS;
        boolean turn = admitted && bodies.tryAcquire();
        try {
            if (!turn) {
                response.setHeader("Retry-After", "5");
                refuse(
                        request,
                        response,
                        HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                        "The server is receiving too many forms at once; wait a moment and send yours again.");
                return null;
            }
            return BufferedBody.read(request, MAX_BODY_BYTES, bodyDeadline, maxParameters);
        } catch (BufferedBody.TooLarge e) {
            refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
        } catch (BufferedBody.TooSlow e) {
            refuse(
                    request,
                    response,
                    HttpServletResponse.SC_REQUEST_TIMEOUT,
                    "The form arrived too slowly to be read; send it again.");
        } catch (BufferedBody.Malformed e) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        } catch (IOException gone) {
            // The client stopped sending (the connector's read timeout) or hung up: nobody to answer.
            log.info(
                    "Gave up on a request body from {}: {}",
                    address,
                    gone.getClass().getSimpleName());
        } finally {
            if (turn) {
                bodies.release();
            }
            bodiesByAddress.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
        }
        return null;
    }

    /** Answers without reading the rest of the body, and closes the connection after the answer. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        log.info(
                "Refused {} {} from {} with {}",
                request.getMethod(),
                request.getRequestURI(),
                request.getRemoteAddr(),
                status);
        response.setHeader("Connection", "close");
        ErrorResponses.send(request, response, status, message);
    }

    private static String tooLarge() {
        return "The form sent more than " + MAX_BODY_BYTES / 1024
                + " KB, more than any field here holds. Shorten the text and try again.";
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
