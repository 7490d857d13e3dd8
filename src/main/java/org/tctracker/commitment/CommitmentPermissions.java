package org.tctracker.commitment;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.tctracker.account.TrackerUser;

/**
 * Who may change a commitment. Admins may change every one. An editor may change, and check in
 * on, the commitments owned by or shared with the person their account is linked to, together
 * with their spec links; and may delete the ones that person owns. Reordering a cycle moves other
 * people's commitments too, so it is for admins.
 */
@Component
public class CommitmentPermissions {

    public boolean mayChange(@Nullable TrackerUser user, Commitment commitment) {
        return user != null && (user.isAdmin() || holds(user, commitment));
    }

    /** Whether the person the account speaks for owns the commitment or helps with it. */
    public boolean holds(@Nullable TrackerUser user, Commitment commitment) {
        Long person = user == null ? null : user.personId();
        return person != null
                && (Objects.equals(commitment.getOwner().getId(), person)
                        || commitment.getCollaborators().stream()
                                .anyMatch(p -> p.getId().equals(person)));
    }

    public boolean mayDelete(@Nullable TrackerUser user, Commitment commitment) {
        return user != null
                && (user.isAdmin()
                        || (user.personId() != null
                                && Objects.equals(commitment.getOwner().getId(), user.personId())));
    }

    public boolean mayReorder(@Nullable TrackerUser user) {
        return user != null && user.isAdmin();
    }

    /** Anyone signed in may propose a commitment, but an editor only one they own or share. */
    public boolean mayCreate(@Nullable TrackerUser user) {
        return user != null && (user.isAdmin() || user.personId() != null);
    }

    void requireChange(TrackerUser user, Commitment commitment) {
        if (!mayChange(user, commitment)) {
            throw new AccessDeniedException("Only its owner, its collaborators and admins may change this commitment.");
        }
    }

    void requireDelete(TrackerUser user, Commitment commitment) {
        if (!mayDelete(user, commitment)) {
            throw new AccessDeniedException("Only its owner and admins may delete this commitment.");
        }
    }

    void requireReorder(TrackerUser user) {
        if (!mayReorder(user)) {
            throw new AccessDeniedException("Only admins may reorder a cycle.");
        }
    }
}
