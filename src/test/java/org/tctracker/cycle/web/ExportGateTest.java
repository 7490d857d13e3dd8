package org.tctracker.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class ExportGateTest {

    @Test
    void aDownloadBeyondTheLimitWaitsForATurn() throws Exception {
        ExportGate gate = new ExportGate(2, Duration.ofMinutes(1));
        // Threads of its own: a shared pool might have too few to show a third caller waiting.
        ExecutorService threads = Executors.newFixedThreadPool(3);
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger most = new AtomicInteger();
        AtomicInteger now = new AtomicInteger();
        ExportGate.Work hold = () -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            inside.countDown();
            await(finish);
            now.decrementAndGet();
        };
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(gate, hold), threads);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> run(gate, hold), threads);
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> run(gate, hold), threads);
        Thread.sleep(300);
        assertThat(third).as("waiting for a turn").isNotDone();

        finish.countDown();
        CompletableFuture.allOf(first, second, third).get(10, TimeUnit.SECONDS);
        assertThat(most.get()).isEqualTo(2);
        threads.shutdown();
    }

    @Test
    void readersHoldingOneFileNeverKeepAnotherFromAnyone() throws Exception {
        ExportGate gate = new ExportGate(2, 4, Duration.ofMillis(200));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        ExportGate.Work hold = () -> {
            inside.countDown();
            await(finish);
        };
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(gate, "stalled", hold), threads);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> run(gate, "stalled", hold), threads);
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        java.util.concurrent.atomic.AtomicBoolean made = new java.util.concurrent.atomic.AtomicBoolean();
        gate.run("mitaka", () -> made.set(true));
        assertThatThrownBy(() -> gate.run("stalled", () -> {}))
                .as("a third reader of the held file waits, then is told to come back")
                .isInstanceOf(ResponseStatusException.class);

        assertThat(made).isTrue();
        finish.countDown();
        CompletableFuture.allOf(first, second).get(10, TimeUnit.SECONDS);
        threads.shutdown();
    }

    private static void run(ExportGate gate, String file, ExportGate.Work work) {
        try {
            gate.run(file, work);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void noTurnWithinThePatienceIsA503() throws Exception {
        ExportGate gate = new ExportGate(1, Duration.ofMillis(100));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(gate, () -> {
            inside.countDown();
            await(finish);
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> gate.run(() -> {}))
                .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));

        finish.countDown();
        first.get(10, TimeUnit.SECONDS);
        // The turn is given back, also after work that failed.
        assertThatThrownBy(() -> gate.run(() -> {
                    throw new java.io.IOException("client went away");
                }))
                .hasMessage("client went away");
        AtomicInteger ran = new AtomicInteger();
        gate.run(ran::incrementAndGet);
        assertThat(ran).hasValue(1);
    }

    static void run(ExportGate gate, ExportGate.Work work) {
        try {
            gate.run(work);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
