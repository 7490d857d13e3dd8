package org.tctracker.commitment.web;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tctracker.commitment.CheckIns;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.Commitments;
import org.tctracker.system.RecordNotFoundException;

@Controller
class CommitmentController {

    private final Commitments commitments;
    private final CheckIns checkIns;
    private final Clock clock;

    CommitmentController(Commitments commitments, CheckIns checkIns, Clock clock) {
        this.commitments = commitments;
        this.checkIns = checkIns;
        this.clock = clock;
    }

    @GetMapping("/commitments/{id}")
    String show(@PathVariable long id, Model model) {
        Commitment commitment =
                commitments.findDetailed(id).orElseThrow(() -> RecordNotFoundException.of("commitment", id));
        model.addAttribute("commitment", commitment);
        model.addAttribute("links", commitments.findLinksOf(id));
        model.addAttribute("checkIns", checkIns.findByCommitment(id));
        model.addAttribute("today", LocalDate.now(clock));
        return "commitment/show";
    }
}
