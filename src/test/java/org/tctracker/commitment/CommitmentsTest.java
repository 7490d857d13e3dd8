package org.tctracker.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.people.Person;

@DataJpaTest
class CommitmentsTest {

    @Autowired
    Commitments commitments;

    @Autowired
    CheckIns checkIns;

    @Autowired
    Cycles cycles;

    @Autowired
    People people;

    @Autowired
    EntityManager entityManager;

    Commitment newCommitment() {
        Cycle mitaka = cycles.findBySlug("mitaka").orElseThrow();
        Person owner = people.findByIrcNick("lifeless").orElseThrow();
        Person dims = people.save(new Person("Davanum Srinivas", "dims"));
        Person flaper = people.save(new Person("Flavio Percoco", "flaper87"));
        Commitment commitment = new Commitment(
                mitaka, 10, "Write the oslo spec", "Summary", owner, java.time.Instant.parse("2015-11-10T09:00:00Z"));
        commitment.addCollaborator(flaper);
        commitment.addCollaborator(dims);
        commitment.addLink(
                "Second link", new WebAddress("https://review.openstack.org/2"), LinkKind.REVIEW, LinkState.IN_REVIEW);
        commitment.addLink(
                "Third link", new WebAddress("https://review.openstack.org/3"), LinkKind.WIKI, LinkState.DRAFT);
        return commitments.save(commitment);
    }

    @Test
    void findsACommitmentWithItsCycleOwnerAndCollaborators() {
        long id = newCommitment().getId();
        entityManager.flush();
        entityManager.clear();

        Commitment found = commitments.findDetailed(id).orElseThrow();
        entityManager.detach(found);

        assertThat(found.getCycle().getName()).isEqualTo("Mitaka");
        assertThat(found.getOwner().getIrcNick()).isEqualTo("lifeless");
        assertThat(found.getCollaborators())
                .extracting(Person::getDisplayName)
                .containsExactly("Davanum Srinivas", "Flavio Percoco");
        assertThat(commitments.findLinksOf(id))
                .extracting(SpecLink::getTitle)
                .containsExactly("Second link", "Third link");
        assertThat(commitments.findDetailed(987654)).isEmpty();
    }

    private static java.time.Instant at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    @Test
    void aSecondCheckInInTheSameWeekAmendsTheFirstAndTheStatusFollowsTheLatest() {
        Commitment commitment = newCommitment();
        CheckIn first = checkIns.save(commitment.checkIn(
                List.of(), at(2015, 11, 9), LocalDate.of(2015, 11, 9), "lifeless", Status.IN_PROGRESS, "Drafting", 10));
        CheckIn amended = checkIns.save(commitment.checkIn(
                List.of(first),
                at(2015, 11, 12),
                LocalDate.of(2015, 11, 12),
                "lifeless",
                Status.BLOCKED,
                "Waiting on review",
                20));
        checkIns.save(commitment.checkIn(
                checkIns.findByCommitment(commitment.getId()),
                at(2015, 11, 13),
                LocalDate.of(2015, 11, 3),
                "lifeless",
                Status.NOT_STARTED,
                "Backfilled an earlier week",
                null));
        entityManager.flush();

        assertThat(amended.getId()).isEqualTo(first.getId());
        assertThat(checkIns.findByCommitment(commitment.getId()))
                .extracting(c -> c.getWeek().toString(), CheckIn::getNote, CheckIn::getStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2015-W46", "Waiting on review", Status.BLOCKED),
                        org.assertj.core.groups.Tuple.tuple(
                                "2015-W45", "Backfilled an earlier week", Status.NOT_STARTED));
        assertThat(commitment.getStatus()).isEqualTo(Status.BLOCKED);
    }
}
