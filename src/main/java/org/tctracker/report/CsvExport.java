package org.tctracker.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.tctracker.commitment.BoardLine;
import org.tctracker.commitment.CheckInLine;
import org.tctracker.commitment.CycleBoard;
import org.tctracker.commitment.LinkLine;
import org.tctracker.goal.GoalBoard;
import org.tctracker.people.PersonRef;

/**
 * A cycle as spreadsheets read it: RFC 4180 with CRLF line ends, a header row, and every cell that
 * a spreadsheet would take for a formula (one starting with {@code = + - @}, a tab or a carriage
 * return, also after leading spaces) prefixed with an apostrophe, so opening the file never runs what someone typed.
 */
public final class CsvExport {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    /**
     * Starts each downloaded file: spreadsheets then read it as UTF-8 by themselves. Scripts skip
     * it by reading with the "utf-8-sig" codec (Python) or by dropping a leading U+FEFF.
     */
    public static final String BYTE_ORDER_MARK = "\uFEFF";

    public static final List<String> COMMITMENT_COLUMNS = List.of(
            "cycle",
            "position",
            "title",
            "status",
            "stale",
            "owner",
            "owner_irc",
            "collaborators",
            "target_date",
            "last_check_in_week",
            "last_check_in_date",
            "last_check_in_author",
            "last_note",
            "spec_links",
            "summary");

    /** Named in the check-ins file's tag: raise it whenever that file's content changes form. */
    public static final int CHECK_INS_FORMAT = 2;

    public static final List<String> CHECK_IN_COLUMNS = List.of(
            "cycle",
            "position",
            "commitment",
            "week",
            "release_week",
            "checked_on",
            "status",
            "percent_done",
            "author",
            "note");

    private CsvExport() {}

    /** A row per commitment of a detailed board, in the cycle's order. */
    public static void commitments(CycleBoard board, Writer out) throws IOException {
        try (CSVPrinter csv = printer(COMMITMENT_COLUMNS, out)) {
            for (BoardLine c : board.lines()) {
                CheckInLine last = c.lastCheckIn();
                csv.printRecord(safe(
                        board.cycle().slug(),
                        c.position(),
                        c.title(),
                        c.status().label(),
                        c.stale() ? "yes" : "no",
                        c.owner().displayName(),
                        c.owner().ircNick(),
                        c.collaborators().stream().map(PersonRef::displayName).collect(Collectors.joining("; ")),
                        c.targetDate(),
                        last == null ? null : last.week(),
                        last == null ? null : last.checkedOn(),
                        last == null ? null : last.author(),
                        last == null ? null : last.note(),
                        c.links().stream().map(CsvExport::linkCell).collect(Collectors.joining("\n")),
                        c.summary()));
            }
        }
    }

    /**
     * A link in the board's links cell: its title and address, and for one a source keeps what the
     * source said, when and where it was read, and the last failure.
     */
    private static String linkCell(LinkLine l) {
        StringBuilder cell = new StringBuilder(l.title() + " <" + l.url() + ">");
        if (l.source() != null) {
            cell.append(" — ").append(l.sourceState() == null ? "not read yet" : l.sourceState());
            if (l.syncedAt() != null) {
                cell.append(" (read ")
                        .append(l.syncedAt())
                        .append(" from ")
                        .append(l.source())
                        .append(')');
            }
            if (l.syncError() != null) {
                cell.append("; last reading failed: ").append(l.syncError());
            }
        }
        return cell.toString();
    }

    /** Every check-in of the board's cycle with its note, by week and then the commitments' order. */
    public static void checkIns(CycleBoard board, List<CheckInLine> checkIns, Writer out) throws IOException {
        Map<Long, BoardLine> byId =
                board.lines().stream().collect(Collectors.toMap(BoardLine::id, Function.identity()));
        try (CSVPrinter csv = printer(CHECK_IN_COLUMNS, out)) {
            for (CheckInLine checkIn : checkIns) {
                BoardLine commitment = byId.get(checkIn.commitmentId());
                csv.printRecord(safe(
                        board.cycle().slug(),
                        commitment == null ? null : commitment.position(),
                        commitment == null ? null : commitment.title(),
                        checkIn.week(),
                        board.cycle().weekOf(checkIn.checkedOn()).release(),
                        checkIn.checkedOn(),
                        checkIn.status().label(),
                        checkIn.percentDone(),
                        checkIn.author(),
                        checkIn.note()));
            }
        }
    }

    public static final List<String> GOAL_TEAM_COLUMNS = List.of(
            "goal_id",
            "goal",
            "team",
            "team_slug",
            "state",
            "set_by_hand",
            "reason",
            "planning_url",
            "planning_state",
            "completion_url",
            "completion_state",
            "gerrit_says",
            "stale",
            "updated_by",
            "updated_at");

    /** A row per team of a goal, the teams left first, as its page lists them. */
    public static void goalTeams(GoalBoard goal, Writer out) throws IOException {
        try (CSVPrinter csv = printer(GOAL_TEAM_COLUMNS, out)) {
            for (GoalBoard.Row row : goal.rows()) {
                csv.printRecord(safe(
                        goal.id(),
                        goal.title(),
                        row.teamName(),
                        row.teamSlug(),
                        row.state().label(),
                        row.byHand() ? "yes" : "no",
                        row.reason(),
                        row.planningUrl(),
                        row.planningState(),
                        row.completionUrl(),
                        row.completionState(),
                        row.sourceWords(),
                        row.stale() ? "yes" : "no",
                        row.updatedBy(),
                        row.updatedAt()));
            }
        }
    }

    /** Starts a spreadsheet download: UTF-8 with a byte-order mark, so spreadsheets open it as such. */
    public static Writer download(HttpServletResponse response, String filename) throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        Writer out = response.getWriter();
        // Excel and LibreOffice open the file as UTF-8 without being asked.
        out.write(BYTE_ORDER_MARK);
        return out;
    }

    private static CSVPrinter printer(List<String> columns, Writer out) throws IOException {
        return new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(columns.toArray(String[]::new))
                        .get());
    }

    private static Object[] safe(@Nullable Object... cells) {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = cells[i] == null ? "" : neutralise(String.valueOf(cells[i]));
        }
        return safe;
    }

    /**
     * A cell a spreadsheet would evaluate gets a leading apostrophe, which it shows as text.
     * Spreadsheets skip leading spaces (the no-break space too) before a formula, so this looks
     * past them.
     */
    public static String neutralise(String cell) {
        int first = 0;
        while (first < cell.length() && Character.isSpaceChar(cell.charAt(first))) {
            first++;
        }
        boolean formula = !cell.isEmpty()
                && (FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0
                        || (first < cell.length() && FORMULA_STARTS.indexOf(cell.charAt(first)) >= 0));
        return formula ? "'" + cell : cell;
    }
}
