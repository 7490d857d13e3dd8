package org.tctracker.sources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.tctracker.commitment.LinkToRead;

/**
 * When links are read on the running server: every {@code tracker.links.refresh-every} (the first
 * round a minute after the start, or sooner for a shorter period), on one instance at a time; and
 * a link just added or given a new address, right after the change is saved. Neither runs on a
 * request's thread. A round holds the lease row {@code link-refresh} for at least the period, so
 * instances that share a database read each link once per period between them.
 */
@Component
class RefreshSchedule {

    private static final Logger log = LoggerFactory.getLogger(RefreshSchedule.class);
    private static final Duration FIRST_ROUND_AFTER = Duration.ofMinutes(1);
    private static final Duration LONGEST_ROUND = Duration.ofMinutes(10);

    private final LinkRefresh refresh;
    private final TopicRefresh topics;
    private final LinkSettings settings;
    private final TaskScheduler scheduler;
    private final LockingTaskExecutor lease;
    private final Clock clock;

    RefreshSchedule(
            LinkRefresh refresh,
            TopicRefresh topics,
            LinkSettings settings,
            TaskScheduler scheduler,
            LockProvider locks,
            Clock clock) {
        this.refresh = refresh;
        this.topics = topics;
        this.settings = settings;
        this.scheduler = scheduler;
        this.lease = new DefaultLockingTaskExecutor(locks);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!settings.refreshes()) {
            log.info("Links are not read in the background (tracker.links.refresh-every=0)");
            return;
        }
        Duration period = settings.refreshEvery();
        Duration first = period.compareTo(FIRST_ROUND_AFTER) < 0 ? period : FIRST_ROUND_AFTER;
        scheduler.scheduleWithFixedDelay(this::round, Instant.now().plus(first), period);
    }

    void round() {
        Duration period = settings.refreshEvery();
        try {
            lease.executeWithLock(
                    (Runnable) () -> {
                        LinkRefresh.Report report = refresh.refresh(null);
                        if (!report.changed().isEmpty() || !report.failures().isEmpty()) {
                            log.info(
                                    "Links read: {}, changed: {}, could not be read: {}",
                                    report.read(),
                                    report.changed().size(),
                                    report.failures().size());
                        }
                        TopicRefresh.Report goals = topics.refresh();
                        if (!goals.failures().isEmpty()) {
                            log.info(
                                    "Goal topics read: {}, could not be read: {}",
                                    goals.read().size(),
                                    goals.failures().size());
                        }
                    },
                    new LockConfiguration(
                            clock.instant(),
                            "link-refresh",
                            period.compareTo(LONGEST_ROUND) > 0 ? period : LONGEST_ROUND,
                            period));
        } catch (RuntimeException e) {
            log.warn("The link refresh failed; the next round tries again", e);
        }
    }

    /** A link just added, or given a new address: read it now rather than at the next round. */
    @ApplicationModuleListener
    void on(LinkToRead added) {
        refresh.refreshLink(added.linkId());
    }
}
