package org.tctracker.commitment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.tctracker.system.PlainText;

/**
 * A week's progress on one commitment, as a form gives it. The rules of a check-in's fields live
 * here once, for the single check-in and every row of the weekly form.
 */
public record CheckInDraft(
        long commitmentId,

        @NotNull(message = "Choose the status after this week.") @Nullable
        Status status,

        @NotBlank(message = "Say in a line what happened this week.")
        @Size(max = CheckIn.MAX_NOTE_LENGTH, message = "Keep the note to 5000 characters.")
        @PlainText(lines = true, message = "Remove the control characters from the note.")
        String note,

        @Min(value = 0, message = PERCENT) @Max(value = 100, message = PERCENT) @Nullable
        Integer percentDone) {

    static final String PERCENT = "Give a percentage from 0 to 100, or leave it empty.";
}
