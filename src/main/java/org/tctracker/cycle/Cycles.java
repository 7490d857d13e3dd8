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

    List<Cycle> findAllByOrderByStartsOnDesc();

    Cycle save(Cycle cycle);

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
