package org.tctracker.commitment;

/** How far the linked document has come. */
public enum LinkState {
    DRAFT("Draft"),
    IN_REVIEW("In review"),
    APPROVED("Approved"),
    IMPLEMENTED("Implemented"),
    ABANDONED("Abandoned");

    private final String label;

    LinkState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
