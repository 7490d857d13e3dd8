package org.tctracker.commitment.web;

import org.jspecify.annotations.Nullable;
import org.tctracker.commitment.CheckIn;
import org.tctracker.commitment.CheckInDraft;
import org.tctracker.commitment.Status;

/** The check-in of one commitment, as typed. Its rules are {@link CheckInDraft}'s. */
public class CheckInForm {

    static final String[] FIELDS = {"status", "note", "percentDone"};

    private @Nullable Status status;
    private String note = "";
    private @Nullable Integer percentDone;

    /** A form showing the commitment's current status, and this week's note and percentage if any. */
    static CheckInForm of(Status current, @Nullable CheckIn thisWeek) {
        CheckInForm form = new CheckInForm();
        form.status = current;
        form.note = thisWeek == null ? "" : thisWeek.getNote();
        form.percentDone = thisWeek == null ? null : thisWeek.getPercentDone();
        return form;
    }

    CheckInDraft draft(long commitmentId) {
        return new CheckInDraft(commitmentId, status, note, percentDone);
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

    /** Browsers send text areas with CRLF line ends; the tracker stores LF. */
    public void setNote(@Nullable String note) {
        this.note = note == null ? "" : note.replace("\r\n", "\n");
    }

    public @Nullable Integer getPercentDone() {
        return percentDone;
    }

    public void setPercentDone(@Nullable Integer percentDone) {
        this.percentDone = percentDone;
    }
}
