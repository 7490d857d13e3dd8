package org.tctracker.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.Cycles;
import org.tctracker.cycle.IsoWeek;
import org.tctracker.people.People;
import org.tctracker.people.Person;
import org.tctracker.support.Edits;
import org.tctracker.support.MutableClock;
import org.tctracker.support.Team;
import org.tctracker.system.StaleEditException;

/**
 * What the commitment module tells the others: a check-in recorded, a status or a link's state
 * changed, a commitment made or carried over. Each event carries the ids a listener needs to look
 * the rest up, and none is told of what did not happen.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "account")
@Import(MutableClock.InMitaka.class)
class CommitmentEventsTest {

    static final Instant NOW = LocalDateTime.of(2015, 11, 12, 10, 0)
            .atZone(java.time.ZoneId.of("UTC"))
            .toInstant();

    @Autowired
    CommitmentService service;

    @Autowired
    CheckInService checkIns;

    @Autowired
    Cycles cycles;

    Team team;
    TrackerUser chair;
    TrackerUser owner;
    Person lifeless;

    @BeforeEach
    void team(@Autowired AccountService accounts, @Autowired People people, @Autowired UserDetailsService users) {
        team = new Team(accounts, people, users);
        lifeless = team.assemble().get("owner-ed");
        chair = team.user("chair");
        owner = team.user("owner-ed");
    }

    Commitment fresh(String title, List<LinkDraft> links) {
        return service.create(
                chair,
                mitaka().getId(),
                new CommitmentDraft(title, "", lifeless.getId(), List.of(), Status.NOT_STARTED, null),
                links);
    }

    Cycle mitaka() {
        return cycles.findBySlug("mitaka").orElseThrow();
    }

    @Test
    void aNewCommitmentSaysItWasMadeWithTheIdItWasGiven(PublishedEvents events) {
        Commitment made = fresh("Made today", List.of());

        assertThat(events.ofType(CommitmentCreated.class))
                .containsExactly(new CommitmentCreated(made.getId(), mitaka().getId(), lifeless.getId(), NOW));
        assertThat(events.ofType(StatusChanged.class)).isEmpty();
    }

    @Test
    void aCheckInIsRecordedAndMovesTheStatusOnce(PublishedEvents events) {
        Commitment commitment = fresh("Checked in on", List.of());

        checkIns.record(owner, new CheckInDraft(commitment.getId(), Status.IN_PROGRESS, "Drafted the spec", 20));
        checkIns.record(owner, new CheckInDraft(commitment.getId(), Status.IN_PROGRESS, "Spec up for review", 40));

        IsoWeek week = IsoWeek.parse("2015-W46");
        assertThat(events.ofType(CheckInRecorded.class))
                .containsExactly(
                        new CheckInRecorded(
                                commitment.getId(), mitaka().getId(), week, Status.IN_PROGRESS, "owner-ed", false, NOW),
                        new CheckInRecorded(
                                commitment.getId(), mitaka().getId(), week, Status.IN_PROGRESS, "owner-ed", true, NOW));
        assertThat(events.ofType(StatusChanged.class))
                .containsExactly(new StatusChanged(
                        commitment.getId(), mitaka().getId(), Status.NOT_STARTED, Status.IN_PROGRESS, NOW));
    }

    @Test
    void anEditChangesTheStatusAndAnEditThatDoesNotSaysNothing(PublishedEvents events) {
        Commitment commitment = fresh("Edited", List.of());

        Edits.setStatus(service, chair, commitment.getId(), Status.NOT_STARTED);
        Edits.setStatus(service, chair, commitment.getId(), Status.BLOCKED);

        assertThat(events.ofType(StatusChanged.class))
                .containsExactly(new StatusChanged(
                        commitment.getId(), mitaka().getId(), Status.NOT_STARTED, Status.BLOCKED, NOW));
    }

    @Test
    void aRefusedEditSaysNothing(PublishedEvents events) {
        Commitment commitment = fresh("Edited twice at once", List.of());
        long loaded = commitment.getVersion();
        Edits.setStatus(service, chair, commitment.getId(), Status.IN_PROGRESS);
        CommitmentDraft stale =
                new CommitmentDraft("Edited twice at once", "", lifeless.getId(), List.of(), Status.BLOCKED, null);

        assertThatThrownBy(() -> service.update(chair, commitment.getId(), loaded, stale))
                .isInstanceOf(StaleEditException.class);
        assertThat(events.ofType(StatusChanged.class))
                .extracting(StatusChanged::to)
                .containsExactly(Status.IN_PROGRESS);
    }

    @Test
    void aLinksNewStateIsNewsAndANewTitleIsNot(PublishedEvents events) {
        WebAddress review = new WebAddress("https://review.openstack.org/245001");
        Commitment commitment = fresh(
                "With a review", List.of(new LinkDraft("The spec", review, LinkKind.REVIEW, LinkState.IN_REVIEW)));
        SpecLink link = commitment.getLinks().get(0);

        service.updateLink(
                owner,
                commitment.getId(),
                link.getId(),
                link.getVersion(),
                new LinkDraft("The spec, retitled", review, LinkKind.REVIEW, LinkState.IN_REVIEW));
        SpecLink retitled = service.linkOf(commitment.getId(), link.getId());
        service.updateLink(
                owner,
                commitment.getId(),
                link.getId(),
                retitled.getVersion(),
                new LinkDraft("The spec, retitled", review, LinkKind.REVIEW, LinkState.APPROVED));

        assertThat(events.ofType(LinkStateChanged.class))
                .containsExactly(new LinkStateChanged(
                        commitment.getId(),
                        link.getId(),
                        review.value(),
                        LinkState.IN_REVIEW,
                        LinkState.APPROVED,
                        NOW));
    }

    @Test
    void carriedOverWorkSaysWhereItWentAndIsNotNewWork(@Autowired Commitments commitments, PublishedEvents events) {
        Commitment open = fresh("Unfinished", List.of());
        Cycle next = cycles.save(new Cycle(
                "newton", "Newton", null, java.time.LocalDate.of(2016, 4, 11), java.time.LocalDate.of(2016, 10, 6)));

        List<Commitment> copies;
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(chair, null, chair.getAuthorities()));
        try {
            copies = service.carryOver(mitaka().getId(), next.getId());
        } finally {
            SecurityContextHolder.clearContext();
        }

        Commitment copy = copies.stream()
                .filter(c -> c.getTitle().equals("Unfinished"))
                .findFirst()
                .orElseThrow();
        assertThat(events.ofType(CommitmentCarriedOver.class))
                .hasSize(copies.size())
                .contains(new CommitmentCarriedOver(open.getId(), copy.getId(), mitaka().getId(), next.getId(), NOW));
        assertThat(events.ofType(CommitmentCreated.class))
                .extracting(CommitmentCreated::commitmentId)
                .containsExactly(open.getId());
    }
}
