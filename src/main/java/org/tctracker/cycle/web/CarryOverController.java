package org.tctracker.cycle.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.Cycles;
import org.tctracker.system.BadRequestException;
import org.tctracker.system.ChangeRefusedException;
import org.tctracker.system.ErrorResponses;
import org.tctracker.system.RecordNotFoundException;

/**
 * The admin's way of pulling another cycle's unfinished work into a cycle that has not finished:
 * a page that lists exactly what would be copied, the copy itself, and taking a mistaken one back.
 */
@Controller
class CarryOverController {

    private final CommitmentService commitments;
    private final Cycles cycles;
    private final Clock clock;

    CarryOverController(CommitmentService commitments, Cycles cycles, Clock clock) {
        this.commitments = commitments;
        this.cycles = cycles;
        this.clock = clock;
    }

    @GetMapping("/cycles/{slug}/carry-over")
    String plan(
            @PathVariable String slug,
            @RequestParam(name = "from", required = false) @Nullable String fromSlug,
            Model model) {
        Cycle into = cycle(slug);
        List<Cycle> sources = cycles.findAllByOrderByStartsOnDesc().stream()
                .filter(other -> !other.getId().equals(into.getId()))
                .toList();
        Cycle from = fromSlug == null || fromSlug.isBlank()
                ? sources.stream()
                        .filter(c -> c.getStartsOn().isBefore(into.getStartsOn()))
                        .findFirst()
                        .orElse(sources.isEmpty() ? null : sources.get(0))
                : source(fromSlug);
        boolean finished = into.phaseOn(LocalDate.now(clock)) == Cycle.Phase.FINISHED;
        model.addAttribute("into", into);
        model.addAttribute("sources", sources);
        model.addAttribute("finished", finished);
        model.addAttribute("from", from);
        if (from != null && !finished) {
            model.addAttribute("plan", planOrRefuse(from, into));
        }
        model.addAttribute("carriedIn", commitments.carriedInto(into.getId()));
        return "cycle/carry-over";
    }

    @PostMapping("/cycles/{slug}/carry-over")
    String carryOver(
            @PathVariable String slug,
            @RequestParam(name = "from", required = false) @Nullable String fromSlug,
            @AuthenticationPrincipal TrackerUser user,
            RedirectAttributes redirect) {
        Cycle into = cycle(slug);
        Cycle from = source(fromSlug);
        List<Commitment> copies;
        try {
            copies = commitments.carryOver(from.getId(), into.getId());
        } catch (ChangeRefusedException refused) {
            throw new BadRequestException(refused.getMessage());
        }
        if (copies.isEmpty()) {
            redirect.addFlashAttribute(
                    "flash",
                    "Nothing to carry over: every open commitment of " + from.getName() + " has moved on already.");
        } else {
            redirect.addFlashAttribute(
                    "flash",
                    "Carried " + copies.size() + (copies.size() == 1 ? " open commitment" : " open commitments")
                            + " over from " + from.getName() + ".");
            redirect.addFlashAttribute("undoCarryOver", from.getSlug());
        }
        return "redirect:/cycles/" + into.getSlug();
    }

    @PostMapping("/cycles/{slug}/carry-over/undo")
    String undo(
            @PathVariable String slug,
            @RequestParam(name = "from", required = false) @Nullable String fromSlug,
            @AuthenticationPrincipal TrackerUser user,
            RedirectAttributes redirect) {
        Cycle into = cycle(slug);
        Cycle from = source(fromSlug);
        int removed;
        try {
            removed = commitments.undoCarryOver(from.getId(), into.getId());
        } catch (ChangeRefusedException refused) {
            throw new BadRequestException(refused.getMessage());
        }
        redirect.addFlashAttribute(
                "flash",
                "Undone: removed the " + removed + (removed == 1 ? " copy" : " copies") + " carried over from "
                        + from.getName() + ".");
        return "redirect:/cycles/" + into.getSlug();
    }

    private CommitmentService.CarryOverPlan planOrRefuse(Cycle from, Cycle into) {
        try {
            return commitments.planCarryOver(from.getId(), into.getId());
        } catch (ChangeRefusedException refused) {
            throw new BadRequestException(refused.getMessage());
        }
    }

    private Cycle cycle(String slug) {
        return cycles.findBySlug(slug).orElseThrow(() -> RecordNotFoundException.of("cycle", slug));
    }

    private Cycle source(@Nullable String slug) {
        if (slug == null || slug.isBlank()) {
            throw new BadRequestException("Choose the cycle to carry work from.");
        }
        return cycles.findBySlug(slug)
                .orElseThrow(() -> new BadRequestException(
                        "There is no cycle called \"" + ErrorResponses.shorten(slug) + "\" to carry work from."));
    }
}
