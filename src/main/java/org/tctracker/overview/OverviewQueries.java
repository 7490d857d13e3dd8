package org.tctracker.overview;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.tctracker.commitment.Commitment;

/**
 * Projections for the overview pages: one statement each, whatever the size of the history. The
 * statuses are written into the queries rather than passed as lists, so Hibernate translates each
 * query once and not on every request.
 */
interface OverviewQueries extends Repository<Commitment, Long> {

    @Query("""
            select new org.tctracker.overview.CommitmentRow(
                c.id, c.position, c.title, o.id, o.displayName, o.ircNick, c.status,
                (select count(l) from SpecLink l where l.commitment = c),
                (select max(ci.checkedOn) from CheckIn ci where ci.commitment = c), c.createdAt)
            from Commitment c join c.owner o
            where c.cycle.id = :cycleId
            order by c.position
            """)
    List<CommitmentRow> rowsOfCycle(long cycleId);

    /** Which of a cycle's commitments a person owns or helps with. */
    @Query("""
            select c.id from Commitment c
            where c.cycle.id = :cycleId
              and (c.owner.id = :personId
                   or exists (select k.id from Commitment c2 join c2.collaborators k where c2 = c and k.id = :personId))
            """)
    List<Long> heldInCycle(long cycleId, long personId);

    @Query("""
            select new org.tctracker.overview.CycleSummary(
                cy.id, cy.slug, cy.name, cy.summit, cy.startsOn, cy.endsOn,
                (select count(c) from Commitment c where c.cycle = cy),
                (select count(c) from Commitment c where c.cycle = cy and c.status in (
                    org.tctracker.commitment.Status.DONE, org.tctracker.commitment.Status.DROPPED)))
            from Cycle cy
            order by cy.startsOn desc
            """)
    List<CycleSummary> cycleSummaries();

    @Query("""
            select new org.tctracker.overview.PersonSummary(
                p.id, p.displayName, p.ircNick, p.affiliation,
                (select count(c) from Commitment c where c.owner = p),
                (select count(c) from Commitment c where c.owner = p and c.status in (
                    org.tctracker.commitment.Status.NOT_STARTED, org.tctracker.commitment.Status.IN_PROGRESS,
                    org.tctracker.commitment.Status.BLOCKED)))
            from Person p
            order by lower(p.displayName), p.ircNick
            """)
    List<PersonSummary> peopleSummaries();

    @Query("""
            select new org.tctracker.overview.HeldCommitment(
                c.id, cy.slug, cy.name, c.position, c.title, c.status, o.id = :personId)
            from Commitment c join c.cycle cy join c.owner o
            where o.id = :personId
               or exists (select k.id from Commitment c2 join c2.collaborators k where c2 = c and k.id = :personId)
            order by cy.startsOn desc, c.position
            """)
    List<HeldCommitment> heldBy(long personId);
}
