package org.tctracker.cycle.web;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.format.Formatter;
import org.springframework.stereotype.Component;
import org.tctracker.commitment.Status;
import org.tctracker.system.BadRequestException;
import org.tctracker.system.ErrorResponses;

/**
 * One {@code ?status=} of the dashboard's address: a status, written {@code in-progress} or
 * {@code IN_PROGRESS}, or {@code open} or {@code closed} for the statuses of each kind.
 */
record StatusChoice(Set<Status> statuses) {

    static Set<Status> where(boolean open) {
        return EnumSet.allOf(Status.class).stream()
                .filter(status -> status.isOpen() == open)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Status.class)));
    }

    /** Binds {@code ?status=} values as choices, and refuses an unknown one with the list of known ones. */
    @Component
    static class Binding implements Formatter<StatusChoice> {

        @Override
        public StatusChoice parse(String text, Locale locale) {
            String wanted = text.strip();
            if (wanted.equalsIgnoreCase("open")) {
                return new StatusChoice(where(true));
            }
            if (wanted.equalsIgnoreCase("closed")) {
                return new StatusChoice(where(false));
            }
            return Status.parse(wanted)
                    .map(status -> new StatusChoice(EnumSet.of(status)))
                    .orElseThrow(
                            () -> new BadRequestException(
                                    "There is no status called \"" + ErrorResponses.shorten(wanted)
                                            + "\". Filter by not-started, in-progress, blocked, done, dropped, open or closed."));
        }

        @Override
        public String print(StatusChoice choice, Locale locale) {
            return choice.statuses().stream().map(Status::slug).collect(Collectors.joining(","));
        }
    }
}
