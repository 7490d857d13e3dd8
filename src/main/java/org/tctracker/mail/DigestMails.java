package org.tctracker.mail;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tctracker.commitment.BoardLine;
import org.tctracker.commitment.CheckInLine;
import org.tctracker.commitment.CycleBoard;
import org.tctracker.commitment.CycleBoards;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.cycle.IsoWeek;
import org.tctracker.people.PeopleDirectory;
import org.tctracker.report.WeeklyDigest;

/**
 * The weekly digest as a mail: the digest's Markdown as plain text, to the list
 * ({@code tracker.mail.digest-to}) and to each person who asked for a copy, once a week. A week in
 * which nothing changed and nothing is stale is skipped, and the run says so.
 */
@Component
public class DigestMails {

    static final String KIND = "DIGEST";

    private static final Logger log = LoggerFactory.getLogger(DigestMails.class);

    private final CycleBoards boards;
    private final WeeklyDigest digest;
    private final PeopleDirectory people;
    private final MailChoices choices;
    private final MailTokens tokens;
    private final SentMails mails;
    private final Outbox outbox;
    private final MailSettings settings;
    private final Clock clock;

    public DigestMails(
            CycleBoards boards,
            WeeklyDigest digest,
            PeopleDirectory people,
            MailChoices choices,
            MailTokens tokens,
            SentMails mails,
            Outbox outbox,
            MailSettings settings,
            Clock clock) {
        this.boards = boards;
        this.digest = digest;
        this.people = people;
        this.choices = choices;
        this.tokens = tokens;
        this.mails = mails;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** The subject: "[tc] Mitaka commitments, 2015-W46 (R-21)". */
    static String subject(CycleTerm cycle, IsoWeek week) {
        return "[tc] " + cycle.name() + " commitments, " + week + " ("
                + cycle.weekOf(mondayOf(week)).release() + ")";
    }

    /** Sends a week's digest of a cycle (this week's when none is given). */
    public MailRun send(CycleTerm cycle, @Nullable IsoWeek wanted, boolean dryRun) {
        LocalDate today = LocalDate.now(clock);
        IsoWeek week = WeeklyDigest.weekOf(cycle, wanted, today);
        MailRun run = new MailRun();
        CycleBoard board = boards.detailed(cycle, today);
        List<CheckInLine> checkIns = boards.checkInsOf(cycle);
        if (!worthSending(board, checkIns, week, week.equals(IsoWeek.of(today)))) {
            String why = "nothing changed in " + cycle.name() + " in " + week + " and nothing is stale: no digest";
            log.info("The weekly digest was skipped: {}", why);
            run.note(why);
            return run;
        }
        String subject = subject(cycle, week);
        String text = digest.render(board, checkIns, week);
        List<Recipient> recipients = new ArrayList<>();
        if (settings.digestTo() != null && !settings.digestTo().isBlank()) {
            recipients.add(new Recipient(settings.digestTo().strip(), null, null));
        }
        for (PeopleDirectory.Listed listed : people.all()) {
            var person = listed.person();
            if (person.email() != null
                    && !person.email().isBlank()
                    && choices.of(person.id()).digest()) {
                recipients.add(new Recipient(person.email(), person.displayName(), person.id()));
            }
        }
        if (recipients.isEmpty()) {
            run.note("nobody gets the digest: set tracker.mail.digest-to, or choose a copy on /account/mail");
        }
        for (Recipient recipient : recipients) {
            send(cycle, week, subject, text, recipient, dryRun, run);
        }
        return run;
    }

    private record Recipient(
            String address, @Nullable String name, @Nullable Long personId) {}

    private void send(
            CycleTerm cycle, IsoWeek week, String subject, String text, Recipient to, boolean dryRun, MailRun run) {
        SentMails.Key key = new SentMails.Key(KIND, to.address(), cycle.id(), week);
        String what = "digest to " + to.address() + ": " + subject;
        if (mails.sent(key)) {
            run.skipped(what + " (sent already)");
            return;
        }
        String unsubscribe = to.personId() == null
                ? null
                : settings.baseUrl() + "/mail/unsubscribe?token="
                        + tokens.sign(
                                Reminders.UNSUBSCRIBE,
                                List.of(String.valueOf(to.personId()), MailChoices.Kind.DIGEST.name()),
                                Duration.ofDays(90));
        String body = text
                + "\n-- \nTC Tracker, " + settings.baseUrl() + "/cycles/" + cycle.slug() + "\n"
                + (unsubscribe == null ? "" : "Stop these copies: " + unsubscribe + "\n");
        if (dryRun) {
            run.planned(what + "\n\n" + body);
            return;
        }
        String messageId = outbox.newMessageId();
        if (!mails.claim(key, to.personId(), messageId, clock.instant())) {
            run.skipped(what + " (being sent by another run)");
            return;
        }
        try {
            outbox.send(new Outbox.Letter(to.address(), to.name(), subject, body, unsubscribe), messageId);
            mails.markSent(key, clock.instant());
            run.sent(what);
        } catch (Outbox.NotSent e) {
            mails.release(key);
            log.warn("The digest to {} was not sent: {}", to.address(), e.getMessage());
            run.failed(what + ": " + e.getMessage());
        }
    }

    /**
     * Something moved that week (a check-in, a new commitment, a status), or, for this week,
     * something is stale.
     */
    private static boolean worthSending(CycleBoard board, List<CheckInLine> checkIns, IsoWeek week, boolean thisWeek) {
        if (checkIns.stream().anyMatch(c -> c.week().equals(week))) {
            return true;
        }
        IsoWeek previous = IsoWeek.of(mondayOf(week).minusWeeks(1));
        for (BoardLine line : board.lines()) {
            if (line.since().equals(week)
                    || !board.statusIn(line, week).equals(board.statusIn(line, previous))
                    || thisWeek && line.stale()) {
                return true;
            }
        }
        return false;
    }

    static LocalDate mondayOf(IsoWeek week) {
        return LocalDate.of(week.year(), 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week.week())
                .with(DayOfWeek.MONDAY);
    }
}
