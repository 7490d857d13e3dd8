package org.tctracker.support;

import java.time.LocalDate;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.Cycles;

/**
 * Two cycles beside Mitaka for the page tours: Newton, still to come in November 2015 (no weeks yet,
 * and a cycle to carry work into), and Kilo, finished and without commitments.
 */
public final class MoreCycles {

    private MoreCycles() {}

    public static void add(Cycles cycles) {
        if (cycles.findBySlug("kilo").isEmpty()) {
            cycles.save(new Cycle(
                    "2016.1-newton", "Newton", "Austin", LocalDate.of(2016, 4, 11), LocalDate.of(2016, 10, 6)));
            cycles.save(new Cycle("kilo", "Kilo", "Paris", LocalDate.of(2014, 11, 10), LocalDate.of(2015, 4, 30)));
        }
    }
}
