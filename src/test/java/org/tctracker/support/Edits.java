package org.tctracker.support;

import java.util.List;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentDraft;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.Status;

/** Changes a test makes through the edit form's own service call, as a person saving the form would. */
public final class Edits {

    private Edits() {}

    /** Saves the commitment with another status and, if given, these collaborators; the rest as it is. */
    public static Commitment setStatus(
            CommitmentService service, TrackerUser who, long commitmentId, Status status, Long... collaboratorIds) {
        Commitment current = service.get(commitmentId);
        return service.update(
                who,
                current.getId(),
                current.getVersion(),
                new CommitmentDraft(
                        current.getTitle(),
                        current.getSummary(),
                        current.getOwner().getId(),
                        List.of(collaboratorIds),
                        status,
                        current.getTargetDate()));
    }
}
