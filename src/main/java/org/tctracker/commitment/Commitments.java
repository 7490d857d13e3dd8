package org.tctracker.commitment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Every commitment, of every cycle. */
public interface Commitments extends Repository<Commitment, Long> {

    Commitment save(Commitment commitment);

    /** The commitment with its cycle, owner and collaborators, read in one statement. */
    @Query("""
            select c from Commitment c
              join fetch c.cycle
              join fetch c.owner
              left join fetch c.collaborators
            where c.id = :id
            """)
    Optional<Commitment> findDetailed(long id);

    @Query("select l from SpecLink l where l.commitment.id = :commitmentId order by l.id")
    List<SpecLink> findLinksOf(long commitmentId);
}
