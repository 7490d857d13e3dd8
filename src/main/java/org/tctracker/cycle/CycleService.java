package org.tctracker.cycle;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tctracker.system.AdminsOnly;
import org.tctracker.system.ChangeRefusedException;
import org.tctracker.system.RecordNotFoundException;
import org.tctracker.system.StaleEditException;

/** Opening, changing and removing cycles: admin work. */
@Service
@Transactional
public class CycleService {

    private final Cycles cycles;
    private final List<CycleReferences> references;
    private final EntityManager entityManager;

    CycleService(Cycles cycles, List<CycleReferences> references, EntityManager entityManager) {
        this.cycles = cycles;
        this.references = references;
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

    @AdminsOnly
    public Cycle create(CycleDraft draft) {
        if (cycles.existsBySlug(draft.slug())) {
            throw new ChangeRefusedException(
                    "slug", "Another cycle already uses the address /cycles/" + draft.slug() + ".");
        }
        Cycle cycle = new Cycle(draft.slug(), draft.name(), draft.summit(), draft.startsOn(), draft.endsOn());
        cycle.replaceMilestones(draft.milestones());
        return cycles.save(cycle);
    }

    @AdminsOnly
    public Cycle update(String slug, long loadedVersion, CycleDraft draft) {
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
    @AdminsOnly
    public void delete(String slug) {
        Cycle cycle = get(slug);
        List<String> held = references.stream()
                .map(reference -> reference.describe(cycle.getId()))
                .flatMap(Optional::stream)
                .toList();
        if (!held.isEmpty()) {
            throw new ChangeRefusedException(
                    "cycle",
                    cycle.getName() + " still has " + String.join(" and ", held)
                            + "; move, carry over or delete them before deleting the cycle.");
        }
        cycles.delete(cycle);
    }
}
