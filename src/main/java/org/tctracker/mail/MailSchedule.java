package org.tctracker.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.system.TrackerProperties;

/**
 * Sends the reminders at {@code tracker.mail.remind-at} and the digest at
 * {@code tracker.mail.digest-at}, in the tracker's time zone, on one instance (the lease rows
 * {@code mail-reminders} and {@code mail-digest}); the record of sent mails makes a second run
 * send nothing anyway. Nothing is scheduled while mail is off.
 */
@Component
class MailSchedule {

    private static final Logger log = LoggerFactory.getLogger(MailSchedule.class);
    private static final Duration LONGEST_RUN = Duration.ofMinutes(10);
    private static final Duration HELD_AT_LEAST = Duration.ofMinutes(1);

    private final Reminders reminders;
    private final DigestMails digests;
    private final CycleCatalog cycles;
    private final Outbox outbox;
    private final MailSettings settings;
    private final TrackerProperties tracker;
    private final TaskScheduler scheduler;
    private final LockingTaskExecutor lease;
    private final Clock clock;

    MailSchedule(
            Reminders reminders,
            DigestMails digests,
            CycleCatalog cycles,
            Outbox outbox,
            MailSettings settings,
            TrackerProperties tracker,
            TaskScheduler scheduler,
            LockProvider locks,
            Clock clock) {
        this.reminders = reminders;
        this.digests = digests;
        this.cycles = cycles;
        this.outbox = outbox;
        this.settings = settings;
        this.tracker = tracker;
        this.scheduler = scheduler;
        this.lease = new DefaultLockingTaskExecutor(locks);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!outbox.enabled()) {
            log.info("Mail is off (spring.mail.host is not set): no reminders, no digest mail");
            return;
        }
        scheduler.schedule(this::remind, new CronTrigger(MailSettings.cron(settings.remindAt()), tracker.zone()));
        scheduler.schedule(this::sendDigests, new CronTrigger(MailSettings.cron(settings.digestAt()), tracker.zone()));
    }

    /** The reminders, if no other instance is sending them. */
    void remind() {
        run("mail-reminders", () -> report("Reminders", reminders.remind(null, false)));
    }

    /** This week's digest of every cycle in progress, if no other instance is sending it. */
    void sendDigests() {
        run("mail-digest", () -> {
            LocalDate today = LocalDate.now(clock);
            for (CycleTerm cycle : cycles.all()) {
                if (cycle.phaseOn(today) == Cycle.Phase.IN_PROGRESS) {
                    report("Digest", digests.send(cycle, null, false));
                }
            }
        });
    }

    private void run(String name, Runnable work) {
        try {
            lease.executeWithLock(work, new LockConfiguration(clock.instant(), name, LONGEST_RUN, HELD_AT_LEAST));
        } catch (RuntimeException e) {
            log.warn("{} failed; the next run tries again", name, e);
        }
    }

    private static void report(String what, MailRun run) {
        log.info(
                "{}: {} sent, {} sent before, {} failed{}",
                what,
                run.sent().size(),
                run.skipped().size(),
                run.failed().size(),
                run.notes().isEmpty() ? "" : "; " + String.join("; ", run.notes()));
    }
}
