package org.tctracker.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tctracker.commitment.BoardLine;
import org.tctracker.commitment.CycleBoard;
import org.tctracker.commitment.CycleBoards;
import org.tctracker.commitment.Staleness;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.cycle.IsoWeek;
import org.tctracker.people.PersonRef;

/**
 * The weekly reminder: one mail per person and cycle in progress, listing every open commitment of
 * theirs that went stale (those they own, and those they help with if they chose so), each with
 * the weekly form and a one-click "no change this week". Never twice in one ISO week.
 */
@Component
public class Reminders {

    static final String KIND = "REMINDER";
    static final String NO_CHANGE = "no-change";
    static final String UNSUBSCRIBE = "unsubscribe";

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final CycleCatalog cycles;
    private final CycleBoards boards;
    private final MailChoices choices;
    private final MailTokens tokens;
    private final SentMails mails;
    private final Outbox outbox;
    private final MailSettings settings;
    private final Staleness staleness;
    private final Clock clock;

    public Reminders(
            CycleCatalog cycles,
            CycleBoards boards,
            MailChoices choices,
            MailTokens tokens,
            SentMails mails,
            Outbox outbox,
            MailSettings settings,
            Staleness staleness,
            Clock clock) {
        this.cycles = cycles;
        this.boards = boards;
        this.choices = choices;
        this.tokens = tokens;
        this.mails = mails;
        this.outbox = outbox;
        this.settings = settings;
        this.staleness = staleness;
        this.clock = clock;
    }

    private record Held(PersonRef person, List<BoardLine> owned, List<BoardLine> helped) {}

    /** Reminds for one cycle, or for every cycle in progress; a dry run only says what would go. */
    public MailRun remind(@Nullable CycleTerm only, boolean dryRun) {
        LocalDate today = LocalDate.now(clock);
        IsoWeek week = IsoWeek.of(today);
        MailRun run = new MailRun();
        List<CycleTerm> chosen = only != null
                ? List.of(only)
                : cycles.all().stream()
                        .filter(c -> c.phaseOn(today) == Cycle.Phase.IN_PROGRESS)
                        .toList();
        if (chosen.isEmpty()) {
            run.note("no cycle is in progress");
        }
        for (CycleTerm cycle : chosen) {
            CycleBoard board = boards.of(cycle, today);
            Map<Long, Held> people = new LinkedHashMap<>();
            for (BoardLine line : board.lines()) {
                if (!line.stale()) {
                    continue;
                }
                people.computeIfAbsent(
                                line.owner().id(), id -> new Held(line.owner(), new ArrayList<>(), new ArrayList<>()))
                        .owned()
                        .add(line);
                for (PersonRef helper : line.collaborators()) {
                    people.computeIfAbsent(helper.id(), id -> new Held(helper, new ArrayList<>(), new ArrayList<>()))
                            .helped()
                            .add(line);
                }
            }
            if (people.isEmpty()) {
                run.note("nothing is stale in " + cycle.name());
            }
            for (Held held : people.values()) {
                remind(cycle, week, held, dryRun, run);
            }
        }
        return run;
    }

    private void remind(CycleTerm cycle, IsoWeek week, Held held, boolean dryRun, MailRun run) {
        PersonRef person = held.person();
        MailChoices.Choice choice = choices.of(person.id());
        List<BoardLine> owned = choice.reminders() ? held.owned() : List.of();
        List<BoardLine> helped = choice.helping() ? held.helped() : List.of();
        if (owned.isEmpty() && helped.isEmpty()) {
            return;
        }
        String to = person.email();
        if (to == null || to.isBlank()) {
            run.note(person.displayName() + " (" + person.ircNick() + ") has stale work but no email address");
            return;
        }
        int count = owned.size() + helped.size();
        String subject = "[tc] " + cycle.name() + ": " + count
                + (count == 1 ? " commitment needs" : " commitments need") + " a check-in (" + week + ")";
        SentMails.Key key = new SentMails.Key(KIND, to, cycle.id(), week);
        String what = "reminder to " + to + ": " + subject;
        if (mails.sent(key)) {
            run.skipped(what + " (sent already this week)");
            return;
        }
        String unsubscribe = settings.baseUrl() + "/mail/unsubscribe?token="
                + tokens.sign(
                        UNSUBSCRIBE,
                        List.of(String.valueOf(person.id()), MailChoices.Kind.REMINDERS.name()),
                        Duration.ofDays(90));
        String body = body(cycle, week, person, owned, helped, unsubscribe);
        if (dryRun) {
            run.planned(what + "\n\n" + body);
            return;
        }
        String messageId = outbox.newMessageId();
        if (!mails.claim(key, person.id(), messageId, clock.instant())) {
            run.skipped(what + " (being sent by another run)");
            return;
        }
        try {
            outbox.send(new Outbox.Letter(to, person.displayName(), subject, body, unsubscribe), messageId);
            mails.markSent(key, clock.instant());
            run.sent(what);
        } catch (Outbox.NotSent e) {
            mails.release(key);
            log.warn("The reminder to {} was not sent: {}", to, e.getMessage());
            run.failed(what + ": " + e.getMessage());
        }
    }

    private String body(
            CycleTerm cycle,
            IsoWeek week,
            PersonRef person,
            List<BoardLine> owned,
            List<BoardLine> helped,
            String unsubscribe) {
        String base = settings.baseUrl();
        StringBuilder text = new StringBuilder();
        text.append("Hello ").append(Outbox.oneLine(person.displayName())).append(",\n\n");
        text.append("These open commitments in ")
                .append(cycle.name())
                .append(" have had no check-in for over ")
                .append(staleness.days())
                .append(" days:\n");
        for (BoardLine line : owned) {
            item(text, line, person, week, "you own it");
        }
        for (BoardLine line : helped) {
            item(text, line, person, week, "you help with it");
        }
        text.append("\nCheck in on all of them at once: ")
                .append(base)
                .append("/cycles/")
                .append(cycle.slug())
                .append("/check-in\n");
        text.append("\n-- \nTC Tracker, ").append(base).append('\n');
        text.append("Stop these reminders: ").append(unsubscribe).append('\n');
        text.append("Choose which mails you get: ").append(base).append("/account/mail\n");
        return text.toString();
    }

    private void item(StringBuilder text, BoardLine line, PersonRef person, IsoWeek week, String why) {
        text.append("\n- #")
                .append(line.position())
                .append(' ')
                .append(Outbox.oneLine(line.title()))
                .append(" (")
                .append(why)
                .append(")\n  ")
                .append(line.status().label())
                .append(", ")
                .append(
                        line.lastCheckIn() == null
                                ? "no check-in yet"
                                : "last check-in " + line.lastCheckIn().week())
                .append("\n  No change this week? Say so in one click: ")
                .append(settings.baseUrl())
                .append("/mail/no-change?token=")
                .append(tokens.sign(
                        NO_CHANGE,
                        List.of(String.valueOf(person.id()), String.valueOf(line.id()), week.toString()),
                        Duration.ofDays(8)))
                .append('\n');
    }
}
