package org.tctracker.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.tctracker.system.BadRequestException;
import org.tctracker.system.ErrorResponses;
import org.tctracker.system.RecordNotFoundException;

/** What the API's own handlers refuse, as {@code application/problem+json} rather than a page. */
@RestControllerAdvice(assignableTypes = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    @ExceptionHandler(RecordNotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(RecordNotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Map<String, Object>> badRequest(BadRequestException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), request);
    }

    /** An id that is not a number names nothing: {@code /api/v1/commitments/abc} is not found. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> malformed(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        boolean inPath = e.getParameter().hasParameterAnnotation(PathVariable.class);
        return problem(
                inPath ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST,
                "\"" + ErrorResponses.shorten(String.valueOf(e.getValue())) + "\" is not a valid " + e.getName() + ".",
                request);
    }

    private static ResponseEntity<Map<String, Object>> problem(
            HttpStatus status, String detail, HttpServletRequest request) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.problem(status.value(), detail, request.getRequestURI()));
    }
}
