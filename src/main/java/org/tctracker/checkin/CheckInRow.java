package org.tctracker.checkin;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.tctracker.commitment.CheckIn;
import org.tctracker.commitment.Status;

/**
 * One commitment's line of a check-in form, as typed, together with what the line showed when the
 * form was loaded. The loaded values tell a changed row from an untouched one, and the loaded
 * check-in version tells whether someone else checked in since.
 */
public class CheckInRow {

    /** The loaded version of a row with no check-in yet this week. */
    static final long NO_CHECK_IN = -1;

    /** The note of a week in which nothing moved. */
    static final String NO_CHANGE = "No change.";

    private @Nullable Long commitmentId;
    private @Nullable Status status;
    private String note = "";
    private @Nullable Integer percentDone;

    private @Nullable Status loadedStatus;
    private String loadedNote = "";
    private @Nullable Integer loadedPercentDone;
    private long loadedVersion = NO_CHECK_IN;

    /** A row showing the commitment's current status, and this week's note and percentage if any. */
    static CheckInRow of(long commitmentId, Status current, @Nullable CheckIn thisWeek) {
        CheckInRow row = new CheckInRow();
        row.commitmentId = commitmentId;
        row.status = current;
        row.note = thisWeek == null ? "" : thisWeek.getNote();
        row.percentDone = thisWeek == null ? null : thisWeek.getPercentDone();
        row.loadedStatus = row.status;
        row.loadedNote = row.note;
        row.loadedPercentDone = row.percentDone;
        row.loadedVersion = thisWeek == null ? NO_CHECK_IN : thisWeek.getVersion();
        return row;
    }

    /** Fills the row in for a week in which nothing moved: the status it showed, and a note saying so. */
    void markNoChange() {
        status = loadedStatus;
        note = NO_CHANGE;
        percentDone = loadedPercentDone;
    }

    /** True when the person changed something in this row since the form was loaded. */
    boolean touched() {
        return status != loadedStatus
                || !note.strip().equals(loadedNote.strip())
                || !Objects.equals(percentDone, loadedPercentDone);
    }

    /** Records this row's problems under {@code path} (such as "rows[2]" or "" for a lone form). */
    void validate(BindingResult result, String path) {
        String prefix = path.isEmpty() ? "" : path + ".";
        if (status == null && !result.hasFieldErrors(prefix + "status")) {
            result.rejectValue(prefix + "status", "required", "Choose the status after this week.");
        }
        if (note.isBlank()) {
            result.rejectValue(prefix + "note", "required", "Say in a line what happened this week.");
        } else if (note.length() > CheckIn.MAX_NOTE_LENGTH) {
            result.rejectValue(prefix + "note", "length", "Keep the note to 5000 characters.");
        } else if (note.replace("\n", "").replace("\t", "").chars().anyMatch(Character::isISOControl)) {
            result.rejectValue(prefix + "note", "control", "Remove the control characters from the note.");
        }
        if (percentDone != null && (percentDone < 0 || percentDone > 100)) {
            result.rejectValue(prefix + "percentDone", "range", "Give a percentage from 0 to 100, or leave it empty.");
        }
    }

    /** Browsers send text areas with CRLF line ends; the tracker stores LF. */
    private static String lines(@Nullable String text) {
        return text == null ? "" : text.replace("\r\n", "\n");
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
        this.note = lines(note);
    }

    public @Nullable Integer getPercentDone() {
        return percentDone;
    }

    public void setPercentDone(@Nullable Integer percentDone) {
        this.percentDone = percentDone;
    }

    public @Nullable Status getLoadedStatus() {
        return loadedStatus;
    }

    public void setLoadedStatus(@Nullable Status loadedStatus) {
        this.loadedStatus = loadedStatus;
    }

    public String getLoadedNote() {
        return loadedNote;
    }

    public void setLoadedNote(@Nullable String loadedNote) {
        this.loadedNote = lines(loadedNote);
    }

    public @Nullable Integer getLoadedPercentDone() {
        return loadedPercentDone;
    }

    public void setLoadedPercentDone(@Nullable Integer loadedPercentDone) {
        this.loadedPercentDone = loadedPercentDone;
    }

    public long getLoadedVersion() {
        return loadedVersion;
    }

    public void setLoadedVersion(long loadedVersion) {
        this.loadedVersion = loadedVersion;
    }
}
