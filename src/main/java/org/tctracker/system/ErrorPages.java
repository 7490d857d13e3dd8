package org.tctracker.system;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Answers the errors a visitor can cause with a page in the application's layout that says what
 * went wrong, never a stack trace. Anything else falls through to Spring Boot's error handling,
 * which renders {@code templates/error.html} without details.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler(RecordNotFoundException.class)
    String notFound(RecordNotFoundException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, e.getMessage(), model, response);
    }

    /**
     * An id in the address that is not a number (or too large for one) names no record: the page
     * does not exist. A form or query value of the wrong kind is a bad request.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String malformedArgument(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        String value = String.valueOf(e.getValue());
        String shown = ErrorResponses.shorten(value);
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return page(
                    HttpStatus.NOT_FOUND,
                    "There is nothing at this address: \"" + shown + "\" is not a valid " + e.getName() + ".",
                    model,
                    response);
        }
        return page(HttpStatus.BAD_REQUEST, "\"" + shown + "\" is not a valid " + e.getName() + ".", model, response);
    }

    @ExceptionHandler(BadRequestException.class)
    String badRequest(BadRequestException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage(), model, response);
    }

    /** A form field this page does not have, such as rows[9999] or rows[x]: someone edited the form. */
    @ExceptionHandler(InvalidPropertyException.class)
    String unknownField(InvalidPropertyException e, Model model, HttpServletResponse response) {
        return page(
                HttpStatus.BAD_REQUEST,
                "The form sent a field this page does not have; reload the page and try again.",
                model,
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
    String collision(RuntimeException e, Model model, HttpServletResponse response) {
        log.info("Refused a change that collided with another: {}", e.getMessage());
        return page(
                HttpStatus.CONFLICT,
                "Someone else changed the same thing at the same moment, so your change was not saved. "
                        + "Reload the page to see theirs, then try again.",
                model,
                response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missingParameter(MissingServletRequestParameterException e, Model model, HttpServletResponse response) {
        return page(
                HttpStatus.BAD_REQUEST,
                "The request is missing its \"" + e.getParameterName() + "\" parameter.",
                model,
                response);
    }

    private static String page(HttpStatus status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("error", status.getReasonPhrase());
        model.addAttribute("message", message);
        return "error";
    }
}
