package org.tctracker.system;

/** Thrown by a page whose record does not exist; answered with the 404 page. */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String message) {
        super(message);
    }

    public static RecordNotFoundException of(String what, Object key) {
        String shown = String.valueOf(key);
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "…";
        }
        return new RecordNotFoundException("There is no " + what + " " + shown + ".");
    }
}
