package org.tctracker.cycle;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** An ISO-8601 week such as {@code 2015-W46}: the unit of the weekly check-in. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

    public IsoWeek {
        if (week < 1 || week > 53) {
            throw new IllegalArgumentException("ISO weeks run from 1 to 53, not " + week);
        }
        // 28 December is always in the last week of its year, so its week number is the count.
        int weeksInYear = LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        if (week > weeksInYear) {
            throw new IllegalArgumentException(year + " has " + weeksInYear + " ISO weeks, not " + week);
        }
    }

    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static IsoWeek parse(String text) {
        if (!text.matches("\\d{4}-W\\d{2}")) {
            throw new IllegalArgumentException("Expected a week such as 2015-W46, not " + text);
        }
        return new IsoWeek(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(6)));
    }

    @Override
    public int compareTo(IsoWeek other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(week, other.week);
    }

    /** {@code 2015-W46}; built by hand, since a page names many weeks and String.format is slow. */
    @Override
    public String toString() {
        String digits = Integer.toString(year);
        StringBuilder text = new StringBuilder(8);
        for (int pad = digits.length(); pad < 4; pad++) {
            text.append('0');
        }
        return text.append(digits).append(week < 10 ? "-W0" : "-W").append(week).toString();
    }
}
