package org.tctracker.commitment.web;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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

    /** The newest 50 change sets, or those older than {@code before}, with a link to the next older page. */
    @GetMapping("/commitments/{id}/history")
    String show(@PathVariable long id, @RequestParam(required = false) @Nullable Long before, Model model) {
        model.addAttribute("commitment", commitments.get(id));
        CommitmentHistory.Page page = history.page(id, before, CommitmentHistory.PAGE_SIZE);
        model.addAttribute("changes", page.changes());
        model.addAttribute("older", page.older());
        model.addAttribute("paged", before != null);
        model.addAttribute("zone", clock.getZone());
        return "commitment/history";
    }
}
