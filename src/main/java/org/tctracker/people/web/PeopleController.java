package org.tctracker.people.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tctracker.commitment.Holdings;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.people.PeopleDirectory;
import org.tctracker.people.PeopleService;

/** Everyone, and what each person owns or helps with, newest cycle first. */
@Controller
class PeopleController {

    private final PeopleService people;
    private final PeopleDirectory directory;
    private final Holdings holdings;
    private final CycleCatalog cycles;

    PeopleController(PeopleService people, PeopleDirectory directory, Holdings holdings, CycleCatalog cycles) {
        this.people = people;
        this.directory = directory;
        this.holdings = holdings;
        this.cycles = cycles;
    }

    /** A line of the people list. */
    record PersonSummary(
            long id,
            String displayName,
            String ircNick,
            @Nullable String affiliation,
            long owned,
            long ownedOpen) {}

    /** A commitment the person holds, as their page lists it. */
    record HeldCommitment(
            long id, String cycleSlug, String cycleName, int position, String title, Status status, boolean owner) {}

    @GetMapping("/people")
    String list(Model model) {
        Map<Long, Holdings.Held> held = holdings.byPerson();
        model.addAttribute(
                "people",
                directory.all().stream()
                        .map(listed -> {
                            Holdings.Held holds =
                                    held.getOrDefault(listed.person().id(), Holdings.Held.NOTHING);
                            return new PersonSummary(
                                    listed.person().id(),
                                    listed.person().displayName(),
                                    listed.person().ircNick(),
                                    listed.affiliation(),
                                    holds.owns(),
                                    holds.ownsOpen());
                        })
                        .toList());
        return "people/people";
    }

    @GetMapping("/people/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("person", people.get(id));
        Map<Long, CycleTerm> byId = new LinkedHashMap<>();
        cycles.all().forEach(cycle -> byId.put(cycle.id(), cycle));
        List<Long> newestFirst = List.copyOf(byId.keySet());
        model.addAttribute(
                "held",
                holdings.heldBy(id).stream()
                        .sorted(java.util.Comparator.comparingInt(
                                        (Holdings.Holding h) -> newestFirst.indexOf(h.cycleId()))
                                .thenComparingInt(Holdings.Holding::position))
                        .map(h -> new HeldCommitment(
                                h.commitmentId(),
                                byId.get(h.cycleId()).slug(),
                                byId.get(h.cycleId()).name(),
                                h.position(),
                                h.title(),
                                h.status(),
                                h.owner()))
                        .toList());
        return "people/person";
    }
}
