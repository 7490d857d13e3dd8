package org.tctracker.cycle;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Every cycle the tracker knows. */
public interface Cycles extends Repository<Cycle, Long> {

    Optional<Cycle> findBySlug(String slug);

    Optional<Cycle> findById(long id);

    List<Cycle> findAllByOrderByStartsOnDesc();

    Cycle save(Cycle cycle);

    void delete(Cycle cycle);

    boolean existsBySlug(String slug);

    @Query("select distinct c from Cycle c left join fetch c.milestones where c.slug = :slug")
    Optional<Cycle> findWithMilestones(String slug);

    /** The cycle whose dates contain the given day, else the one that started last. */
    default Optional<Cycle> findCurrent(LocalDate today) {
        return findOrderedByCurrency(today, Limit.of(1)).stream().findFirst();
    }

    @Query("""
            select c from Cycle c
            order by case when c.startsOn <= :today and c.endsOn >= :today then 0 else 1 end, c.startsOn desc
            """)
    List<Cycle> findOrderedByCurrency(LocalDate today, Limit limit);

    @Query("select m from Milestone m where m.cycle = :cycle order by m.dueOn, m.name")
    List<Milestone> findMilestonesOf(Cycle cycle);
}
