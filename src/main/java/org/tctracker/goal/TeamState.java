package org.tctracker.goal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a team stands on a goal, in the order the goal's page lists them: the teams left first. */
public enum TeamState {
    NOT_STARTED("Not started"),
    PLANNED("Planned"),
    IN_PROGRESS("In progress"),
    DONE("Done"),
    NOT_APPLICABLE("Not applicable");

    private final String label;

    TeamState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The word used in addresses and files: {@code not-started}, {@code in-progress}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Still to do: neither done nor set aside. */
    public boolean left() {
        return this != DONE && this != NOT_APPLICABLE;
    }

    public static Optional<TeamState> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return Arrays.stream(values()).filter(s -> s.slug().equals(wanted)).findFirst();
    }
}
