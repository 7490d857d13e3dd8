package org.tctracker.commitment;

/** What a spec link points at. */
public enum LinkKind {
    SPEC("Spec"),
    REVIEW("Review"),
    MAILING_LIST("Mailing-list thread"),
    ETHERPAD("Etherpad"),
    WIKI("Wiki"),
    OTHER("Other");

    private final String label;

    LinkKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
