package org.tctracker.system;

/** Thrown by a page whose record does not exist; answered with the 404 page. */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String message) {
        super(message);
    }

    public static RecordNotFoundException of(String what, Object key) {
        String shown = ErrorResponses.shorten(String.valueOf(key));
        return new RecordNotFoundException("There is no " + what + " " + shown + ".");
    }
}
