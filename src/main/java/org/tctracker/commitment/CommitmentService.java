package org.tctracker.commitment;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tctracker.account.TrackerUser;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.people.Person;
import org.tctracker.system.ChangeRefusedException;
import org.tctracker.system.RecordNotFoundException;
import org.tctracker.system.StaleEditException;

/**
 * Every change to commitments and their spec links, each checked against who is asking and
 * against the version the person's form was loaded with, so nobody's edit is lost silently.
 */
@Service
@Transactional
public class CommitmentService {

    private final Commitments commitments;
    private final Cycles cycles;
    private final People people;
    private final CommitmentPermissions permissions;
    private final EntityManager entityManager;

    CommitmentService(
            Commitments commitments,
            Cycles cycles,
            People people,
            CommitmentPermissions permissions,
            EntityManager entityManager) {
        this.commitments = commitments;
        this.cycles = cycles;
        this.people = people;
        this.permissions = permissions;
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    public Commitment get(long id) {
        return commitments.findDetailed(id).orElseThrow(() -> RecordNotFoundException.of("commitment", id));
    }

    public Commitment create(TrackerUser user, long cycleId, CommitmentDraft draft) {
        if (!permissions.mayCreate(user)) {
            throw new AccessDeniedException("Ask an admin to link your account to a person first.");
        }
        Cycle cycle = cycles.findById(cycleId)
                .orElseThrow(() -> new ChangeRefusedException("cycleId", "Choose a cycle from the list."));
        Person owner = person(draft.ownerId(), "ownerId");
        Set<Person> collaborators = collaborators(draft);
        if (!user.isAdmin()
                && !owner.getId().equals(user.personId())
                && collaborators.stream().noneMatch(p -> p.getId().equals(user.personId()))) {
            throw new ChangeRefusedException(
                    "ownerId", "Editors can create commitments that they own or help with; add yourself.");
        }
        Commitment commitment =
                new Commitment(cycle, commitments.lastPositionIn(cycleId) + 1, draft.title(), draft.summary(), owner);
        commitment.revise(draft.title(), draft.summary(), owner, collaborators, draft.status(), draft.targetDate());
        return commitments.save(commitment);
    }

    public Commitment update(TrackerUser user, long id, long loadedVersion, CommitmentDraft draft) {
        return update(user, id, loadedVersion, draft, null);
    }

    /**
     * Saves an edit, and with an admin's new position moves the commitment there, all in one
     * transaction. Only the owner or an admin may hand a commitment to someone else: a
     * collaborator who could would gain the owner's right to delete it.
     */
    public Commitment update(
            TrackerUser user, long id, long loadedVersion, CommitmentDraft draft, @Nullable Integer position) {
        Commitment commitment = get(id);
        permissions.requireChange(user, commitment);
        if (commitment.getVersion() != loadedVersion) {
            throw new StaleEditException(commitment);
        }
        Person owner = person(draft.ownerId(), "ownerId");
        if (!user.isAdmin()
                && !owner.getId().equals(commitment.getOwner().getId())
                && !commitment.getOwner().getId().equals(user.personId())) {
            throw new ChangeRefusedException(
                    "ownerId", "Only the owner or an admin can hand this commitment to someone else.");
        }
        commitment.revise(
                draft.title(), draft.summary(), owner, collaborators(draft), draft.status(), draft.targetDate());
        entityManager.flush();
        if (position != null && position != commitment.getPosition() && permissions.mayReorder(user)) {
            moveTo(user, id, position);
        }
        return commitment;
    }

    public void delete(TrackerUser user, long id, long loadedVersion) {
        Commitment commitment = get(id);
        permissions.requireDelete(user, commitment);
        if (commitment.getVersion() != loadedVersion) {
            throw new StaleEditException(commitment);
        }
        long cycleId = commitment.getCycle().getId();
        commitments.delete(commitment);
        entityManager.flush();
        renumber(new ArrayList<>(commitments.findByCycleInOrder(cycleId)));
    }

    /** Moves a commitment to another place in its cycle; the others close up around it. */
    public void moveTo(TrackerUser user, long id, int wanted) {
        permissions.requireReorder(user);
        Commitment moving = get(id);
        List<Commitment> ordered =
                new ArrayList<>(commitments.findByCycleInOrder(moving.getCycle().getId()));
        ordered.removeIf(c -> c.getId().equals(moving.getId()));
        ordered.add(Math.max(0, Math.min(wanted - 1, ordered.size())), moving);
        renumber(ordered);
    }

    /**
     * Gives the commitments positions 1..n in the given order. The unique (cycle, position)
     * constraint is checked row by row, so the rows that move go first to free places past the
     * end, then to their final ones.
     */
    private void renumber(List<Commitment> inOrder) {
        int parking = inOrder.stream().mapToInt(Commitment::getPosition).max().orElse(0) + 1;
        List<Commitment> moving = new ArrayList<>();
        for (int i = 0; i < inOrder.size(); i++) {
            if (inOrder.get(i).getPosition() != i + 1) {
                inOrder.get(i).moveTo(parking + moving.size());
                moving.add(inOrder.get(i));
            }
        }
        entityManager.flush();
        for (Commitment commitment : moving) {
            commitment.moveTo(inOrder.indexOf(commitment) + 1);
        }
        entityManager.flush();
    }

    /**
     * Copies a finished cycle's open commitments, with their spec links, to the end of another
     * cycle, and notes on each original where it went. Those already carried over stay put.
     */
    public int carryOver(TrackerUser user, long fromCycleId, long toCycleId) {
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only admins may carry work over.");
        }
        if (fromCycleId == toCycleId) {
            throw new ChangeRefusedException("to", "Choose a different cycle to carry the work into.");
        }
        Cycle next = cycles.findById(toCycleId)
                .orElseThrow(() -> new ChangeRefusedException("to", "Choose a cycle from the list."));
        int position = commitments.lastPositionIn(toCycleId);
        int carried = 0;
        for (Commitment commitment : commitments.findByCycleInOrder(fromCycleId)) {
            if (commitment.getStatus().isOpen() && commitment.getCarriedTo() == null) {
                commitments.save(commitment.carryOverInto(next, ++position));
                carried++;
            }
        }
        return carried;
    }

    public SpecLink addLink(TrackerUser user, long commitmentId, LinkDraft draft) {
        Commitment commitment = get(commitmentId);
        permissions.requireChange(user, commitment);
        SpecLink link = commitment.addLink(draft.title(), draft.url(), draft.kind(), draft.state());
        entityManager.flush();
        return link;
    }

    public void updateLink(TrackerUser user, long commitmentId, long linkId, long loadedVersion, LinkDraft draft) {
        SpecLink link = linkOf(commitmentId, linkId);
        permissions.requireChange(user, get(commitmentId));
        if (link.getVersion() != loadedVersion) {
            throw new StaleEditException(link);
        }
        link.revise(draft.title(), draft.url(), draft.kind(), draft.state());
        entityManager.flush();
    }

    public void deleteLink(TrackerUser user, long commitmentId, long linkId) {
        Commitment commitment = get(commitmentId);
        permissions.requireChange(user, commitment);
        SpecLink link = linkOf(commitmentId, linkId);
        commitment.removeLink(link);
        entityManager.remove(link);
    }

    @Transactional(readOnly = true)
    public SpecLink linkOf(long commitmentId, long linkId) {
        return commitments
                .findLink(linkId)
                .filter(link -> link.getCommitment().getId().equals(commitmentId))
                .orElseThrow(() -> RecordNotFoundException.of("link", linkId));
    }

    private Person person(long id, String field) {
        return people.findById(id)
                .orElseThrow(() -> new ChangeRefusedException(field, "Choose someone from the list."));
    }

    private Set<Person> collaborators(CommitmentDraft draft) {
        Set<Person> found = new LinkedHashSet<>();
        for (Long id : new ArrayList<>(draft.collaboratorIds())) {
            if (id != draft.ownerId()) {
                found.add(person(id, "collaboratorIds"));
            }
        }
        return found;
    }
}
