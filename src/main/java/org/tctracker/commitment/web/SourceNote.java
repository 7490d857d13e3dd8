package org.tctracker.commitment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tctracker.commitment.SourceWords;
import org.tctracker.commitment.SpecLink;

/**
 * What a link's page says about its source: the source's own words, when and where it was read,
 * or why it could not be, and which state is shown meanwhile.
 *
 * @param words the source's words ("Merged 14 Dec 2015 · Code-Review +2 ×2"), or empty
 * @param read "Read from review.opendev.org at 09:14", or empty
 * @param problem what went wrong at the last reading, and which state the page shows, or empty
 */
public record SourceNote(String words, String read, String problem) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** The note for a link a source serves, or null for one it does not. */
    static @Nullable SourceNote of(SpecLink link, Clock clock) {
        if (!link.isServed()) {
            return null;
        }
        String host = link.getSourceHost();
        if (link.isDetached()) {
            return new SourceNote("", "State set by hand: detached from " + host + ".", "");
        }
        LocalDate today = LocalDate.now(clock);
        String words = SourceWords.of(link);
        String read = link.getSyncedAt() == null
                ? link.getSyncError() == null ? "Being read from " + host + "…" : ""
                : "Read from " + host + " " + when(link.getSyncedAt().atZone(clock.getZone()), today) + ".";
        String problem = "";
        if (link.getSyncError() != null && link.getSyncFailedAt() != null) {
            String at = when(link.getSyncFailedAt().atZone(clock.getZone()), today);
            String showing = link.getSyncedAt() == null
                    ? "showing the state typed by hand"
                    : "showing the state of " + DAY.format(link.getSyncedAt().atZone(clock.getZone()));
            problem = link.getSyncError().equals("not found there")
                    ? "Not found at " + host + " " + at + "; " + showing + "."
                    : "Could not reach " + host + " " + at + " (" + link.getSyncError() + "); " + showing + ".";
        }
        return new SourceNote(words, read, problem);
    }

    private static String when(ZonedDateTime at, LocalDate today) {
        return at.toLocalDate().equals(today)
                ? "at " + TIME.format(at)
                : "on " + DAY.format(at) + " at " + TIME.format(at);
    }
}
