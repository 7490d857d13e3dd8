package org.tctracker.cycle;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/** A dated point in a cycle's schedule: a summit, a milestone, a freeze, the release. */
@Entity
@Audited
@Table(name = "milestone")
public class Milestone {

    public static final int MAX_NAME_LENGTH = 80;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cycle_id")
    private Cycle cycle;

    private String name;

    private LocalDate dueOn;

    protected Milestone() {}

    Milestone(Cycle cycle, String name, LocalDate dueOn) {
        this.cycle = cycle;
        this.name = name;
        this.dueOn = dueOn;
    }

    void reschedule(LocalDate dueOn) {
        this.dueOn = dueOn;
    }

    public String getName() {
        return name;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }
}
