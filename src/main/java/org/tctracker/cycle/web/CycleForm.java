package org.tctracker.cycle.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.CycleService.CycleDraft;
import org.tctracker.cycle.Milestone;

/** The fields of the cycle form, with a few blank milestone rows to fill in. */
public class CycleForm {

    static final int BLANK_MILESTONES = 3;
    /** Letters, digits, dashes and single dots, so OpenStack's series names such as 2027.1 fit. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]|\\.(?!\\.)){0,38}[a-z0-9]|[a-z0-9]");

    private String slug = "";
    private String name = "";
    private String summit = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startsOn;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endsOn;

    private List<MilestoneRow> milestones = new ArrayList<>();
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

    void validate(BindingResult result) {
        slug = slug.strip();
        name = name.strip();
        summit = summit.strip();
        if (!SLUG.matcher(slug).matches() || slug.equals("new")) {
            result.rejectValue(
                    "slug",
                    "shape",
                    "Use lower-case letters, digits, dashes and dots, as in “mitaka” or “2027.1-gazpacho” (not “new”).");
        } else if (slug.endsWith(".md") || slug.endsWith(".csv") || slug.endsWith(".atom")) {
            // Addresses ending so are the files scripts fetch; a cycle's page must not look like one.
            result.rejectValue("slug", "file", "An address cannot end in .md, .csv or .atom, which name files.");
        }
        if (name.isEmpty()) {
            result.rejectValue("name", "required", "Give the cycle a name.");
        } else if (name.length() > Cycle.MAX_NAME_LENGTH || hasControlCharacters(name)) {
            result.rejectValue("name", "length", "Use up to " + Cycle.MAX_NAME_LENGTH + " printable characters.");
        }
        if (summit.length() > Cycle.MAX_SUMMIT_LENGTH || hasControlCharacters(summit)) {
            result.rejectValue("summit", "length", "Use up to " + Cycle.MAX_SUMMIT_LENGTH + " printable characters.");
        }
        rejectFarDates(result, "startsOn", startsOn);
        rejectFarDates(result, "endsOn", endsOn);
        if (startsOn == null && !result.hasFieldErrors("startsOn")) {
            result.rejectValue("startsOn", "required", "Enter the first day of the cycle.");
        }
        if (endsOn == null && !result.hasFieldErrors("endsOn")) {
            result.rejectValue("endsOn", "required", "Enter the release day that ends the cycle.");
        }
        if (startsOn != null && endsOn != null && !endsOn.isAfter(startsOn)) {
            result.rejectValue("endsOn", "order", "A cycle ends after it starts.");
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneRow row = milestones.get(i);
            String rowName = row.getName().strip();
            if (rowName.isEmpty() && row.getDueOn() == null) {
                continue;
            }
            String field = "milestones[" + i + "]";
            if (rowName.isEmpty()) {
                result.rejectValue(field + ".name", "required", "Name this milestone, or clear its date.");
            } else if (rowName.length() > Milestone.MAX_NAME_LENGTH || hasControlCharacters(rowName)) {
                result.rejectValue(
                        field + ".name", "length", "Use up to " + Milestone.MAX_NAME_LENGTH + " printable characters.");
            } else if (seen.putIfAbsent(rowName, i) != null) {
                result.rejectValue(field + ".name", "unique", "Two milestones cannot share a name.");
            }
            if (row.getDueOn() == null && !result.hasFieldErrors(field + ".dueOn")) {
                result.rejectValue(field + ".dueOn", "required", "Give this milestone a date.");
            }
            rejectFarDates(result, field + ".dueOn", row.getDueOn());
        }
    }

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** Dates far outside any release cycle are typing mistakes (and beyond what databases store). */
    static void rejectFarDates(BindingResult result, String field, @Nullable LocalDate date) {
        if (date != null && (date.getYear() < 1990 || date.getYear() > 2999) && !result.hasFieldErrors(field)) {
            result.rejectValue(field, "range", "Enter a date between 1990 and 2999.");
        }
    }

    CycleDraft draft() {
        Map<String, LocalDate> rows = new LinkedHashMap<>();
        for (MilestoneRow row : milestones) {
            if (!row.getName().isBlank() && row.getDueOn() != null) {
                rows.put(row.getName().strip(), row.getDueOn());
            }
        }
        return new CycleDraft(slug, name, summit.isEmpty() ? null : summit, startsOn, endsOn, rows);
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(@Nullable String slug) {
        this.slug = slug == null ? "" : slug;
    }

    public String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name == null ? "" : name;
    }

    public String getSummit() {
        return summit;
    }

    public void setSummit(@Nullable String summit) {
        this.summit = summit == null ? "" : summit;
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
        private String name = "";

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private @Nullable LocalDate dueOn;

        public String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name == null ? "" : name;
        }

        public @Nullable LocalDate getDueOn() {
            return dueOn;
        }

        public void setDueOn(@Nullable LocalDate dueOn) {
            this.dueOn = dueOn;
        }
    }
}
