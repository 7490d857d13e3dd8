package org.tctracker.commitment;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tctracker.account.TrackerUser;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.people.Person;
import org.tctracker.system.AdminsOnly;
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
    private final Clock clock;
    private final LinkSources sources;
    private final ApplicationEventPublisher events;

    CommitmentService(
            Commitments commitments,
            Cycles cycles,
            People people,
            CommitmentPermissions permissions,
            EntityManager entityManager,
            Clock clock,
            ObjectProvider<LinkSources> sources,
            ApplicationEventPublisher events) {
        this.commitments = commitments;
        this.cycles = cycles;
        this.people = people;
        this.permissions = permissions;
        this.entityManager = entityManager;
        this.clock = clock;
        this.sources = sources.getIfAvailable(() -> LinkSources.NONE);
        this.events = events;
    }

    /** The source that serves an address, for a form that shows it before the link is saved. */
    public Optional<LinkSources.Served> sourceOf(WebAddress address) {
        return sources.recognise(address);
    }

    /** When links a source keeps are read again, in words for a page. */
    public String rereadWords() {
        return sources.rereadWords();
    }

    private LinkSources.@Nullable Served served(WebAddress address) {
        return sources.recognise(address).orElse(null);
    }

    /** Asks for the links a source serves to be read there, once this change has committed. */
    private void readSoon(Commitment commitment) {
        for (SpecLink link : commitment.getLinks()) {
            if (link.isFollowing() && link.getSyncedAt() == null) {
                events.publishEvent(new LinkToRead(commitment.getId(), link.getId()));
            }
        }
    }

    /** The id of the cycle a commitment lies in, if there is such a commitment. */
    @Transactional(readOnly = true)
    public Optional<Long> cycleOf(long id) {
        return commitments.findCycleIdOf(id);
    }

    @Transactional(readOnly = true)
    public Commitment get(long id) {
        return commitments.findDetailed(id).orElseThrow(() -> RecordNotFoundException.of("commitment", id));
    }

    /** The commitment, for a form that changes it, if this person may; a 403 otherwise. */
    @Transactional(readOnly = true)
    public Commitment changeable(TrackerUser user, long id) {
        Commitment commitment = get(id);
        permissions.requireChange(user, commitment);
        return commitment;
    }

    /** The commitment, for the page that confirms deleting it, if this person may; a 403 otherwise. */
    @Transactional(readOnly = true)
    public Commitment deletable(TrackerUser user, long id) {
        Commitment commitment = get(id);
        permissions.requireDelete(user, commitment);
        return commitment;
    }

    public Commitment create(TrackerUser user, long cycleId, CommitmentDraft draft) {
        return create(user, cycleId, draft, List.of());
    }

    /** A new commitment at the end of its cycle, with the links typed beside it. */
    public Commitment create(TrackerUser user, long cycleId, CommitmentDraft draft, List<LinkDraft> links) {
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
        Instant now = clock.instant();
        Commitment commitment = Commitment.make(
                cycle, commitments.lastPositionIn(cycleId) + 1, draft.title(), draft.summary(), owner, now);
        commitment.revise(
                draft.title(), draft.summary(), owner, collaborators, draft.status(), draft.targetDate(), now);
        for (LinkDraft link : links) {
            commitment.addLink(link.title(), link.url(), link.kind(), link.state(), served(link.url()), now);
        }
        Commitment saved = commitments.save(commitment);
        entityManager.flush();
        readSoon(saved);
        return saved;
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
                draft.title(),
                draft.summary(),
                owner,
                collaborators(draft),
                draft.status(),
                draft.targetDate(),
                clock.instant());
        commitments.save(commitment);
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
        // A copy deleted from the middle of a line of work hands its place on, so the line can
        // still be followed and its work is never copied twice into a cycle.
        commitments.findCarriedFrom(id).ifPresent(earlier -> earlier.carriedOnTo(commitment.getCarriedTo()));
        entityManager.flush();
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

    /** One of the commitments a carry-over would copy, as the confirmation page lists it. */
    public record Candidate(long id, int position, String title, String owner, Status status, int links) {}

    /** An open commitment that a carry-over leaves where it is, and why. */
    public record Skipped(int position, String title, String reason) {}

    /**
     * What carrying one cycle's open work into another would do: the commitments it would copy,
     * in order, and the open ones it leaves, each with its reason.
     */
    public record CarryOverPlan(Cycle from, Cycle into, List<Candidate> toCopy, List<Skipped> skipped) {}

    private record Plan(Cycle from, Cycle into, List<Commitment> toCopy, List<Skipped> skipped) {}

    /** Copies carried in from one cycle, as a carry-over made them, and whether it can be taken back. */
    public record CarriedIn(Cycle from, List<Commitment> copies, boolean undoable, String why) {}

    /**
     * Plans pulling a cycle's open work into another one that has not finished. A line of work is
     * never copied twice into the same cycle: a commitment that has moved on already is left, and
     * so is one whose line of work (followed back over every carry-over, not just the last) passed
     * through the target cycle before.
     */
    @Transactional(readOnly = true)
    public CarryOverPlan planCarryOver(long fromCycleId, long intoCycleId) {
        Plan plan = plan(fromCycleId, intoCycleId);
        Map<Long, Integer> links = new LinkedHashMap<>();
        for (SpecLink link : commitments.findLinksOfCycle(fromCycleId)) {
            links.merge(link.getCommitment().getId(), 1, Integer::sum);
        }
        List<Candidate> toCopy = plan.toCopy().stream()
                .map(c -> new Candidate(
                        c.getId(),
                        c.getPosition(),
                        c.getTitle(),
                        c.getOwner().getDisplayName(),
                        c.getStatus(),
                        links.getOrDefault(c.getId(), 0)))
                .toList();
        return new CarryOverPlan(plan.from(), plan.into(), toCopy, plan.skipped());
    }

    private Plan plan(long fromCycleId, long intoCycleId) {
        Cycle from = cycles.findById(fromCycleId)
                .orElseThrow(() -> new ChangeRefusedException("from", "Choose a cycle from the list."));
        Cycle into = cycles.findById(intoCycleId)
                .orElseThrow(() -> new ChangeRefusedException("into", "Choose a cycle from the list."));
        if (from.getId().equals(into.getId())) {
            throw new ChangeRefusedException("from", "Choose another cycle to carry work from.");
        }
        if (into.phaseOn(LocalDate.now(clock)) == Cycle.Phase.FINISHED) {
            throw new ChangeRefusedException(
                    "into",
                    into.getName() + " has finished; work is carried into a cycle that is under way or still to come.");
        }
        Map<Long, CarryOverLink> carriedFrom = carriedFrom();
        List<Commitment> toCopy = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Commitment commitment : commitments.findByCycleWithPeople(fromCycleId)) {
            if (!commitment.getStatus().isOpen()) {
                continue;
            }
            if (commitment.getCarriedTo() != null) {
                Commitment next = commitment.getCarriedTo();
                skipped.add(new Skipped(
                        commitment.getPosition(),
                        commitment.getTitle(),
                        "already carried over to " + next.getCycle().getName() + " #" + next.getPosition()));
                continue;
            }
            Optional<CarryOverLink> earlier = earlierIn(commitment.getId(), into.getId(), carriedFrom);
            if (earlier.isPresent()) {
                skipped.add(new Skipped(
                        commitment.getPosition(),
                        commitment.getTitle(),
                        "its work came from " + into.getName() + " (#"
                                + earlier.get().originalPosition() + ")"));
                continue;
            }
            toCopy.add(commitment);
        }
        return new Plan(from, into, toCopy, skipped);
    }

    /** Every carry-over ever made, by the copy it made. */
    private Map<Long, CarryOverLink> carriedFrom() {
        Map<Long, CarryOverLink> carriedFrom = new LinkedHashMap<>();
        for (CarryOverLink link : commitments.carryOverLinks()) {
            carriedFrom.put(link.copyId(), link);
        }
        return carriedFrom;
    }

    /** The earliest step of a commitment's line of work that stood in the given cycle, if any. */
    private static Optional<CarryOverLink> earlierIn(
            long commitmentId, long cycleId, Map<Long, CarryOverLink> carriedFrom) {
        Set<Long> seen = new HashSet<>();
        CarryOverLink step = carriedFrom.get(commitmentId);
        while (step != null && seen.add(step.originalId())) {
            if (step.originalCycleId() == cycleId) {
                return Optional.of(step);
            }
            step = carriedFrom.get(step.originalId());
        }
        return Optional.empty();
    }

    /**
     * Carries out the plan: copies the open commitments, with their spec links, to the end of the
     * target cycle, and notes on each original where it went.
     */
    @AdminsOnly
    public List<Commitment> carryOver(long fromCycleId, long intoCycleId) {
        Plan plan = plan(fromCycleId, intoCycleId);
        int position = commitments.lastPositionIn(intoCycleId);
        Instant now = clock.instant();
        List<Commitment> copies = new ArrayList<>();
        for (Commitment commitment : plan.toCopy()) {
            copies.add(commitments.save(commitment.carryOverInto(plan.into(), ++position, now)));
        }
        return copies;
    }

    /** What has been carried into a cycle, by the cycle it came from. */
    @Transactional(readOnly = true)
    public List<CarriedIn> carriedInto(long intoCycleId) {
        Map<Long, CarryOverLink> carriedFrom = carriedFrom();
        Map<Long, List<Commitment>> bySource = new LinkedHashMap<>();
        for (Commitment commitment : commitments.findByCycleInOrder(intoCycleId)) {
            CarryOverLink link = carriedFrom.get(commitment.getId());
            if (link != null) {
                bySource.computeIfAbsent(link.originalCycleId(), k -> new ArrayList<>())
                        .add(commitment);
            }
        }
        List<Long> copyIds = bySource.values().stream()
                .flatMap(List::stream)
                .map(Commitment::getId)
                .toList();
        Set<Long> checkedIn = copyIds.isEmpty() ? Set.of() : Set.copyOf(commitments.checkedInAmong(copyIds));
        List<CarriedIn> carried = new ArrayList<>();
        bySource.forEach((cycleId, copies) -> {
            Cycle from = cycles.findById(cycleId).orElseThrow();
            String why = "";
            if (copies.stream().anyMatch(c -> checkedIn.contains(c.getId()))) {
                why = "someone has checked in on the copies since";
            } else if (copies.stream().anyMatch(c -> c.getCarriedTo() != null)) {
                why = "some of the copies have been carried on to another cycle";
            }
            carried.add(new CarriedIn(from, copies, why.isEmpty(), why));
        });
        return carried;
    }

    /**
     * Takes back a carry-over made by mistake: removes the copies carried in from that cycle, and
     * the originals forget where they went. Only while nobody has checked in on the copies.
     */
    @AdminsOnly
    public int undoCarryOver(long fromCycleId, long intoCycleId) {
        CarriedIn carried = carriedInto(intoCycleId).stream()
                .filter(c -> c.from().getId().equals(fromCycleId))
                .findFirst()
                .orElseThrow(() -> new ChangeRefusedException("from", "Nothing was carried in from that cycle."));
        if (!carried.undoable()) {
            throw new ChangeRefusedException(
                    "from",
                    "The carry-over from " + carried.from().getName() + " can no longer be undone: " + carried.why()
                            + ".");
        }
        Set<Long> copyIds = carried.copies().stream().map(Commitment::getId).collect(Collectors.toSet());
        for (Commitment original : commitments.findByCycleInOrder(fromCycleId)) {
            if (original.getCarriedTo() != null
                    && copyIds.contains(original.getCarriedTo().getId())) {
                original.carriedOnTo(null);
            }
        }
        entityManager.flush();
        carried.copies().forEach(commitments::delete);
        entityManager.flush();
        renumber(new ArrayList<>(commitments.findByCycleInOrder(intoCycleId)));
        return copyIds.size();
    }

    public SpecLink addLink(TrackerUser user, long commitmentId, LinkDraft draft) {
        Commitment commitment = get(commitmentId);
        permissions.requireChange(user, commitment);
        SpecLink link = commitment.addLink(
                draft.title(), draft.url(), draft.kind(), draft.state(), served(draft.url()), clock.instant());
        entityManager.flush();
        readSoon(commitment);
        return link;
    }

    public void updateLink(TrackerUser user, long commitmentId, long linkId, long loadedVersion, LinkDraft draft) {
        updateLink(user, commitmentId, linkId, loadedVersion, draft, true);
    }

    /**
     * Saves a link form. While a source keeps the link's state, the state typed is ignored;
     * {@code follow} false detaches the link so that it is not (the history records it), true
     * attaches it again.
     */
    public void updateLink(
            TrackerUser user, long commitmentId, long linkId, long loadedVersion, LinkDraft draft, boolean follow) {
        SpecLink link = linkOf(commitmentId, linkId);
        Commitment commitment = get(commitmentId);
        permissions.requireChange(user, commitment);
        if (link.getVersion() != loadedVersion) {
            throw new StaleEditException(link);
        }
        commitment.reviseLink(link, draft, served(draft.url()), follow, clock.instant());
        commitments.save(commitment);
        entityManager.flush();
        readSoon(commitment);
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
