package org.tctracker.cycle.web;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tctracker.commitment.CheckIn;
import org.tctracker.commitment.CheckInDraft;
import org.tctracker.commitment.Status;
import org.tctracker.commitment.WeeklyCheckIns;

/**
 * One commitment's row of the weekly form, as typed, together with what the row showed when the
 * form was loaded. The loaded values tell a changed row from an untouched one, and the loaded
 * check-in version tells whether someone else checked in since.
 */
public class CheckInRow {

    /** The note of a week in which nothing moved. */
    static final String NO_CHANGE = "No change.";

    private @Nullable Long commitmentId;
    private @Nullable Status status;
    private String note = "";
    private @Nullable Integer percentDone;

    private @Nullable Status loadedStatus;
    private String loadedNote = "";
    private @Nullable Integer loadedPercentDone;
    private long loadedVersion = WeeklyCheckIns.NO_CHECK_IN;

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
        row.loadedVersion = thisWeek == null ? WeeklyCheckIns.NO_CHECK_IN : thisWeek.getVersion();
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

    /** The row as a check-in to record, for the commitment it belongs to. */
    CheckInDraft draft(long commitmentId) {
        return new CheckInDraft(commitmentId, status, note, percentDone);
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
