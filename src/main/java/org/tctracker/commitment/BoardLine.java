package org.tctracker.commitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tctracker.cycle.IsoWeek;
import org.tctracker.people.PersonRef;

/**
 * One commitment of a cycle's board: what it is, who holds it, where it stands and whether it is
 * stale. {@code links} is filled only on a detailed board; {@code linkCount} always.
 *
 * @param since the first week the commitment counts in: the week it was made or carried in
 */
public record BoardLine(
        long id,
        int position,
        String title,
        String summary,
        Status status,
        @Nullable LocalDate targetDate,
        PersonRef owner,
        List<PersonRef> collaborators,
        int linkCount,
        List<LinkLine> links,
        @Nullable CheckInLine lastCheckIn,
        Instant createdAt,
        IsoWeek since,
        @Nullable Long carriedToId,
        boolean stale) {

    /** Whether the person owns this commitment or helps with it. */
    public boolean heldBy(long personId) {
        return owner.id() == personId || collaborators.stream().anyMatch(p -> p.id() == personId);
    }

    public @Nullable LocalDate lastCheckInDate() {
        return lastCheckIn == null ? null : lastCheckIn.checkedOn();
    }
}
