package org.tctracker.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tctracker.commitment.IsoWeek;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.LinkState;
import org.tctracker.commitment.ReleaseCalendar;
import org.tctracker.commitment.Staleness;
import org.tctracker.commitment.Status;
import org.tctracker.commitment.StatusHistory;
import org.tctracker.commitment.StatusOverTime;
import org.tctracker.cycle.Cycle;
import org.tctracker.system.BadRequestException;
import org.tctracker.system.RecordNotFoundException;

/**
 * The weekly digest of a cycle in Markdown, for the mailing list: where each commitment stood that
 * week, whether that changed since the week before, its latest note and links, and what is stale.
 * Read with plain SQL, so the command line can print it without starting the web application.
 */
public final class WeeklyDigest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final JdbcClient jdbc;
    private final Staleness staleness;
    private final StatusHistory statusHistory;

    public WeeklyDigest(JdbcClient jdbc, Staleness staleness, StatusHistory statusHistory) {
        this.jdbc = jdbc;
        this.staleness = staleness;
        this.statusHistory = statusHistory;
    }

    private record Item(
            long id, int position, String title, String owner, String nick, Status status, Instant createdAt) {}

    private record Note(long commitmentId, LocalDate day, String author, String text, String week) {}

    private record Link(long commitmentId, String title, String url, LinkKind kind, LinkState state) {}

    /** The digest of the given week of the cycle: by default this week, or its last for a finished cycle. */
    public String render(String slug, @Nullable IsoWeek wanted, LocalDate today) {
        record Found(long id, Cycle cycle) {}
        Found found = jdbc.sql("select id, slug, name, summit, starts_on, ends_on from cycle where slug = ?")
                .param(slug)
                .query((rs, n) -> new Found(
                        rs.getLong(1),
                        new Cycle(
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getObject(5, LocalDate.class),
                                rs.getObject(6, LocalDate.class))))
                .optional()
                .orElseThrow(() -> RecordNotFoundException.of("cycle", slug));
        Cycle cycle = found.cycle();
        IsoWeek firstWeek = IsoWeek.of(cycle.getStartsOn());
        IsoWeek lastWeek = IsoWeek.of(cycle.getEndsOn());
        if (wanted != null && (wanted.compareTo(firstWeek) < 0 || wanted.compareTo(lastWeek) > 0)) {
            throw new WeekOutsideCycleException(cycle.getName() + " runs from " + firstWeek + " to " + lastWeek
                    + "; there is no digest for " + wanted + ".");
        }
        IsoWeek week =
                wanted == null ? IsoWeek.of(today.isAfter(cycle.getEndsOn()) ? cycle.getEndsOn() : today) : wanted;
        LocalDate sunday = sundayOf(week);
        LocalDate asOf = sunday.isBefore(today) ? sunday : today;
        boolean current = !today.isAfter(sunday);

        StatusOverTime history = statusHistory.ofCycle(found.id());
        // A commitment is in the digest of the weeks from the one it was made or carried in.
        List<Item> items = jdbc
                .sql("""
                        select c.id, c.position, c.title, p.display_name, p.irc_nick, c.status, c.created_at
                        from commitment c join person p on p.id = c.owner_id
                        where c.cycle_id = ? order by c.position""")
                .param(found.id())
                .query((rs, n) -> new Item(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        Status.valueOf(rs.getString(6)),
                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list()
                .stream()
                .filter(item ->
                        current || statusHistory.weekOf(item.createdAt()).compareTo(week) <= 0)
                .toList();
        List<Note> notes = jdbc.sql("""
                        select ci.commitment_id, ci.checked_on, ci.author, ci.note, ci.iso_week, ci.status
                        from check_in ci join commitment c on c.id = ci.commitment_id join cycle cy on cy.id = c.cycle_id
                        where cy.slug = ? order by ci.iso_week""")
                .param(slug)
                .query((rs, n) -> new Note(
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
        List<Link> links = jdbc.sql("""
                        select l.commitment_id, l.title, l.url, l.kind, l.state
                        from spec_link l join commitment c on c.id = l.commitment_id join cycle cy on cy.id = c.cycle_id
                        where cy.slug = ? order by l.id""")
                .param(slug)
                .query((rs, n) -> new Link(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        LinkKind.valueOf(rs.getString(4)),
                        LinkState.valueOf(rs.getString(5))))
                .list();

        IsoWeek previous = IsoWeek.of(sunday.minusWeeks(1));
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        Map<Item, Status> statusThen = new LinkedHashMap<>();
        for (Item item : items) {
            Status then = current
                    ? item.status()
                    : history.asOf(item.id(), item.status(), since(item), week).orElse(item.status());
            statusThen.put(item, then);
            counts.merge(then, 1, Integer::sum);
        }

        StringBuilder md = new StringBuilder();
        ReleaseCalendar.Week calendarWeek = ReleaseCalendar.weekOf(sunday, cycle.getEndsOn());
        md.append("# ")
                .append(cycle.getName())
                .append(" cycle: week ")
                .append(week)
                .append(" (")
                .append(calendarWeek.release())
                .append(")\n\n");
        if (cycle.getSummit() != null) {
            md.append(cycle.getSummit()).append(" summit · ");
        }
        md.append(DAY.format(cycle.getStartsOn()))
                .append(" to ")
                .append(DAY.format(cycle.getEndsOn()))
                .append(" · ")
                .append(items.size())
                .append(items.size() == 1 ? " commitment" : " commitments")
                .append("\n\n");
        md.append("| Status | Commitments |\n|---|---:|\n");
        counts.forEach((status, count) -> md.append("| ")
                .append(status.label())
                .append(" | ")
                .append(count)
                .append(" |\n"));
        md.append("\n## Commitments\n");
        if (items.isEmpty()) {
            md.append("\nNo commitments have been recorded for this cycle yet.\n");
        }
        List<Item> stale = new ArrayList<>();
        for (Item item : items) {
            Status then = statusThen.get(item);
            Status before = history.asOf(item.id(), item.status(), since(item), previous)
                    .orElse(null);
            Note latest = null;
            for (Note note : notes) {
                if (note.commitmentId() == item.id()
                        && IsoWeek.parse(note.week()).compareTo(week) <= 0) {
                    latest = note;
                }
            }
            md.append("\n### ")
                    .append(item.position())
                    .append(". ")
                    .append(oneLine(item.title()))
                    .append("\n\n");
            md.append("**").append(then.label()).append("**");
            md.append(
                    before == null
                            ? " (new this week)"
                            : then == before
                                    ? " (unchanged since last week)"
                                    : " (was " + before.label() + " last week)");
            md.append(" · owner ")
                    .append(oneLine(item.owner()))
                    .append(" (")
                    .append(oneLine(item.nick()))
                    .append(")\n");
            if (latest != null) {
                md.append("\n")
                        .append(latest.week().equals(week.toString()) ? "This week" : "Latest, " + latest.week())
                        .append(" (")
                        .append(latest.day())
                        .append(", ")
                        .append(oneLine(latest.author()))
                        .append("):\n\n");
                for (String line : latest.text().split("\n", -1)) {
                    md.append("> ").append(line).append("\n");
                }
            } else {
                md.append("\nNo check-in yet.\n");
            }
            List<Link> own =
                    links.stream().filter(l -> l.commitmentId() == item.id()).toList();
            if (!own.isEmpty()) {
                md.append("\n");
                for (Link link : own) {
                    md.append("- [")
                            .append(oneLine(link.title()))
                            .append("](")
                            .append(destination(link.url()))
                            .append(") · ")
                            .append(link.kind().label())
                            .append(", ")
                            .append(link.state().label())
                            .append("\n");
                }
            }
            LocalDate last = latest == null ? null : latest.day();
            if (staleness.isStale(then, last, item.createdAt(), cycle, asOf)) {
                stale.add(item);
            }
        }
        md.append("\n## Stale\n\n");
        if (stale.isEmpty()) {
            md.append("Nothing is stale.\n");
        } else {
            for (Item item : stale) {
                md.append("- #")
                        .append(item.position())
                        .append(" ")
                        .append(oneLine(item.title()))
                        .append(" (")
                        .append(oneLine(item.nick()))
                        .append(")\n");
            }
        }
        return md.toString();
    }

    private IsoWeek since(Item item) {
        return statusHistory.weekOf(item.createdAt());
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
