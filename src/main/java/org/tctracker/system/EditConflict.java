package org.tctracker.system;

import java.util.List;
import java.util.Map;

/**
 * What the conflict page (409) shows when someone saved a record between the moment a person
 * opened its form and the moment they saved: their input beside what is stored now, and a way to
 * apply theirs on top.
 *
 * @param what the record, as a reader names it ("the commitment “…”")
 * @param rows one per field: the person's value and the stored one
 * @param action where the person's input is posted again
 * @param resubmit the person's input, with the stored version, as hidden fields of that form
 * @param back where to go to discard the input and look at the stored record
 */
public record EditConflict(
        String what, List<Row> rows, String action, Map<String, List<String>> resubmit, String back) {

    public record Row(String field, String yours, String stored) {
        public boolean differs() {
            return !yours.equals(stored);
        }
    }
}
