package org.tctracker.cycle.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tctracker.commitment.Holdings;
import org.tctracker.cycle.CycleCatalog;

/** Every cycle, newest first, with how many commitments each holds and how many are closed. */
@Controller
class CyclesController {

    private final CycleCatalog cycles;
    private final Holdings holdings;
    private final Clock clock;

    CyclesController(CycleCatalog cycles, Holdings holdings, Clock clock) {
        this.cycles = cycles;
        this.holdings = holdings;
        this.clock = clock;
    }

    /** A line of the cycles list. */
    record CycleSummary(
            String slug,
            String name,
            @Nullable String summit,
            LocalDate startsOn,
            LocalDate endsOn,
            long commitments,
            long closed) {}

    @GetMapping("/cycles")
    String list(Model model) {
        Map<Long, Holdings.Counts> counts = holdings.byCycle();
        model.addAttribute(
                "cycles",
                cycles.all().stream()
                        .map(cycle -> {
                            Holdings.Counts held = counts.getOrDefault(cycle.id(), Holdings.Counts.NONE);
                            return new CycleSummary(
                                    cycle.slug(),
                                    cycle.name(),
                                    cycle.summit(),
                                    cycle.startsOn(),
                                    cycle.endsOn(),
                                    held.commitments(),
                                    held.closed());
                        })
                        .toList());
        model.addAttribute("today", LocalDate.now(clock));
        return "cycle/cycles";
    }
}
