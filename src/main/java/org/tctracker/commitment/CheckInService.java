package org.tctracker.commitment;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.tctracker.account.TrackerUser;
import org.tctracker.cycle.IsoWeek;
import org.tctracker.system.RecordNotFoundException;

/**
 * Records weekly check-ins. Today, in the tracker's zone, decides the ISO week; a second check-in
 * in the same week amends that week's record, and the commitment takes the status of its latest.
 */
@Service
@Transactional
@Validated
public class CheckInService {

    private final Commitments commitments;
    private final CheckIns checkIns;
    private final CommitmentPermissions permissions;
    private final Clock clock;

    CheckInService(Commitments commitments, CheckIns checkIns, CommitmentPermissions permissions, Clock clock) {
        this.commitments = commitments;
        this.checkIns = checkIns;
        this.permissions = permissions;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public IsoWeek thisWeek() {
        return IsoWeek.of(today());
    }

    /** Records a check-in the person may make; its fields are checked by {@link CheckInDraft}'s rules. */
    public CheckIn record(TrackerUser user, @Valid CheckInDraft draft) {
        Commitment commitment = changeable(user, draft.commitmentId());
        List<CheckIn> existing = checkIns.findByCommitment(commitment.getId());
        CheckIn checkIn = commitment.checkIn(
                existing,
                clock.instant(),
                today(),
                user.getUsername(),
                Objects.requireNonNull(draft.status()),
                draft.note(),
                draft.percentDone());
        CheckIn saved = checkIns.save(checkIn);
        commitments.save(commitment);
        return saved;
    }

    /** The commitment, if the person may check in on it; a 403 otherwise. */
    @Transactional(readOnly = true)
    public Commitment changeable(TrackerUser user, long commitmentId) {
        Commitment commitment = commitments
                .findDetailed(commitmentId)
                .orElseThrow(() -> RecordNotFoundException.of("commitment", commitmentId));
        if (!permissions.mayChange(user, commitment)) {
            throw new AccessDeniedException("Only its owner, its collaborators and admins may check in on this.");
        }
        return commitment;
    }

    /** This week's check-in of one commitment, if it has one. */
    @Transactional(readOnly = true)
    public @Nullable CheckIn thisWeeksOf(long commitmentId) {
        return checkIns.findByCommitment(commitmentId).stream()
                .filter(c -> c.getWeek().equals(thisWeek()))
                .findFirst()
                .orElse(null);
    }

    /** Each of a cycle's commitments' latest check-in before this week, where it has one. */
    @Transactional(readOnly = true)
    public List<CheckIn> beforeThisWeekIn(long cycleId) {
        return checkIns.findLatestBefore(cycleId, thisWeek().toString());
    }

    /** This week's check-in of each of a cycle's commitments that has one. */
    @Transactional(readOnly = true)
    public List<CheckIn> thisWeeksIn(long cycleId) {
        return checkIns.findByCycleAndWeek(cycleId, thisWeek().toString());
    }
}
