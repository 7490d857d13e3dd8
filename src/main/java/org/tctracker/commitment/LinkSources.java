package org.tctracker.commitment;

import java.util.Optional;

/**
 * Tells which source, if any, serves a link's address. The tracker asks when a link is added or its
 * address changes; the sources module answers from its settings.
 */
public interface LinkSources {

    /** The source that serves this address, or empty when none of the configured ones does. */
    Optional<Served> recognise(WebAddress address);

    /** When links are read again, in words for a page: "every hour", or how they are read when not. */
    default String rereadWords() {
        return "when the sync command runs";
    }

    /** A kind of source and the server, as configured, whose address the link starts with. */
    record Served(SourceKind kind, String server) {

        /** The server's host, the way a person names it: "review.opendev.org". */
        public String host() {
            return new WebAddress(server).host();
        }
    }

    /** For contexts without sources: no address is served. */
    LinkSources NONE = address -> Optional.empty();
}
