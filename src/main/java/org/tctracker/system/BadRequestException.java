package org.tctracker.system;

/** Thrown when a request's parameters make no sense; answered with a 400 page that says why. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
