package org.tctracker.cycle.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Lets only a few large files be made at once. A cycle's check-ins file holds every note of the
 * cycle, megabytes for a long one, and is read whole before it is written, so that an answer under
 * way never depends on the database after the server is told to stop. Without a limit, a handful of
 * simultaneous downloads could exhaust a small heap; with one, the others wait their turn. Turns
 * are kept per file as well as in all: readers who hold one cycle's file (or stop reading it) never
 * keep another cycle's from anyone.
 */
final class ExportGate {

    private final int perFile;
    private final Semaphore all;
    private final Duration patience;
    private final Map<String, Semaphore> files = new ConcurrentHashMap<>();

    ExportGate(int atOnce, Duration patience) {
        this(atOnce, atOnce, patience);
    }

    ExportGate(int perFile, int inAll, Duration patience) {
        this.perFile = perFile;
        this.all = new Semaphore(inAll, true);
        this.patience = patience;
    }

    /** Runs the work when a turn comes, or answers 503 if none comes within the patience. */
    void run(Work work) throws java.io.IOException {
        run("", work);
    }

    /** Runs the work when a turn for this file, and one in all, comes; 503 if none comes in time. */
    void run(String file, Work work) throws java.io.IOException {
        Semaphore mine = files.computeIfAbsent(file, f -> new Semaphore(perFile, true));
        long deadline = System.nanoTime() + patience.toNanos();
        if (!acquire(mine, deadline)) {
            throw busy();
        }
        try {
            if (!acquire(all, deadline)) {
                throw busy();
            }
            try {
                work.run();
            } finally {
                all.release();
            }
        } finally {
            mine.release();
        }
    }

    private static boolean acquire(Semaphore permits, long deadline) {
        try {
            return permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ResponseStatusException busy() {
        return new ResponseStatusException(
                HttpStatus.SERVICE_UNAVAILABLE, "Too many large downloads are under way; try again in a minute.");
    }

    @FunctionalInterface
    interface Work {
        void run() throws java.io.IOException;
    }
}
