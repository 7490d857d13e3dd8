package org.tctracker.cycle.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
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
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.LinkReadings;
import org.tctracker.commitment.Status;
import org.tctracker.commitment.WeeklyCheckIns;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.CycleService;
import org.tctracker.system.BadRequestException;
import org.tctracker.system.ChangeRefusedException;
import org.tctracker.system.FieldErrors;
import org.tctracker.system.Markdown;

/**
 * The weekly routine the tracker exists for: a row per commitment the person may update, one
 * submit, all saved or none. The rules are {@link WeeklyCheckIns}'; this page shows them.
 */
@Controller
class WeeklyCheckInController {

    private final WeeklyCheckIns weekly;
    private final CycleService cycles;
    private final Validator validator;
    private final MessageSource messages;
    private final Markdown markdown;
    private final Clock clock;
    private final LinkReadings readings;

    WeeklyCheckInController(
            WeeklyCheckIns weekly,
            CycleService cycles,
            Validator validator,
            MessageSource messages,
            Markdown markdown,
            Clock clock,
            LinkReadings readings) {
        this.weekly = weekly;
        this.cycles = cycles;
        this.validator = validator;
        this.messages = messages;
        this.markdown = markdown;
        this.clock = clock;
        this.readings = readings;
    }

    @InitBinder("form")
    void weeklyRows(WebDataBinder binder) {
        binder.setAllowedFields("rows*");
        binder.setAutoGrowCollectionLimit(500);
    }

    @GetMapping("/cycles/{slug}/check-in")
    String weekly(@PathVariable String slug, @AuthenticationPrincipal TrackerUser user, Model model) {
        Cycle cycle = cycles.get(slug);
        WeeklyCheckIns.Sheet sheet = weekly.sheet(user, cycle.getId());
        WeeklyForm form = new WeeklyForm();
        for (Commitment commitment : sheet.rows()) {
            form.getRows()
                    .add(CheckInRow.of(
                            commitment.getId(),
                            commitment.getStatus(),
                            sheet.thisWeek().get(commitment.getId())));
        }
        model.addAttribute("form", form);
        return page(model, cycle, sheet);
    }

    @PostMapping("/cycles/{slug}/check-in")
    String save(
            @PathVariable String slug,
            @ModelAttribute("form") WeeklyForm form,
            BindingResult result,
            @RequestParam(name = "noChange", required = false) @Nullable Integer noChange,
            @AuthenticationPrincipal TrackerUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Cycle cycle = cycles.get(slug);
        WeeklyCheckIns.Sheet sheet = weekly.sheet(user, cycle.getId());
        if (form.getRows().isEmpty()) {
            // The page only offers the form with rows in it.
            throw new BadRequestException("The form sent no rows; reload the weekly check-in page and try again.");
        }
        for (CheckInRow row : form.getRows()) {
            if (row.getCommitmentId() == null || !sheet.inCycle().containsKey(row.getCommitmentId())) {
                throw new BadRequestException(
                        "The form has a row for a commitment that is not in " + cycle.getName() + ".");
            }
        }
        if (noChange != null) {
            return fillInNoChange(noChange, form, cycle, sheet, model);
        }
        List<WeeklyCheckIns.Entry> changed = new ArrayList<>();
        for (int i = 0; i < form.getRows().size(); i++) {
            CheckInRow row = form.getRows().get(i);
            if (row.touched() || result.hasFieldErrors("rows[" + i + "].*")) {
                changed.add(new WeeklyCheckIns.Entry(i, row.draft(row.getCommitmentId()), row.getLoadedVersion()));
            }
        }
        List<Integer> refused = new ArrayList<>();
        for (WeeklyCheckIns.Refusal refusal : weekly.refusals(user, cycle.getId(), changed)) {
            result.rejectValue("rows[" + refusal.row() + "]." + refusal.field(), "refused", refusal.message());
            refused.add(refusal.row());
        }
        for (WeeklyCheckIns.Entry entry : changed) {
            if (!refused.contains(entry.row())) {
                FieldErrors.check(validator, entry.draft(), result, "rows[" + entry.row() + "].");
            }
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", problems(result, form, sheet));
            return page(model, cycle, sheet);
        }
        if (changed.isEmpty()) {
            redirect.addFlashAttribute("flash", "Nothing was changed, so nothing was saved.");
            return "redirect:/cycles/" + slug + "/check-in";
        }
        List<CheckIn> recorded;
        try {
            recorded = weekly.record(user, cycle.getId(), changed);
        } catch (ChangeRefusedException changedMeanwhile) {
            // A row was refused between the check above and the save: saved nothing, say which.
            result.rejectValue(changedMeanwhile.field(), "refused", changedMeanwhile.getMessage());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", problems(result, form, sheet));
            return page(model, cycle, weekly.sheet(user, cycle.getId()));
        } catch (DataIntegrityViolationException sameMoment) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute(
                    "flashError", "Someone checked in at the same moment; look again at the rows and retry.");
            return page(model, cycle, weekly.sheet(user, cycle.getId()));
        }
        redirect.addFlashAttribute(
                "flash",
                "Checked in on " + recorded.size() + (recorded.size() == 1 ? " commitment" : " commitments") + " for "
                        + recorded.get(0).getWeek() + ".");
        return "redirect:/cycles/" + slug;
    }

    /** "No change this week" fills the row in; nothing is saved until the one submit. */
    private String fillInNoChange(int index, WeeklyForm form, Cycle cycle, WeeklyCheckIns.Sheet sheet, Model model) {
        if (index < 0 || index >= form.getRows().size()) {
            throw new BadRequestException("The form has no row " + index + ".");
        }
        CheckInRow row = form.getRows().get(index);
        row.markNoChange();
        Commitment commitment = sheet.inCycle().get(row.getCommitmentId());
        model.addAttribute(
                "flash",
                "#" + commitment.getPosition() + " now says “" + CheckInRow.NO_CHANGE
                        + "”; change it if you like, then save the week's check-ins.");
        model.addAttribute("filledRow", index);
        return page(model, cycle, sheet);
    }

    /** A refused row, as the summary at the top of the form names it and links to it. */
    record RowProblem(String anchor, String commitment, String message) {}

    private List<RowProblem> problems(BindingResult result, WeeklyForm form, WeeklyCheckIns.Sheet sheet) {
        List<RowProblem> problems = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            Matcher row = ROW_FIELD.matcher(error.getField());
            if (!row.matches()) {
                continue;
            }
            int index = Integer.parseInt(row.group(1));
            Commitment commitment = index < form.getRows().size()
                    ? sheet.inCycle().get(form.getRows().get(index).getCommitmentId())
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

    private String page(Model model, Cycle cycle, WeeklyCheckIns.Sheet sheet) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("cycle", cycle);
        model.addAttribute("commitments", sheet.inCycle());
        model.addAttribute("thisWeek", sheet.thisWeek());
        model.addAttribute("lastWeek", sheet.lastWeek());
        model.addAttribute("links", sheet.links());
        model.addAttribute("news", readings.newsSinceLastCheckIn(cycle.getId()));
        model.addAttribute("week", cycle.term().weekOf(today));
        model.addAttribute("phase", cycle.phaseOn(today));
        model.addAttribute("statuses", Status.values());
        model.addAttribute("markdown", markdown);
        return "cycle/check-in";
    }
}
