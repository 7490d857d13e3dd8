package org.tctracker.cycle.web;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Lets only a few large files be made at once. A cycle's check-ins file holds every note of the
 * cycle, megabytes for a long one, and is read whole before it is written, so that an answer under
 * way never depends on the database after the server is told to stop. Without a limit, a handful of
 * simultaneous downloads could exhaust a small heap; with one, the others wait their turn.
 */
final class ExportGate {

    private final Semaphore permits;
    private final Duration patience;

    ExportGate(int atOnce, Duration patience) {
        this.permits = new Semaphore(atOnce, true);
        this.patience = patience;
    }

    /** Runs the work when a turn comes, or answers 503 if none comes within the patience. */
    void run(Work work) throws java.io.IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw new ResponseStatusException(
                    HttpStatus.SERVICE_UNAVAILABLE, "Too many large downloads are under way; try again in a minute.");
        }
        try {
            work.run();
        } finally {
            permits.release();
        }
    }

    @FunctionalInterface
    interface Work {
        void run() throws java.io.IOException;
    }
}
