package org.tctracker.checkin;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CheckIn;
import org.tctracker.commitment.CheckInDraft;
import org.tctracker.commitment.CheckInService;
import org.tctracker.commitment.CheckIns;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentPermissions;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.Commitments;
import org.tctracker.commitment.ReleaseCalendar;
import org.tctracker.commitment.SpecLink;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.Cycles;
import org.tctracker.system.BadRequestException;
import org.tctracker.system.Markdown;
import org.tctracker.system.RecordNotFoundException;

/** The check-in of one commitment, and the weekly routine over a whole cycle. */
@Controller
class CheckInController {

    private final CheckInService checkIns;
    private final CheckIns history;
    private final CommitmentService commitments;
    private final Commitments repository;
    private final CommitmentPermissions permissions;
    private final Cycles cycles;
    private final Markdown markdown;
    private final MessageSource messages;

    CheckInController(
            CheckInService checkIns,
            CheckIns history,
            CommitmentService commitments,
            Commitments repository,
            CommitmentPermissions permissions,
            Cycles cycles,
            Markdown markdown,
            MessageSource messages) {
        this.markdown = markdown;
        this.messages = messages;
        this.checkIns = checkIns;
        this.history = history;
        this.commitments = commitments;
        this.repository = repository;
        this.permissions = permissions;
        this.cycles = cycles;
    }

    @InitBinder("row")
    void oneRow(WebDataBinder binder) {
        binder.setAllowedFields("status", "note", "percentDone");
    }

    @InitBinder("form")
    void weeklyRows(WebDataBinder binder) {
        binder.setAllowedFields("rows*");
        binder.setAutoGrowCollectionLimit(500);
    }

    @GetMapping("/commitments/{id}/check-ins/new")
    String newCheckIn(@PathVariable long id, @AuthenticationPrincipal TrackerUser user, Model model) {
        Commitment commitment = changeable(id, user);
        CheckIn thisWeek = thisWeeksOf(id);
        model.addAttribute("row", CheckInRow.of(id, commitment.getStatus(), thisWeek));
        return singlePage(model, commitment, thisWeek);
    }

    @PostMapping("/commitments/{id}/check-ins")
    String checkIn(
            @PathVariable long id,
            @ModelAttribute("row") CheckInRow row,
            BindingResult result,
            @AuthenticationPrincipal TrackerUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Commitment commitment = changeable(id, user);
        row.validate(result, "");
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return singlePage(model, commitment, thisWeeksOf(id));
        }
        try {
            CheckIn saved =
                    checkIns.record(user, new CheckInDraft(id, row.getStatus(), row.getNote(), row.getPercentDone()));
            redirect.addFlashAttribute("flash", "Checked in for " + saved.getWeek() + ".");
        } catch (DataIntegrityViolationException sameMoment) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute(
                    "flashError", "Someone checked in on this commitment at the same moment; look again and retry.");
            return singlePage(model, commitment, thisWeeksOf(id));
        }
        return "redirect:/commitments/" + id;
    }

    @GetMapping("/cycles/{slug}/check-in")
    String weekly(@PathVariable String slug, @AuthenticationPrincipal TrackerUser user, Model model) {
        Cycle cycle = cycle(slug);
        List<Commitment> inCycle = repository.findByCycleWithPeople(cycle.getId());
        Map<Long, CheckIn> thisWeek = thisWeeksIn(cycle);
        WeeklyForm form = new WeeklyForm();
        for (Commitment commitment : onTheForm(inCycle, thisWeek, user)) {
            form.getRows()
                    .add(CheckInRow.of(commitment.getId(), commitment.getStatus(), thisWeek.get(commitment.getId())));
        }
        model.addAttribute("form", form);
        return weeklyPage(
                model,
                cycle,
                inCycle.stream().collect(Collectors.toMap(Commitment::getId, Function.identity())),
                thisWeek);
    }

    /**
     * The rows the person may update: the open commitments, and those closed by a check-in this
     * week, so that a Done ticked by mistake can be put back before the week is out. Their own
     * come first, then the others they may update (an admin's), in the cycle's order.
     */
    private List<Commitment> onTheForm(List<Commitment> inCycle, Map<Long, CheckIn> thisWeek, TrackerUser user) {
        return inCycle.stream()
                .filter(c -> c.getStatus().isOpen() || thisWeek.containsKey(c.getId()))
                .filter(c -> permissions.mayChange(user, c))
                .sorted(Comparator.comparing((Commitment c) -> !permissions.holds(user, c))
                        .thenComparingInt(Commitment::getPosition))
                .toList();
    }

    @PostMapping("/cycles/{slug}/check-in")
    String weeklySave(
            @PathVariable String slug,
            @ModelAttribute("form") WeeklyForm form,
            BindingResult result,
            @RequestParam(name = "noChange", required = false) @Nullable Integer noChange,
            @AuthenticationPrincipal TrackerUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Cycle cycle = cycle(slug);
        Map<Long, Commitment> inCycle = repository.findByCycleWithPeople(cycle.getId()).stream()
                .collect(Collectors.toMap(Commitment::getId, Function.identity()));
        Map<Long, CheckIn> thisWeek = thisWeeksIn(cycle);
        if (form.getRows().isEmpty()) {
            // The page only offers the form with rows in it.
            throw new BadRequestException("The form sent no rows; reload the weekly check-in page and try again.");
        }
        for (CheckInRow row : form.getRows()) {
            if (row.getCommitmentId() == null || !inCycle.containsKey(row.getCommitmentId())) {
                throw new BadRequestException(
                        "The form has a row for a commitment that is not in " + cycle.getName() + ".");
            }
        }
        if (noChange != null) {
            // "No change this week" fills the row in; nothing is saved until the one submit.
            if (noChange < 0 || noChange >= form.getRows().size()) {
                throw new BadRequestException("The form has no row " + noChange + ".");
            }
            CheckInRow row = form.getRows().get(noChange);
            row.markNoChange();
            Commitment commitment = inCycle.get(row.getCommitmentId());
            model.addAttribute(
                    "flash",
                    "#" + commitment.getPosition() + " now says “" + CheckInRow.NO_CHANGE
                            + "”; change it if you like, then save the week's check-ins.");
            model.addAttribute("filledRow", noChange);
            return weeklyPage(model, cycle, inCycle, thisWeek);
        }
        List<CheckInDraft> changed = new ArrayList<>();
        for (int i = 0; i < form.getRows().size(); i++) {
            CheckInRow row = form.getRows().get(i);
            String path = "rows[" + i + "]";
            Commitment commitment = inCycle.get(row.getCommitmentId());
            if (!row.touched() && !result.hasFieldErrors(path + ".*")) {
                continue;
            }
            boolean onForm = commitment.getStatus().isOpen() || thisWeek.containsKey(commitment.getId());
            if (!onForm || !permissions.mayChange(user, commitment)) {
                result.rejectValue(
                        path + ".note",
                        "gone",
                        "Since you opened the form this commitment was closed or handed to someone else; "
                                + "put this row back as it was, or reload the page.");
                continue;
            }
            CheckIn stored = thisWeek.get(commitment.getId());
            long storedVersion = stored == null ? CheckInRow.NO_CHECK_IN : stored.getVersion();
            if (storedVersion != row.getLoadedVersion()) {
                result.rejectValue(
                        path + ".note",
                        "stale",
                        "Someone else checked in on this since you opened the form"
                                + (stored == null ? "" : " (“" + abbreviate(stored.getNote()) + "”)")
                                + "; reload the page to see theirs, then add yours.");
                continue;
            }
            row.validate(result, path);
            if (row.getStatus() != null) {
                changed.add(new CheckInDraft(commitment.getId(), row.getStatus(), row.getNote(), row.getPercentDone()));
            }
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", problems(result, form, inCycle));
            return weeklyPage(model, cycle, inCycle, thisWeek);
        }
        if (changed.isEmpty()) {
            redirect.addFlashAttribute("flash", "Nothing was changed, so nothing was saved.");
            return "redirect:/cycles/" + slug + "/check-in";
        }
        checkIns.recordAll(user, changed);
        redirect.addFlashAttribute(
                "flash",
                "Checked in on " + changed.size() + (changed.size() == 1 ? " commitment" : " commitments") + " for "
                        + checkIns.thisWeek() + ".");
        return "redirect:/cycles/" + slug;
    }

    /** A refused row, as the summary at the top of the form names it and links to it. */
    record RowProblem(String anchor, String commitment, String message) {}

    private List<RowProblem> problems(BindingResult result, WeeklyForm form, Map<Long, Commitment> inCycle) {
        List<RowProblem> problems = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            Matcher row = ROW_FIELD.matcher(error.getField());
            if (!row.matches()) {
                continue;
            }
            int index = Integer.parseInt(row.group(1));
            Commitment commitment = index < form.getRows().size()
                    ? inCycle.get(form.getRows().get(index).getCommitmentId())
                    : null;
            String label = commitment == null
                    ? "Row " + (index + 1)
                    : "#" + commitment.getPosition() + " " + commitment.getTitle();
            // The same words as beside the field, a conversion failure's included.
            String message = messages.getMessage(error, Locale.ENGLISH);
            problems.add(new RowProblem("rows" + index + "." + row.group(2), label, message));
        }
        return problems;
    }

    private static final Pattern ROW_FIELD = Pattern.compile("rows\\[(\\d+)]\\.(\\w+)");

    private static String abbreviate(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    private Commitment changeable(long id, TrackerUser user) {
        Commitment commitment = commitments.get(id);
        if (!permissions.mayChange(user, commitment)) {
            throw new AccessDeniedException("Only its owner, its collaborators and admins may check in on this.");
        }
        return commitment;
    }

    private Cycle cycle(String slug) {
        return cycles.findBySlug(slug).orElseThrow(() -> RecordNotFoundException.of("cycle", slug));
    }

    private Map<Long, CheckIn> thisWeeksIn(Cycle cycle) {
        Map<Long, CheckIn> byCommitment = new LinkedHashMap<>();
        for (CheckIn checkIn : checkIns.thisWeeksIn(cycle.getId())) {
            byCommitment.put(checkIn.getCommitmentId(), checkIn);
        }
        return byCommitment;
    }

    private CheckIn thisWeeksOf(long commitmentId) {
        return history.findByCommitment(commitmentId).stream()
                .filter(c -> c.getWeek().equals(checkIns.thisWeek()))
                .findFirst()
                .orElse(null);
    }

    private String singlePage(Model model, Commitment commitment, CheckIn thisWeek) {
        model.addAttribute("commitment", commitment);
        model.addAttribute("thisWeek", thisWeek);
        model.addAttribute(
                "week",
                ReleaseCalendar.weekOf(checkIns.today(), commitment.getCycle().getEndsOn()));
        model.addAttribute("statuses", Status.values());
        return "checkin/single";
    }

    private String weeklyPage(
            Model model, Cycle cycle, Map<Long, Commitment> commitments, Map<Long, CheckIn> thisWeek) {
        LocalDate today = checkIns.today();
        Map<Long, CheckIn> before = new LinkedHashMap<>();
        for (CheckIn checkIn : checkIns.beforeThisWeekIn(cycle.getId())) {
            before.put(checkIn.getCommitmentId(), checkIn);
        }
        Map<Long, List<SpecLink>> links = new LinkedHashMap<>();
        for (SpecLink link : repository.findLinksOfCycle(cycle.getId())) {
            links.computeIfAbsent(link.getCommitment().getId(), k -> new ArrayList<>())
                    .add(link);
        }
        model.addAttribute("cycle", cycle);
        model.addAttribute("commitments", commitments);
        model.addAttribute("thisWeek", thisWeek);
        model.addAttribute("lastWeek", before);
        model.addAttribute("links", links);
        model.addAttribute("week", ReleaseCalendar.weekOf(today, cycle.getEndsOn()));
        model.addAttribute("phase", cycle.phaseOn(today));
        model.addAttribute("statuses", Status.values());
        model.addAttribute("markdown", markdown);
        return "checkin/weekly";
    }
}
