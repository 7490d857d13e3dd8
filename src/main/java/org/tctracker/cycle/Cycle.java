package org.tctracker.cycle;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;
import org.tctracker.system.StoredRecord;

/** A release cycle such as Mitaka: the span of time a set of commitments is made for. */
@Entity
@Audited
@Table(name = "cycle")
public class Cycle extends StoredRecord {

    public static final int MAX_SLUG_LENGTH = 40;
    public static final int MAX_NAME_LENGTH = 80;
    public static final int MAX_SUMMIT_LENGTH = 120;

    private String slug;

    private String name;

    private @Nullable String summit;

    private LocalDate startsOn;

    private LocalDate endsOn;

    @OneToMany(mappedBy = "cycle", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("dueOn, name")
    private List<Milestone> milestones = new ArrayList<>();

    protected Cycle() {}

    public Cycle(String slug, String name, @Nullable String summit, LocalDate startsOn, LocalDate endsOn) {
        describe(slug, name, summit, startsOn, endsOn);
    }

    public void revise(String slug, String name, @Nullable String summit, LocalDate startsOn, LocalDate endsOn) {
        describe(slug, name, summit, startsOn, endsOn);
    }

    private void describe(String slug, String name, @Nullable String summit, LocalDate startsOn, LocalDate endsOn) {
        if (!endsOn.isAfter(startsOn)) {
            throw new IllegalArgumentException("A cycle ends after it starts");
        }
        this.slug = slug;
        this.name = name;
        this.summit = summit;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
    }

    /**
     * Makes the milestones exactly these, by name: dates of kept ones change in place (so their
     * history continues), missing ones go, new ones are added.
     */
    public void replaceMilestones(Map<String, LocalDate> wanted) {
        milestones.removeIf(m -> !wanted.containsKey(m.getName()));
        for (Map.Entry<String, LocalDate> entry : wanted.entrySet()) {
            milestones.stream()
                    .filter(m -> m.getName().equals(entry.getKey()))
                    .findFirst()
                    .ifPresentOrElse(
                            m -> m.reschedule(entry.getValue()), () -> addMilestone(entry.getKey(), entry.getValue()));
        }
    }

    public Milestone addMilestone(String name, LocalDate dueOn) {
        Milestone milestone = new Milestone(this, name, dueOn);
        milestones.add(milestone);
        return milestone;
    }

    /** Where the cycle stands on the given day. */
    public Phase phaseOn(LocalDate day) {
        return Phase.of(startsOn, endsOn, day);
    }

    /** The cycle as readers see it: its name, dates and milestones. */
    public CycleTerm term() {
        return new CycleTerm(
                getId(),
                slug,
                name,
                summit,
                startsOn,
                endsOn,
                milestones.stream()
                        .map(m -> new CycleTerm.MilestoneDate(m.getName(), m.getDueOn()))
                        .toList());
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public @Nullable String getSummit() {
        return summit;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public List<Milestone> getMilestones() {
        return List.copyOf(milestones);
    }

    public enum Phase {
        UPCOMING("Upcoming"),
        IN_PROGRESS("In progress"),
        FINISHED("Finished");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Where a cycle with these dates stands on the given day: the one rule for it. */
        public static Phase of(LocalDate startsOn, LocalDate endsOn, LocalDate day) {
            if (day.isBefore(startsOn)) {
                return UPCOMING;
            }
            return day.isAfter(endsOn) ? FINISHED : IN_PROGRESS;
        }
    }
}
