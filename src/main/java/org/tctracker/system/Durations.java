package org.tctracker.system;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Words for how long ago something happened, as a reader of a dashboard wants them. */
public final class Durations {

    private Durations() {}

    public static String ageOf(LocalDate day, LocalDate today) {
        long days = ChronoUnit.DAYS.between(day, today);
        if (days < 0) {
            return "in " + plural(-days, "day");
        }
        if (days == 0) {
            return "today";
        }
        if (days == 1) {
            return "yesterday";
        }
        if (days < 14) {
            return plural(days, "day") + " ago";
        }
        if (days < 60) {
            return plural(days / 7, "week") + " ago";
        }
        if (days < 730) {
            return plural(days / 30, "month") + " ago";
        }
        return plural(days / 365, "year") + " ago";
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
