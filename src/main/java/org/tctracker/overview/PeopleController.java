package org.tctracker.overview;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tctracker.people.People;
import org.tctracker.people.Person;
import org.tctracker.system.RecordNotFoundException;

@Controller
class PeopleController {

    private final People people;
    private final OverviewQueries queries;

    PeopleController(People people, OverviewQueries queries) {
        this.people = people;
        this.queries = queries;
    }

    @GetMapping("/people")
    String list(Model model) {
        model.addAttribute("people", queries.peopleSummaries());
        return "overview/people";
    }

    @GetMapping("/people/{id}")
    String show(@PathVariable long id, Model model) {
        Person person = people.findById(id).orElseThrow(() -> RecordNotFoundException.of("person", id));
        model.addAttribute("person", person);
        model.addAttribute("held", queries.heldBy(id));
        return "overview/person";
    }
}
