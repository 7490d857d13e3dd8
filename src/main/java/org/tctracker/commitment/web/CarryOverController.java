package org.tctracker.commitment.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.Cycles;
import org.tctracker.system.BadRequestException;
import org.tctracker.system.ChangeRefusedException;
import org.tctracker.system.ErrorResponses;
import org.tctracker.system.RecordNotFoundException;

/** The admin action that moves a cycle's unfinished work on to another cycle. */
@Controller
class CarryOverController {

    private final CommitmentService commitments;
    private final Cycles cycles;

    CarryOverController(CommitmentService commitments, Cycles cycles) {
        this.commitments = commitments;
        this.cycles = cycles;
    }

    @PostMapping("/cycles/{slug}/carry-over")
    String carryOver(
            @PathVariable String slug,
            @RequestParam("to") String targetSlug,
            @AuthenticationPrincipal TrackerUser user,
            RedirectAttributes redirect) {
        Cycle from = cycles.findBySlug(slug).orElseThrow(() -> RecordNotFoundException.of("cycle", slug));
        Cycle to = cycles.findBySlug(targetSlug)
                .orElseThrow(() -> new BadRequestException(
                        "There is no cycle called \"" + ErrorResponses.shorten(targetSlug) + "\" to carry work into."));
        try {
            int carried = commitments.carryOver(user, from.getId(), to.getId());
            redirect.addFlashAttribute(
                    "flash",
                    carried == 0
                            ? "Nothing to carry over: every open commitment of " + from.getName()
                                    + " has moved on already."
                            : "Carried " + carried + (carried == 1 ? " open commitment" : " open commitments")
                                    + " over to " + to.getName() + ".");
        } catch (ChangeRefusedException refused) {
            throw new BadRequestException(refused.getMessage());
        }
        return "redirect:/cycles/" + to.getSlug();
    }
}
