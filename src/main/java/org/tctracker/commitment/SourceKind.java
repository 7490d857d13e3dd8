package org.tctracker.commitment;

/** The kinds of place that keep a link's state themselves. */
public enum SourceKind {
    GERRIT("Gerrit"),
    LAUNCHPAD("Launchpad"),
    STORYBOARD("StoryBoard"),
    SPECS_SITE("specs.openstack.org");

    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
