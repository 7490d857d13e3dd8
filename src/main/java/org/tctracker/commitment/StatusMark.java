package org.tctracker.commitment;

import org.tctracker.cycle.IsoWeek;

/**
 * A commitment's status from some moment of one ISO week on: either a saved version of the
 * commitment (its creation, an edit, a check-in that moved it) or a check-in. {@code order} ranks
 * marks of the same kind within a week, the later the higher.
 */
public record StatusMark(long commitmentId, IsoWeek week, Status status, Source source, long order) {

    public enum Source {
        /** A saved version of the commitment, from its history. */
        RECORD,
        /** A weekly check-in. */
        CHECK_IN
    }
}
