package org.tctracker.overview;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class CyclesController {

    private final OverviewQueries queries;
    private final Clock clock;

    CyclesController(OverviewQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/cycles")
    String list(Model model) {
        model.addAttribute("cycles", queries.cycleSummaries());
        model.addAttribute("today", LocalDate.now(clock));
        return "overview/cycles";
    }
}
