package org.tctracker.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands an event back to each listener that failed on it (a mail server down, a review site not
 * answering) every five minutes, until the listener finishes. A listener cut off by a restart is
 * marked failed after a while (the staleness settings in application.properties) and is retried
 * the same way. Nothing is dropped: a publication stays in its table until its listener has
 * completed.
 */
@Component
public class UndeliveredEvents {

    /** A failure this recent is left for the next round, so a listener that keeps failing does not spin. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(2);

    private final FailedEventPublications failed;
    private final Clock clock;

    UndeliveredEvents(FailedEventPublications failed, Clock clock) {
        this.failed = failed;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 1, fixedDelay = 5, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = "undelivered-events", lockAtMostFor = "PT10M")
    public void retryFailedListeners() {
        retry(RETRY_AFTER);
    }

    /** Hands every event whose listener failed at least this long ago back to that listener. */
    public void retry(Duration failedAtLeast) {
        // The registry reads its clock from the application's, as this does. Its own age limit
        // is not applied by the JDBC repository of this Modulith version (spring-modulith#1943),
        // so the filter applies it too, counting from the last attempt.
        Instant cutoff = clock.instant().minus(failedAtLeast);
        failed.resubmit(ResubmissionOptions.defaults()
                .withMinAge(failedAtLeast)
                .withFilter(publication -> !lastAttempt(publication).isAfter(cutoff)));
    }

    private static Instant lastAttempt(EventPublication publication) {
        Instant resubmitted = publication.getLastResubmissionDate();
        return resubmitted != null ? resubmitted : publication.getPublicationDate();
    }
}
