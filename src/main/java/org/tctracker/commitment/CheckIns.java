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
}
