package org.tctracker.commitment;

/** Someone saved the record after the editor's form was loaded; carries what is stored now. */
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
