package org.tctracker.cycle.web;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.CycleAddress;
import org.tctracker.cycle.CycleService.CycleDraft;
import org.tctracker.cycle.Milestone;
import org.tctracker.system.DateRange;
import org.tctracker.system.FieldErrors;
import org.tctracker.system.PlainText;
import org.tctracker.system.PlausibleDate;

/** The fields of the cycle form, with a few blank milestone rows to fill in. */
@DateRange(from = "startsOn", to = "endsOn", message = "A cycle ends after it starts.")
public class CycleForm {

    static final int BLANK_MILESTONES = 3;
    private static final String PRINTABLE = "Use up to {max} printable characters.";

    @CycleAddress
    private String slug = "";

    @NotBlank(message = "Give the cycle a name.")
    @Size(max = Cycle.MAX_NAME_LENGTH, message = PRINTABLE)
    @PlainText(message = "Use up to " + Cycle.MAX_NAME_LENGTH + " printable characters.")
    private String name = "";

    @Size(max = Cycle.MAX_SUMMIT_LENGTH, message = PRINTABLE)
    @PlainText(message = "Use up to " + Cycle.MAX_SUMMIT_LENGTH + " printable characters.")
    private String summit = "";

    @NotNull(message = "Enter the first day of the cycle.")
    @PlausibleDate
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startsOn;

    @NotNull(message = "Enter the release day that ends the cycle.")
    @PlausibleDate
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endsOn;

    private List<@Valid MilestoneRow> milestones = new ArrayList<>();
    private @Nullable Long version;

    static CycleForm blank() {
        CycleForm form = new CycleForm();
        form.addBlankRows();
        return form;
    }

    static CycleForm of(Cycle cycle) {
        CycleForm form = new CycleForm();
        form.slug = cycle.getSlug();
        form.name = cycle.getName();
        form.summit = cycle.getSummit() == null ? "" : cycle.getSummit();
        form.startsOn = cycle.getStartsOn();
        form.endsOn = cycle.getEndsOn();
        for (Milestone milestone : cycle.getMilestones()) {
            MilestoneRow row = new MilestoneRow();
            row.setName(milestone.getName());
            row.setDueOn(milestone.getDueOn());
            form.milestones.add(row);
        }
        form.version = cycle.getVersion();
        form.addBlankRows();
        return form;
    }

    void addBlankRows() {
        for (int i = 0; i < BLANK_MILESTONES; i++) {
            milestones.add(new MilestoneRow());
        }
    }

    /**
     * Records every problem beside its field: the fields' own rules, then what only the rows
     * together can say (a row half filled in, two rows with one name).
     */
    void check(Validator validator, BindingResult result) {
        FieldErrors.check(validator, this, result);
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneRow row = milestones.get(i);
            String field = "milestones[" + i + "]";
            if (row.getName().isEmpty() && row.getDueOn() != null) {
                result.rejectValue(field + ".name", "required", "Name this milestone, or clear its date.");
            } else if (!row.getName().isEmpty() && row.getDueOn() == null && !result.hasFieldErrors(field + ".dueOn")) {
                result.rejectValue(field + ".dueOn", "required", "Give this milestone a date.");
            }
            if (!row.getName().isEmpty()
                    && seen.putIfAbsent(row.getName(), i) != null
                    && !result.hasFieldErrors(field + ".name")) {
                result.rejectValue(field + ".name", "unique", "Two milestones cannot share a name.");
            }
        }
    }

    CycleDraft draft() {
        Map<String, LocalDate> rows = new LinkedHashMap<>();
        for (MilestoneRow row : milestones) {
            if (!row.getName().isEmpty() && row.getDueOn() != null) {
                rows.put(row.getName(), row.getDueOn());
            }
        }
        return new CycleDraft(slug, name, summit.isEmpty() ? null : summit, startsOn, endsOn, rows);
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(@Nullable String slug) {
        this.slug = slug == null ? "" : slug.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name == null ? "" : name.strip();
    }

    public String getSummit() {
        return summit;
    }

    public void setSummit(@Nullable String summit) {
        this.summit = summit == null ? "" : summit.strip();
    }

    public @Nullable LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(@Nullable LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public @Nullable LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(@Nullable LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public List<MilestoneRow> getMilestones() {
        return milestones;
    }

    public void setMilestones(List<MilestoneRow> milestones) {
        this.milestones = milestones;
    }

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }

    /** One milestone line of the form. */
    public static class MilestoneRow {

        @Size(max = Milestone.MAX_NAME_LENGTH, message = PRINTABLE)
        @PlainText(message = "Use up to " + Milestone.MAX_NAME_LENGTH + " printable characters.")
        private String name = "";

        @PlausibleDate
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate dueOn;

        public String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name == null ? "" : name.strip();
        }

        public @Nullable LocalDate getDueOn() {
            return dueOn;
        }

        public void setDueOn(@Nullable LocalDate dueOn) {
            this.dueOn = dueOn;
        }
    }
}
