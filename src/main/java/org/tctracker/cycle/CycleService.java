package org.tctracker.cycle;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tctracker.system.Admins;
import org.tctracker.system.ChangeRefusedException;
import org.tctracker.system.RecordNotFoundException;
import org.tctracker.system.StaleEditException;

/** Opening, changing and removing cycles: admin work. */
@Service
@Transactional
public class CycleService {

    private final Cycles cycles;
    private final JdbcClient jdbc;
    private final EntityManager entityManager;

    CycleService(Cycles cycles, JdbcClient jdbc, EntityManager entityManager) {
        this.cycles = cycles;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
    }

    /** A cycle as a form describes it. */
    public record CycleDraft(
            String slug,
            String name,
            @Nullable String summit,
            LocalDate startsOn,
            LocalDate endsOn,
            Map<String, LocalDate> milestones) {}

    @Transactional(readOnly = true)
    public Cycle get(String slug) {
        return cycles.findWithMilestones(slug).orElseThrow(() -> RecordNotFoundException.of("cycle", slug));
    }

    public Cycle create(CycleDraft draft) {
        Admins.require();
        if (cycles.existsBySlug(draft.slug())) {
            throw new ChangeRefusedException(
                    "slug", "Another cycle already uses the address /cycles/" + draft.slug() + ".");
        }
        Cycle cycle = new Cycle(draft.slug(), draft.name(), draft.summit(), draft.startsOn(), draft.endsOn());
        cycle.replaceMilestones(draft.milestones());
        return cycles.save(cycle);
    }

    public Cycle update(String slug, long loadedVersion, CycleDraft draft) {
        Admins.require();
        Cycle cycle = get(slug);
        if (cycle.getVersion() != loadedVersion) {
            throw new StaleEditException(cycle);
        }
        if (!draft.slug().equals(slug) && cycles.existsBySlug(draft.slug())) {
            throw new ChangeRefusedException(
                    "slug", "Another cycle already uses the address /cycles/" + draft.slug() + ".");
        }
        cycle.revise(draft.slug(), draft.name(), draft.summit(), draft.startsOn(), draft.endsOn());
        cycle.replaceMilestones(draft.milestones());
        // Milestones are part of the cycle: changing only them must still count as a new version.
        entityManager.lock(cycle, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return cycle;
    }

    /** Removes a cycle with no commitments left; one that still has some says how many. */
    public void delete(String slug) {
        Admins.require();
        Cycle cycle = get(slug);
        int held = jdbc.sql("select count(*) from commitment where cycle_id = ?")
                .param(cycle.getId())
                .query(Integer.class)
                .single();
        if (held > 0) {
            throw new ChangeRefusedException(
                    "cycle",
                    cycle.getName() + " still has " + held + (held == 1 ? " commitment" : " commitments")
                            + "; move, carry over or delete them before deleting the cycle.");
        }
        cycles.delete(cycle);
    }
}
