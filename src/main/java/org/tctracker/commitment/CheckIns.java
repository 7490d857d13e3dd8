package org.tctracker.commitment;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The weekly check-ins of every commitment. */
public interface CheckIns extends Repository<CheckIn, Long> {

    CheckIn save(CheckIn checkIn);

    /** A commitment's check-ins, newest first. */
    @Query("select ci from CheckIn ci where ci.commitment.id = :commitmentId order by ci.checkedOn desc, ci.id desc")
    List<CheckIn> findByCommitment(long commitmentId);

    @Query("select ci from CheckIn ci join fetch ci.commitment c where c.cycle.id = :cycleId and ci.isoWeek = :week")
    List<CheckIn> findByCycleAndWeek(long cycleId, String week);

    /** Each of a cycle's commitments' latest check-in before the given week, where it has one. */
    @Query("""
            select ci from CheckIn ci join fetch ci.commitment c
            where c.cycle.id = :cycleId
              and ci.isoWeek = (select max(x.isoWeek) from CheckIn x where x.commitment = c and x.isoWeek < :week)
            """)
    List<CheckIn> findLatestBefore(long cycleId, String week);
}
