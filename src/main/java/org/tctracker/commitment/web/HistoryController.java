package org.tctracker.commitment.web;

import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tctracker.commitment.CommitmentHistory;
import org.tctracker.commitment.CommitmentService;

@Controller
class HistoryController {

    private final CommitmentService commitments;
    private final CommitmentHistory history;

    private final Clock clock;

    HistoryController(CommitmentService commitments, CommitmentHistory history, Clock clock) {
        this.commitments = commitments;
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/commitments/{id}/history")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("commitment", commitments.get(id));
        model.addAttribute("changes", history.of(id));
        model.addAttribute("zone", clock.getZone());
        return "commitment/history";
    }
}
