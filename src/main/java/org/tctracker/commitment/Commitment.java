package org.tctracker.commitment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.IsoWeek;
import org.tctracker.people.Person;
import org.tctracker.system.ChangeRefusedException;
import org.tctracker.system.StoredRecord;

/** Something a committee member promised to do in a cycle. */
@Entity
@Audited
@Table(name = "commitment")
public class Commitment extends StoredRecord {

    public static final int MAX_TITLE_LENGTH = 120;
    public static final int MAX_SUMMARY_LENGTH = 10_000;
    /** More links than anyone follows; a page that lists them all stays quick to read and to render. */
    public static final int MAX_LINKS = 50;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cycle_id")
    private Cycle cycle;

    private int position;

    private String title;

    private String summary;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    private Person owner;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "commitment_collaborator",
            joinColumns = @JoinColumn(name = "commitment_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    private Set<Person> collaborators = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    private Status status;

    private @Nullable LocalDate targetDate;

    @OneToMany(mappedBy = "commitment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<SpecLink> links = new ArrayList<>();

    /** Set on an unfinished commitment whose work moved on to another cycle. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "carried_to_id")
    private @Nullable Commitment carriedTo;

    /**
     * What happened to this commitment since it was last saved, as events to publish once it is
     * (Spring Data publishes them on {@code commitments.save}). Each is made at publication, so a
     * new commitment's event carries the id the database has just given it.
     */
    @Transient
    private final List<Supplier<Object>> events = new ArrayList<>();

    protected Commitment() {}

    /**
     * A commitment recorded at a moment of the application's clock (for a carried-over copy: when
     * it was carried in). It counts in the weeks from that one on, and is not stale the day it is
     * made.
     */
    public Commitment(Cycle cycle, int position, String title, String summary, Person owner, Instant createdAt) {
        super(createdAt);
        if (position < 1) {
            throw new IllegalArgumentException("Positions start at 1");
        }
        this.cycle = cycle;
        this.position = position;
        this.title = title;
        this.summary = summary;
        this.owner = owner;
        this.status = Status.NOT_STARTED;
    }

    public SpecLink addLink(String title, WebAddress url, LinkKind kind, LinkState state) {
        return addLink(title, url, kind, state, null, Instant.now());
    }

    /**
     * Adds a link at a moment of the application's clock; {@code served} names the source that
     * keeps its state, if one does.
     */
    public SpecLink addLink(
            String title,
            WebAddress url,
            LinkKind kind,
            LinkState state,
            LinkSources.@Nullable Served served,
            Instant at) {
        if (links.size() >= MAX_LINKS) {
            throw new ChangeRefusedException(
                    "url", "A commitment has at most " + MAX_LINKS + " links; remove one it no longer needs first.");
        }
        SpecLink link = new SpecLink(this, title, url, kind, state, served, at);
        links.add(link);
        return link;
    }

    public void addCollaborator(Person person) {
        collaborators.add(person);
    }

    /** A commitment someone makes through the tracker, as opposed to one carried over or imported. */
    static Commitment make(Cycle cycle, int position, String title, String summary, Person owner, Instant at) {
        Commitment made = new Commitment(cycle, position, title, summary, owner, at);
        made.events.add(() -> new CommitmentCreated(made.getId(), cycle.getId(), made.owner.getId(), at));
        return made;
    }

    /** Changes what an edit form can change; the position moves through the cycle's ordering. */
    void revise(
            String title,
            String summary,
            Person owner,
            Collection<Person> collaborators,
            Status status,
            @Nullable LocalDate targetDate,
            Instant at) {
        this.title = title;
        this.summary = summary;
        this.owner = owner;
        this.collaborators.retainAll(collaborators);
        this.collaborators.addAll(collaborators);
        this.targetDate = targetDate;
        changeStatus(status, at);
    }

    /** Changes what a link form can change; a new state is news to whoever follows the work. */
    void reviseLink(SpecLink link, LinkDraft draft, LinkSources.@Nullable Served served, boolean follow, Instant at) {
        LinkState before = link.getState();
        link.revise(draft.title(), draft.url(), draft.kind(), draft.state(), served, follow);
        LinkState after = link.getState();
        if (before != after) {
            events.add(() -> new LinkStateChanged(getId(), link.getId(), link.getUrl(), before, after, at));
        }
    }

    private void changeStatus(Status to, Instant at) {
        Status from = this.status;
        this.status = to;
        if (from != to && isSaved()) {
            events.add(() -> new StatusChanged(getId(), cycle.getId(), from, to, at));
        }
    }

    @DomainEvents
    List<Object> domainEvents() {
        return events.stream().map(Supplier::get).toList();
    }

    @AfterDomainEventPublication
    void eventsPublished() {
        events.clear();
    }

    void moveTo(int position) {
        this.position = position;
    }

    void removeLink(SpecLink link) {
        links.remove(link);
    }

    /** A copy of this open commitment, with its links, as another cycle's commitment at a position. */
    Commitment carryOverInto(Cycle next, int position, Instant at) {
        Commitment copy = new Commitment(next, position, title, summary, owner, at);
        copy.collaborators.addAll(collaborators);
        copy.status = status;
        for (SpecLink link : links) {
            copy.addLink(link.getTitle(), new WebAddress(link.getUrl()), link.getKind(), link.getState(), null, at)
                    .takeReadingOf(link);
        }
        this.carriedTo = copy;
        copy.events.add(() -> new CommitmentCarriedOver(getId(), copy.getId(), cycle.getId(), next.getId(), at));
        return copy;
    }

    public @Nullable Commitment getCarriedTo() {
        return carriedTo;
    }

    /**
     * Says where this commitment's work went next: nowhere when the copy is taken back, or on to
     * the copy's own successor when the copy in between is deleted, so the line stays whole.
     */
    void carriedOnTo(@Nullable Commitment next) {
        this.carriedTo = next;
    }

    public List<SpecLink> getLinks() {
        return List.copyOf(links);
    }

    /**
     * Records this week's progress. The commitment takes the status of its latest check-in, and a
     * second check-in in the same ISO week amends that week's rather than adding another.
     */
    public CheckIn checkIn(
            List<CheckIn> existing,
            Instant at,
            LocalDate day,
            String author,
            Status statusAfter,
            String note,
            @Nullable Integer percentDone) {
        IsoWeek week = IsoWeek.of(day);
        Optional<CheckIn> thisWeeks =
                existing.stream().filter(c -> c.getWeek().equals(week)).findFirst();
        CheckIn checkIn = thisWeeks
                .map(c -> c.amend(at, day, author, statusAfter, note, percentDone))
                .orElseGet(() -> new CheckIn(this, at, day, author, statusAfter, note, percentDone));
        boolean latest = existing.stream()
                .map(CheckIn::getCheckedOn)
                .max(Comparator.naturalOrder())
                .map(last -> !day.isBefore(last))
                .orElse(true);
        events.add(() ->
                new CheckInRecorded(getId(), cycle.getId(), week, statusAfter, author, thisWeeks.isPresent(), at));
        if (latest) {
            changeStatus(statusAfter, at);
        }
        return checkIn;
    }

    public Cycle getCycle() {
        return cycle;
    }

    public int getPosition() {
        return position;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public Person getOwner() {
        return owner;
    }

    /** Collaborators in name order. */
    public List<Person> getCollaborators() {
        return collaborators.stream()
                .sorted(Comparator.comparing(Person::getDisplayName))
                .toList();
    }

    public Status getStatus() {
        return status;
    }

    public Commitment withStatus(Status status) {
        this.status = status;
        return this;
    }

    public @Nullable LocalDate getTargetDate() {
        return targetDate;
    }

    public Commitment withTargetDate(@Nullable LocalDate targetDate) {
        this.targetDate = targetDate;
        return this;
    }
}
