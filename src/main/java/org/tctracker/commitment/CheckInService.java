package org.tctracker.commitment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tctracker.account.TrackerUser;
import org.tctracker.system.RecordNotFoundException;

/**
 * Records weekly check-ins. Today, in the tracker's zone, decides the ISO week; a second check-in
 * in the same week amends that week's record, and the commitment takes the status of its latest.
 */
@Service
@Transactional
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

    public CheckIn record(TrackerUser user, CheckInDraft draft) {
        Commitment commitment = commitments
                .findDetailed(draft.commitmentId())
                .orElseThrow(() -> RecordNotFoundException.of("commitment", draft.commitmentId()));
        if (!permissions.mayChange(user, commitment)) {
            throw new AccessDeniedException("Only its owner, its collaborators and admins may check in on this.");
        }
        List<CheckIn> existing = checkIns.findByCommitment(commitment.getId());
        CheckIn checkIn = commitment.checkIn(
                existing,
                clock.instant(),
                today(),
                user.getUsername(),
                draft.status(),
                draft.note(),
                draft.percentDone());
        return checkIns.save(checkIn);
    }

    /** Records every row or, if any fails, none: the caller's transaction rolls back as a whole. */
    public List<CheckIn> recordAll(TrackerUser user, List<CheckInDraft> drafts) {
        List<CheckIn> recorded = new ArrayList<>();
        for (CheckInDraft draft : drafts) {
            recorded.add(record(user, draft));
        }
        return recorded;
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
