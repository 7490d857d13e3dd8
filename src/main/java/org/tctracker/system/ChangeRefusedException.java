package org.tctracker.system;

/**
 * A change the rules refuse, such as a taken name or a person who does not exist. Says which form
 * field it is about, and why, in words for the person who made the change.
 */
public class ChangeRefusedException extends RuntimeException {

    private final String field;

    public ChangeRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
