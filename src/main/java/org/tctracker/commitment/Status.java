package org.tctracker.commitment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a commitment stands. Done and Dropped close it; the others leave it open. */
public enum Status {
    NOT_STARTED("Not started", "not-started", true),
    IN_PROGRESS("In progress", "in-progress", true),
    BLOCKED("Blocked", "blocked", true),
    DONE("Done", "done", false),
    DROPPED("Dropped", "dropped", false);

    private final String label;
    private final String slug;
    private final boolean open;

    Status(String label, String slug, boolean open) {
        this.label = label;
        this.slug = slug;
        this.open = open;
    }

    public String label() {
        return label;
    }

    /** The spelling used in addresses, e.g. {@code ?status=in-progress}. */
    public String slug() {
        return slug;
    }

    public boolean isOpen() {
        return open;
    }

    /** Accepts the address spelling and the constant's name, in any case. */
    public static Optional<Status> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(s -> s.slug.equals(wanted)).findFirst();
    }
}
