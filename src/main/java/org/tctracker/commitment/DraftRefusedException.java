package org.tctracker.commitment;

/** A draft that names something that does not exist, or breaks a rule; says which field and why. */
public class DraftRefusedException extends RuntimeException {

    private final String field;

    public DraftRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
