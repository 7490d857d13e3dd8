package org.tctracker.checkin;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.tctracker.commitment.CheckIn;
import org.tctracker.commitment.Status;

/** One commitment's line of a check-in form, as typed. */
public class CheckInRow {

    private @Nullable Long commitmentId;
    private @Nullable Status status;
    private String note = "";
    private @Nullable Integer percentDone;

    static CheckInRow of(long commitmentId, Status current, @Nullable CheckIn thisWeek) {
        CheckInRow row = new CheckInRow();
        row.commitmentId = commitmentId;
        row.status = thisWeek == null ? current : thisWeek.getStatus();
        row.note = thisWeek == null ? "" : thisWeek.getNote();
        row.percentDone = thisWeek == null ? null : thisWeek.getPercentDone();
        return row;
    }

    /** True when the person changed something in this row, compared with what it was pre-filled with. */
    boolean differsFrom(CheckInRow prefilled) {
        return status != prefilled.status
                || !note.strip().equals(prefilled.note.strip())
                || !java.util.Objects.equals(percentDone, prefilled.percentDone);
    }

    /** Records this row's problems under {@code path} (such as "rows[2]" or "" for a lone form). */
    void validate(BindingResult result, String path) {
        String prefix = path.isEmpty() ? "" : path + ".";
        note = note.replace("\r\n", "\n");
        if (status == null && !result.hasFieldErrors(prefix + "status")) {
            result.rejectValue(prefix + "status", "required", "Choose the status after this week.");
        }
        if (note.isBlank()) {
            result.rejectValue(prefix + "note", "required", "Say in a line what happened this week.");
        } else if (note.length() > org.tctracker.commitment.CheckIn.MAX_NOTE_LENGTH) {
            result.rejectValue(prefix + "note", "length", "Keep the note to 5000 characters.");
        } else if (note.replace("\n", "").replace("\t", "").chars().anyMatch(Character::isISOControl)) {
            result.rejectValue(prefix + "note", "control", "Remove the control characters from the note.");
        }
        if (percentDone != null && (percentDone < 0 || percentDone > 100)) {
            result.rejectValue(prefix + "percentDone", "range", "Give a percentage from 0 to 100, or leave it empty.");
        }
    }

    public @Nullable Long getCommitmentId() {
        return commitmentId;
    }

    public void setCommitmentId(@Nullable Long commitmentId) {
        this.commitmentId = commitmentId;
    }

    public @Nullable Status getStatus() {
        return status;
    }

    public void setStatus(@Nullable Status status) {
        this.status = status;
    }

    public String getNote() {
        return note;
    }

    public void setNote(@Nullable String note) {
        this.note = note == null ? "" : note;
    }

    public @Nullable Integer getPercentDone() {
        return percentDone;
    }

    public void setPercentDone(@Nullable Integer percentDone) {
        this.percentDone = percentDone;
    }
}
