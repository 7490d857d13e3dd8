package org.tctracker.commitment;

/** A commitment's status as recorded by its check-in of one ISO week. */
public record StatusMark(long commitmentId, String isoWeek, Status status) {
    public IsoWeek week() {
        return IsoWeek.parse(isoWeek);
    }
}
