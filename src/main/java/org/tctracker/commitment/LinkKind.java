package org.tctracker.commitment;

import java.util.Arrays;
import java.util.Optional;

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
    public static Optional<LinkKind> guessFrom(WebAddress address) {
        String host = address.host();
        String path = address.path();
        if (host.equals("specs.openstack.org")) {
            return Optional.of(SPEC);
        }
        if (host.startsWith("review.")) {
            boolean specsRepository = Arrays.stream(path.split("/")).anyMatch(part -> part.endsWith("-specs"));
            return Optional.of(specsRepository ? SPEC : REVIEW);
        }
        if (host.startsWith("lists.")) {
            return Optional.of(MAILING_LIST);
        }
        if (host.startsWith("etherpad.")) {
            return Optional.of(ETHERPAD);
        }
        if (host.startsWith("wiki.")) {
            return Optional.of(WIKI);
        }
        return Optional.empty();
    }
}
