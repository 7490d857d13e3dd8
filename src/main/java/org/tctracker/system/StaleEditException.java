package org.tctracker.system;

/**
 * Someone saved the record after the person's form was loaded. Carries what is stored now, so the
 * conflict page can show it beside the person's input.
 */
public class StaleEditException extends RuntimeException {

    private final transient Object stored;

    public StaleEditException(Object stored) {
        super("The record was changed by someone else");
        this.stored = stored;
    }

    @SuppressWarnings("unchecked")
    public <T> T stored() {
        return (T) stored;
    }
}
