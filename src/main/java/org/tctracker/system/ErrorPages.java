package org.tctracker.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Answers the errors a visitor can cause with a page in the application's layout that says what
 * went wrong, never a stack trace. Anything else falls through to Spring Boot's error handling,
 * which renders {@code templates/error.html} without details.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler(RecordNotFoundException.class)
    ModelAndView notFound(RecordNotFoundException e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, e.getMessage(), request, response);
    }

    /**
     * An id in the address that is not a number (or too large for one) names no record: the page
     * does not exist. A form or query value of the wrong kind is a bad request.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView malformedArgument(
            MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BadRequestException explained) {
                // A formatter that knows what the value should look like says so.
                return page(HttpStatus.BAD_REQUEST, explained.getMessage(), request, response);
            }
        }
        String value = String.valueOf(e.getValue());
        String shown = ErrorResponses.shorten(value);
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return page(
                    HttpStatus.NOT_FOUND,
                    "There is nothing at this address: \"" + shown + "\" is not a valid " + e.getName() + ".",
                    request,
                    response);
        }
        return page(HttpStatus.BAD_REQUEST, "\"" + shown + "\" is not a valid " + e.getName() + ".", request, response);
    }

    @ExceptionHandler(BadRequestException.class)
    ModelAndView badRequest(BadRequestException e, HttpServletRequest request, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage(), request, response);
    }

    /** A form field this page does not have, such as rows[9999] or rows[x]: someone edited the form. */
    @ExceptionHandler(InvalidPropertyException.class)
    ModelAndView unknownField(InvalidPropertyException e, HttpServletRequest request, HttpServletResponse response) {
        return page(
                HttpStatus.BAD_REQUEST,
                "The form sent a field this page does not have; reload the page and try again.",
                request,
                response);
    }

    /**
     * Two saves met at the same moment: the database kept one and refused the other. Nothing of the
     * refused one was stored, so the person can look again and retry.
     */
    @ExceptionHandler({
        OptimisticLockingFailureException.class,
        PessimisticLockingFailureException.class,
        DataIntegrityViolationException.class,
        jakarta.persistence.OptimisticLockException.class,
        org.hibernate.StaleStateException.class
    })
    ModelAndView collision(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        log.info("Refused a change that collided with another: {}", e.getMessage());
        return page(
                HttpStatus.CONFLICT,
                "Someone else changed the same thing at the same moment, so your change was not saved. "
                        + "Reload the page to see theirs, then try again.",
                request,
                response);
    }

    /**
     * A status the application chose, such as the 503 of a download that found no turn: its
     * reason is a sentence written for the reader.
     */
    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        return page(
                status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status,
                e.getReason() == null ? "" : e.getReason(),
                request,
                response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request, HttpServletResponse response) {
        return page(
                HttpStatus.BAD_REQUEST,
                "The request is missing its \"" + e.getParameterName() + "\" parameter.",
                request,
                response);
    }

    /**
     * The error as a page in the layout, or as one line of plain text for the addresses scripts
     * fetch (the digest's Markdown, the spreadsheets, the feeds), whose readers are not browsers.
     */
    private static ModelAndView page(
            HttpStatus status, String message, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(status.value());
        if (isForScripts(request)) {
            return new ModelAndView((View) (model, req, res) -> {
                res.setStatus(status.value());
                res.setContentType("text/plain;charset=UTF-8");
                res.getWriter().write(status.value() + " " + status.getReasonPhrase() + ": " + message + "\n");
            });
        }
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        page.addObject("message", message);
        return page;
    }

    static boolean isForScripts(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.endsWith(".md") || path.endsWith(".csv") || path.endsWith(".atom");
    }
}
