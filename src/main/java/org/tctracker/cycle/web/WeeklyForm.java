package org.tctracker.cycle.web;

import java.util.ArrayList;
import java.util.List;

/** The weekly routine's form: a row per open commitment the person may update. */
public class WeeklyForm {

    private List<CheckInRow> rows = new ArrayList<>();

    public List<CheckInRow> getRows() {
        return rows;
    }

    public void setRows(List<CheckInRow> rows) {
        this.rows = rows;
    }
}
