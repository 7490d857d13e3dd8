package org.tctracker.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tctracker.commitment.BoardLine;
import org.tctracker.commitment.CheckInLine;
import org.tctracker.commitment.CycleBoard;
import org.tctracker.commitment.LinkLine;
import org.tctracker.commitment.Staleness;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.cycle.IsoWeek;
import org.tctracker.cycle.ReleaseCalendar;
import org.tctracker.goal.Goals;
import org.tctracker.goal.Progress;
import org.tctracker.system.BadRequestException;
import org.tctracker.system.TrackerProperties;

/**
 * The weekly digest of a cycle in Markdown, for the mailing list: where each commitment stood that
 * week, whether that changed since the week before, its latest note and links, and what is stale.
 * A plain function of the cycle's board and its check-ins, so the command line prints the same
 * text as the page.
 */
@Component
public class WeeklyDigest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final Staleness staleness;
    private final Goals goals;
    private final TrackerProperties properties;

    public WeeklyDigest(Staleness staleness, Goals goals, TrackerProperties properties) {
        this.staleness = staleness;
        this.goals = goals;
        this.properties = properties;
    }

    /** The week a digest is of unless another is asked for: this week, or a finished cycle's last. */
    public static IsoWeek defaultWeek(CycleTerm cycle, LocalDate today) {
        return IsoWeek.of(today.isAfter(cycle.endsOn()) ? cycle.endsOn() : today);
    }

    /** The week asked for, if it lies in the cycle; the default week if none was asked for. */
    public static IsoWeek weekOf(CycleTerm cycle, @Nullable IsoWeek wanted, LocalDate today) {
        IsoWeek first = IsoWeek.of(cycle.startsOn());
        IsoWeek last = IsoWeek.of(cycle.endsOn());
        if (wanted != null && (wanted.compareTo(first) < 0 || wanted.compareTo(last) > 0)) {
            throw new WeekOutsideCycleException(
                    cycle.name() + " runs from " + first + " to " + last + "; there is no digest for " + wanted + ".");
        }
        return wanted == null ? defaultWeek(cycle, today) : wanted;
    }

    /**
     * The digest of a week of a detailed board's cycle, given every check-in of the cycle. A week
     * that has ended is told as it stood at its end: only what had been made by then, with its
     * status and latest note of then, stale as of its Sunday.
     */
    public String render(CycleBoard board, List<CheckInLine> checkIns, IsoWeek week) {
        CycleTerm cycle = board.cycle();
        LocalDate sunday = sundayOf(week);
        boolean current = !board.today().isAfter(sunday);
        LocalDate asOf = current ? board.today() : sunday;
        IsoWeek previous = IsoWeek.of(sunday.minusWeeks(1));
        List<BoardLine> lines = current ? board.lines() : board.linesIn(week);

        Map<BoardLine, Status> then = new java.util.LinkedHashMap<>();
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        for (BoardLine line : lines) {
            Status status = current ? line.status() : board.statusIn(line, week).orElse(line.status());
            then.put(line, status);
            counts.merge(status, 1, Integer::sum);
        }

        StringBuilder md = new StringBuilder();
        heading(md, cycle, week, sunday, lines.size());
        md.append("| Status | Commitments |\n|---|---:|\n");
        counts.forEach((status, count) -> md.append("| ")
                .append(status.label())
                .append(" | ")
                .append(count)
                .append(" |\n"));
        md.append("\n## Commitments\n");
        if (lines.isEmpty()) {
            md.append("\nNo commitments have been recorded for this cycle yet.\n");
        }
        StringBuilder stale = new StringBuilder();
        for (BoardLine line : lines) {
            Status status = then.get(line);
            Optional<CheckInLine> latest = latestUpTo(checkIns, line, week);
            commitment(md, line, status, board.statusIn(line, previous).orElse(null), latest, week);
            if (staleness.isStale(
                    status,
                    latest.map(CheckInLine::checkedOn).orElse(null),
                    line.createdAt(),
                    cycle.startsOn(),
                    cycle.phaseOn(asOf),
                    asOf)) {
                stale.append("- #")
                        .append(line.position())
                        .append(" ")
                        .append(oneLine(line.title()))
                        .append(" (")
                        .append(oneLine(line.owner().ircNick()))
                        .append(")\n");
            }
        }
        goals(md, lines, sunday);
        md.append("\n## Stale\n\n").append(stale.isEmpty() ? "Nothing is stale.\n" : stale);
        return md.toString();
    }

    /**
     * The cycle's goals, team by team: how far each has come, and the teams whose row a person or
     * the goal's topic changed during the week. Only for a cycle with goals.
     */
    private void goals(StringBuilder md, List<BoardLine> lines, LocalDate sunday) {
        Map<Long, Progress> progress =
                goals.progress(lines.stream().map(BoardLine::id).toList());
        if (progress.isEmpty()) {
            return;
        }
        java.time.Instant from =
                sunday.minusDays(6).atStartOfDay(properties.zone()).toInstant();
        java.time.Instant until =
                sunday.plusDays(1).atStartOfDay(properties.zone()).toInstant();
        Map<Long, List<Goals.RowChange>> changed = new java.util.LinkedHashMap<>();
        for (Goals.RowChange change : goals.changedBetween(from, until)) {
            changed.computeIfAbsent(change.goalId(), id -> new java.util.ArrayList<>())
                    .add(change);
        }
        md.append("\n## Goals, team by team\n");
        for (BoardLine line : lines) {
            Progress done = progress.get(line.id());
            if (done == null) {
                continue;
            }
            md.append("\n### #")
                    .append(line.position())
                    .append(" ")
                    .append(oneLine(line.title()))
                    .append(": ")
                    .append(done.words())
                    .append(" now\n\n");
            List<Goals.RowChange> its = changed.getOrDefault(line.id(), List.of());
            if (its.isEmpty()) {
                md.append("No team's row changed this week.\n");
            }
            for (Goals.RowChange change : its) {
                md.append("- ")
                        .append(oneLine(change.teamName()))
                        .append(": ")
                        .append(change.state().label())
                        .append(" (")
                        .append(oneLine(change.by()))
                        .append(")\n");
            }
        }
    }

    private static void heading(StringBuilder md, CycleTerm cycle, IsoWeek week, LocalDate sunday, int commitments) {
        ReleaseCalendar.Week calendarWeek = cycle.weekOf(sunday);
        md.append("# ")
                .append(cycle.name())
                .append(" cycle: week ")
                .append(week)
                .append(" (")
                .append(calendarWeek.release())
                .append(")\n\n");
        if (cycle.summit() != null) {
            md.append(cycle.summit()).append(" summit · ");
        }
        md.append(DAY.format(cycle.startsOn()))
                .append(" to ")
                .append(DAY.format(cycle.endsOn()))
                .append(" · ")
                .append(commitments)
                .append(commitments == 1 ? " commitment" : " commitments")
                .append("\n\n");
    }

    private static void commitment(
            StringBuilder md,
            BoardLine line,
            Status status,
            @Nullable Status before,
            Optional<CheckInLine> latest,
            IsoWeek week) {
        md.append("\n### ")
                .append(line.position())
                .append(". ")
                .append(oneLine(line.title()))
                .append("\n\n");
        md.append("**").append(status.label()).append("**");
        md.append(
                before == null
                        ? " (new this week)"
                        : status == before
                                ? " (unchanged since last week)"
                                : " (was " + before.label() + " last week)");
        md.append(" · owner ")
                .append(oneLine(line.owner().displayName()))
                .append(" (")
                .append(oneLine(line.owner().ircNick()))
                .append(")\n");
        if (latest.isPresent()) {
            CheckInLine note = latest.get();
            md.append("\n")
                    .append(note.week().equals(week) ? "This week" : "Latest, " + note.week())
                    .append(" (")
                    .append(note.checkedOn())
                    .append(", ")
                    .append(oneLine(note.author()))
                    .append("):\n\n");
            for (String text : note.note().split("\n", -1)) {
                md.append("> ").append(text).append("\n");
            }
        } else {
            md.append("\nNo check-in yet.\n");
        }
        if (!line.links().isEmpty()) {
            md.append("\n");
            for (LinkLine link : line.links()) {
                md.append("- [")
                        .append(oneLine(link.title()))
                        .append("](")
                        .append(destination(link.url()))
                        .append(") · ")
                        .append(link.kind().label())
                        .append(", ")
                        .append(link.state().label());
                if (link.sourceState() != null) {
                    md.append(" (").append(oneLine(link.sourceState())).append(')');
                }
                md.append("\n");
            }
        }
    }

    private static Optional<CheckInLine> latestUpTo(List<CheckInLine> checkIns, BoardLine line, IsoWeek week) {
        return checkIns.stream()
                .filter(c -> c.commitmentId() == line.id() && c.week().compareTo(week) <= 0)
                .max(Comparator.comparing(CheckInLine::week));
    }

    /** The digest was asked for a week before the cycle began or after its release. */
    public static final class WeekOutsideCycleException extends BadRequestException {
        WeekOutsideCycleException(String message) {
            super(message);
        }
    }

    private static LocalDate sundayOf(IsoWeek week) {
        return LocalDate.of(week.year(), 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week.week())
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }

    /**
     * Titles and names are plain text: they stay on one line, so they cannot start blocks of their
     * own, and the characters that would make links, emphasis or code are escaped.
     */
    static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n]+", " ").strip();
        StringBuilder escaped = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (MARKDOWN_INLINE.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static final String MARKDOWN_INLINE = "\\`*_[]<>&!|~";

    /** A link's address between angle brackets, so parentheses and spaces cannot end it early. */
    static String destination(String url) {
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">";
    }
}
