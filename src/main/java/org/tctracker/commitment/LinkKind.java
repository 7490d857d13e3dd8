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

    /**
     * What an address most likely points at, from its host: a Gerrit change is a review (or a spec
     * when its repository is a {@code -specs} one), specs.openstack.org holds specs, and the
     * community's lists, etherpads and wiki live on hosts named for them. Empty when the address
     * says nothing.
     */
    public static java.util.Optional<LinkKind> guessFrom(WebAddress address) {
        String host = address.host();
        String path = address.path();
        if (host.equals("specs.openstack.org")) {
            return java.util.Optional.of(SPEC);
        }
        if (host.startsWith("review.")) {
            boolean specsRepository =
                    java.util.Arrays.stream(path.split("/")).anyMatch(part -> part.endsWith("-specs"));
            return java.util.Optional.of(specsRepository ? SPEC : REVIEW);
        }
        if (host.startsWith("lists.")) {
            return java.util.Optional.of(MAILING_LIST);
        }
        if (host.startsWith("etherpad.")) {
            return java.util.Optional.of(ETHERPAD);
        }
        if (host.startsWith("wiki.")) {
            return java.util.Optional.of(WIKI);
        }
        return java.util.Optional.empty();
    }
}
