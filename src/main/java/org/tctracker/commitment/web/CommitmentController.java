package org.tctracker.commitment.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.AcrossTeams;
import org.tctracker.commitment.CheckIn;
import org.tctracker.commitment.CheckIns;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentPermissions;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.Commitments;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.LinkState;
import org.tctracker.commitment.SpecLink;
import org.tctracker.commitment.Staleness;
import org.tctracker.commitment.Status;
import org.tctracker.commitment.StatusHistory;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.people.Person;
import org.tctracker.system.EditConflict;
import org.tctracker.system.FieldErrors;
import org.tctracker.system.FormPost;
import org.tctracker.system.KeptFragments;
import org.tctracker.system.Markdown;
import org.tctracker.system.RecordNotFoundException;
import org.tctracker.system.StaleEditException;

/** A commitment's page, and the forms that create, change, reorder and delete commitments. */
@Controller
class CommitmentController {

    private final Commitments commitments;
    private final CheckIns checkIns;
    private final CommitmentService service;
    private final CommitmentPermissions permissions;
    private final Cycles cycles;
    private final People people;
    private final Markdown markdown;
    private final Staleness staleness;
    private final StatusHistory statusHistory;
    private final Clock clock;
    private final Validator validator;

    private final org.springframework.beans.factory.ObjectProvider<AcrossTeams> acrossTeams;
    private final KeptFragments fragments;

    CommitmentController(
            Commitments commitments,
            CheckIns checkIns,
            CommitmentService service,
            CommitmentPermissions permissions,
            Cycles cycles,
            People people,
            Markdown markdown,
            Staleness staleness,
            StatusHistory statusHistory,
            Clock clock,
            Validator validator,
            org.springframework.beans.factory.ObjectProvider<AcrossTeams> acrossTeams,
            KeptFragments fragments) {
        this.fragments = fragments;
        this.validator = validator;
        this.acrossTeams = acrossTeams;
        this.staleness = staleness;
        this.statusHistory = statusHistory;
        this.commitments = commitments;
        this.checkIns = checkIns;
        this.service = service;
        this.permissions = permissions;
        this.cycles = cycles;
        this.people = people;
        this.markdown = markdown;
        this.clock = clock;
    }

    @InitBinder("form")
    void onlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields(CommitmentForm.FIELDS);
    }

    @GetMapping("/commitments/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal @Nullable TrackerUser user, Model model) {
        KeptFragments.Moment moment = fragments.now();
        Commitment commitment =
                commitments.findDetailed(id).orElseThrow(() -> RecordNotFoundException.of("commitment", id));
        boolean mayChange = permissions.mayChange(user, commitment);
        // All but the buttons and forms reads the same for everyone: kept rendered until a change,
        // and what only those parts show is read from the database only when one is rendered.
        Shown shown = new Shown(commitment, moment.day());
        String key = "commitment " + id + " ";
        model.addAttribute("commitment", commitment);
        model.addAttribute(
                "introHtml",
                fragments.render(
                        moment,
                        key + "intro",
                        PARTS,
                        "intro",
                        () -> variables(
                                "commitment", commitment, "stale", shown.stale(), "staleAfterDays", staleness.days())));
        model.addAttribute(
                "notesHtml",
                fragments.render(
                        moment,
                        key + "notes",
                        PARTS,
                        "notes",
                        () -> variables(
                                "commitment",
                                commitment,
                                "acrossTeams",
                                shown.acrossTeams(),
                                "carriedFrom",
                                shown.carriedFrom())));
        model.addAttribute(
                "peopleHtml",
                fragments.render(moment, key + "people", PARTS, "people", Map.of("commitment", commitment)));
        model.addAttribute(
                "targetHtml",
                fragments.render(moment, key + "target", PARTS, "target", Map.of("commitment", commitment)));
        model.addAttribute(
                "linksHtml",
                fragments.render(
                        moment,
                        key + "links " + (mayChange ? "changeable" : "read-only"),
                        PARTS,
                        "links",
                        () -> variables(
                                "commitment",
                                commitment,
                                "summaryHtml",
                                markdown.toHtml(commitment.getSummary()),
                                "links",
                                shown.links(),
                                "sourceNotes",
                                shown.sourceNotes(),
                                "mayChange",
                                mayChange)));
        model.addAttribute(
                "recordHtml",
                fragments.render(
                        moment,
                        key + "record",
                        "commitment/record",
                        "record",
                        () -> variables(
                                "timeline", shown.timeline(), "checkIns", shown.history(), "markdown", markdown)));
        model.addAttribute("mayChange", mayChange);
        model.addAttribute("offerGoal", mayChange && shown.acrossTeams() == null);
        model.addAttribute("mayDelete", permissions.mayDelete(user, commitment));
        model.addAttribute("mayReorder", permissions.mayReorder(user));
        if (mayChange) {
            model.addAttribute("kinds", LinkKind.values());
            model.addAttribute("states", LinkState.values());
            model.addAttribute("linkForm", new LinkForm());
        }
        return "commitment/show";
    }

    private static final String PARTS = "commitment/parts";

    /** Template variables, some of which may be null (which {@link Map#of} refuses). */
    private static Map<String, @Nullable Object> variables(Object... namesAndValues) {
        Map<String, @Nullable Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }

    /** What a commitment's page shows besides the commitment, each read at most once and only if asked for. */
    private final class Shown {
        private final Commitment commitment;
        private final LocalDate today;
        private @Nullable List<CheckIn> history;
        private @Nullable List<SpecLink> links;
        private @Nullable Optional<Commitment> carriedFrom;
        private @Nullable Optional<String> acrossTeams;

        Shown(Commitment commitment, LocalDate today) {
            this.commitment = commitment;
            this.today = today;
        }

        List<CheckIn> history() {
            if (history == null) {
                history = checkIns.findByCommitment(commitment.getId());
            }
            return history;
        }

        List<SpecLink> links() {
            if (links == null) {
                links = commitments.findLinksOf(commitment.getId());
            }
            return links;
        }

        Map<Long, SourceNote> sourceNotes() {
            Map<Long, SourceNote> notes = new HashMap<>();
            for (SpecLink link : links()) {
                SourceNote note = SourceNote.of(link, clock);
                if (note != null) {
                    notes.put(link.getId(), note);
                }
            }
            return notes;
        }

        boolean stale() {
            List<CheckIn> all = history();
            return staleness.isStale(
                    commitment.getStatus(),
                    all.isEmpty() ? null : all.get(0).getCheckedOn(),
                    commitment.getCreatedAt(),
                    commitment.getCycle(),
                    today);
        }

        Timeline timeline() {
            long id = commitment.getId();
            return Timeline.of(
                    commitment, statusHistory.ofCommitment(id), statusHistory.weekOf(commitment.getCreatedAt()), today);
        }

        @Nullable
        Commitment carriedFrom() {
            if (carriedFrom == null) {
                carriedFrom = commitments.findCarriedFrom(commitment.getId());
            }
            return carriedFrom.orElse(null);
        }

        @Nullable
        String acrossTeams() {
            if (acrossTeams == null) {
                acrossTeams = CommitmentController.this.acrossTeams.stream()
                        .findFirst()
                        .flatMap(teams -> teams.progressOf(commitment.getId()));
            }
            return acrossTeams.orElse(null);
        }
    }

    @GetMapping("/commitments/new")
    String newForm(
            @RequestParam(name = "cycle", required = false) @Nullable String slug,
            @AuthenticationPrincipal TrackerUser user,
            Model model) {
        CommitmentForm form = CommitmentForm.blank();
        Cycle cycle = slug == null
                ? cycles.findCurrent(LocalDate.now(clock)).orElse(null)
                : cycles.findBySlug(slug).orElseThrow(() -> RecordNotFoundException.of("cycle", slug));
        form.setCycleId(cycle == null ? null : cycle.getId());
        form.setOwnerId(user.personId());
        model.addAttribute("form", form);
        return formPage(model, null);
    }

    @PostMapping("/commitments")
    String create(
            @ModelAttribute("form") CommitmentForm form,
            BindingResult result,
            @AuthenticationPrincipal TrackerUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        form.check(validator, result);
        form.checkLinks(validator, result);
        if (form.getCycleId() == null && !result.hasFieldErrors("cycleId")) {
            result.rejectValue("cycleId", "required", "Choose a cycle.");
        }
        return FormPost.of(result, model, response)
                .save(
                        () -> {
                            Commitment created =
                                    service.create(user, form.getCycleId(), form.draft(), form.linkDrafts());
                            redirect.addFlashAttribute(
                                    "flash",
                                    "Commitment added to " + created.getCycle().getName() + ".");
                            return "redirect:/commitments/" + created.getId();
                        },
                        () -> formPage(model, null));
    }

    @GetMapping("/commitments/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal TrackerUser user, Model model) {
        Commitment commitment = service.changeable(user, id);
        model.addAttribute("form", CommitmentForm.of(commitment));
        return formPage(model, commitment);
    }

    @PostMapping("/commitments/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") CommitmentForm form,
            BindingResult result,
            @AuthenticationPrincipal TrackerUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Commitment current = service.changeable(user, id);
        form.check(validator, result);
        FieldErrors.requireLoadedVersion(form.getVersion(), result);
        return FormPost.of(result, model, response)
                .saveEdit(
                        () -> {
                            service.update(user, id, form.getVersion(), form.draft(), form.getPosition());
                            redirect.addFlashAttribute("flash", "Saved.");
                            return "redirect:/commitments/" + id;
                        },
                        (Commitment stale) -> conflict(form, service.get(id)),
                        () -> formPage(model, current));
    }

    @GetMapping("/commitments/{id}/delete")
    String confirmDelete(@PathVariable long id, @AuthenticationPrincipal TrackerUser user, Model model) {
        model.addAttribute("commitment", service.deletable(user, id));
        return "commitment/delete";
    }

    @PostMapping("/commitments/{id}/delete")
    String delete(
            @PathVariable long id,
            @RequestParam long version,
            @AuthenticationPrincipal TrackerUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Commitment commitment = service.get(id);
        try {
            service.delete(user, id, version);
        } catch (StaleEditException stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("commitment", commitment);
            model.addAttribute(
                    "flashError",
                    "Someone changed this commitment since you asked to delete it; look at it again first.");
            return "commitment/delete";
        }
        redirect.addFlashAttribute("flash", "Deleted “" + commitment.getTitle() + "”.");
        return "redirect:/cycles/" + commitment.getCycle().getSlug();
    }

    @PostMapping("/commitments/{id}/move")
    String move(
            @PathVariable long id,
            @RequestParam int to,
            @AuthenticationPrincipal TrackerUser user,
            RedirectAttributes redirect) {
        service.moveTo(user, id, to);
        redirect.addFlashAttribute("flash", "Moved.");
        return "redirect:/commitments/" + id;
    }

    private String formPage(Model model, @Nullable Commitment commitment) {
        model.addAttribute("commitment", commitment);
        model.addAttribute("cycles", cycles.findAllByOrderByStartsOnDesc());
        model.addAttribute("people", people.findAllByOrderByDisplayNameAscIrcNickAsc());
        model.addAttribute("statuses", Status.values());
        return "commitment/form";
    }

    private EditConflict conflict(CommitmentForm yours, Commitment stored) {
        Map<Long, String> names = people.findAllByOrderByDisplayNameAscIrcNickAsc().stream()
                .collect(Collectors.toMap(Person::getId, Person::getDisplayName));
        List<EditConflict.Row> rows = List.of(
                new EditConflict.Row("Title", yours.getTitle(), stored.getTitle()),
                new EditConflict.Row("Summary", yours.getSummary().replace("\r\n", "\n"), stored.getSummary()),
                new EditConflict.Row(
                        "Owner",
                        names.getOrDefault(yours.getOwnerId(), "—"),
                        stored.getOwner().getDisplayName()),
                new EditConflict.Row(
                        "Collaborators",
                        yours.getCollaboratorIds().stream()
                                .filter(Objects::nonNull)
                                .filter(i -> !i.equals(yours.getOwnerId()))
                                .map(i -> names.getOrDefault(i, "?"))
                                .sorted()
                                .collect(Collectors.joining(", ")),
                        stored.getCollaborators().stream()
                                .map(Person::getDisplayName)
                                .collect(Collectors.joining(", "))),
                new EditConflict.Row(
                        "Status",
                        yours.getStatus() == null ? "—" : yours.getStatus().label(),
                        stored.getStatus().label()),
                new EditConflict.Row(
                        "Target date",
                        Objects.toString(yours.getTargetDate(), "—"),
                        Objects.toString(stored.getTargetDate(), "—")));
        Map<String, List<String>> resubmit = new LinkedHashMap<>();
        resubmit.put("title", List.of(yours.getTitle()));
        resubmit.put("summary", List.of(yours.getSummary()));
        resubmit.put("ownerId", List.of(Objects.toString(yours.getOwnerId(), "")));
        resubmit.put(
                "collaboratorIds",
                new ArrayList<>(yours.getCollaboratorIds().stream()
                        .filter(Objects::nonNull)
                        .map(String::valueOf)
                        .toList()));
        resubmit.put(
                "status",
                List.of(yours.getStatus() == null ? "" : yours.getStatus().name()));
        resubmit.put("targetDate", List.of(Objects.toString(yours.getTargetDate(), "")));
        if (yours.getPosition() != null) {
            resubmit.put("position", List.of(String.valueOf(yours.getPosition())));
        }
        resubmit.put("version", List.of(String.valueOf(stored.getVersion())));
        return new EditConflict(
                "the commitment “" + stored.getTitle() + "”",
                rows,
                "/commitments/" + stored.getId(),
                resubmit,
                "/commitments/" + stored.getId());
    }
}
