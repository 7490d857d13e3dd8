package org.tctracker.commitment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Every commitment, of every cycle. */
public interface Commitments extends Repository<Commitment, Long> {

    Commitment save(Commitment commitment);

    /** The commitment with its cycle and milestones, owner, collaborators and successor, in one statement. */
    @Query("""
            select c from Commitment c
              join fetch c.cycle cy
              left join fetch cy.milestones
              join fetch c.owner
              left join fetch c.collaborators
              left join fetch c.carriedTo next
              left join fetch next.cycle
            where c.id = :id
            """)
    Optional<Commitment> findDetailed(long id);

    /** A cycle's commitments with their owners and collaborators, for deciding who may update which. */
    @Query("""
            select distinct c from Commitment c
              join fetch c.owner
              left join fetch c.collaborators
            where c.cycle.id = :cycleId
            order by c.position
            """)
    List<Commitment> findByCycleWithPeople(long cycleId);

    /** The commitment this one was carried over from, if any. */
    @Query("select c from Commitment c join fetch c.cycle where c.carriedTo.id = :id")
    Optional<Commitment> findCarriedFrom(long id);

    /** Every commitment of a cycle in order, for renumbering. */
    @Query("select c from Commitment c where c.cycle.id = :cycleId order by c.position")
    List<Commitment> findByCycleInOrder(long cycleId);

    /** Every carry-over ever made, as original and copy, to follow lines of work across cycles. */
    @Query("""
            select new org.tctracker.commitment.CarryOverLink(c.id, c.cycle.id, c.position, c.carriedTo.id)
            from Commitment c where c.carriedTo is not null
            """)
    List<CarryOverLink> carryOverLinks();

    /** Which of these commitments have at least one check-in. */
    @Query("select distinct ci.commitment.id from CheckIn ci where ci.commitment.id in :ids")
    List<Long> checkedInAmong(Collection<Long> ids);

    /** The cycle a commitment lies in, if there is such a commitment. */
    @Query("select c.cycle.id from Commitment c where c.id = :id")
    Optional<Long> findCycleIdOf(long id);

    @Query("select coalesce(max(c.position), 0) from Commitment c where c.cycle.id = :cycleId")
    int lastPositionIn(long cycleId);

    void delete(Commitment commitment);

    @Query("select l from SpecLink l join fetch l.commitment where l.id = :id")
    Optional<SpecLink> findLink(long id);

    @Query("select l from SpecLink l where l.commitment.id = :commitmentId order by l.id")
    List<SpecLink> findLinksOf(long commitmentId);

    /** Every spec link of a cycle's commitments, in the order they were added. */
    @Query("select l from SpecLink l join fetch l.commitment c where c.cycle.id = :cycleId order by l.id")
    List<SpecLink> findLinksOfCycle(long cycleId);
}
