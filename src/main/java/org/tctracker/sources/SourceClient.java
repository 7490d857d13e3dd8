package org.tctracker.sources;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads a source's API over HTTP with finite patience: 2 s to connect, 5 s for the answer, at
 * most four requests at once to one server, nothing larger than 2 MB. A server that answers 429
 * or 503 with {@code Retry-After} is left alone until then.
 */
class SourceClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    static final int PER_SERVER = 4;
    private static final int MAX_BODY = 2 << 20;
    /** Longer waits than this are not believed: the server is asked again then. */
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);

    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Semaphore> turns = new ConcurrentHashMap<>();
    private final Map<String, Instant> waitUntil = new ConcurrentHashMap<>();

    SourceClient(Clock clock) {
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Why a source could not be read, in words for the page: "timeout", "answered 500". */
    static class Unreadable extends Exception {
        private final boolean notFound;

        Unreadable(String reason, boolean notFound) {
            super(reason, null, false, false);
            this.notFound = notFound;
        }

        /** The source answered that it has no such record. */
        boolean notFound() {
            return notFound;
        }
    }

    /** The body of a 200 answer to a GET of this address on this server. */
    String get(String server, URI address) throws Unreadable {
        Instant until = waitUntil.get(server);
        if (until != null && clock.instant().isBefore(until)) {
            throw new Unreadable("asked to wait until " + TIME.format(until.atZone(clock.getZone())), false);
        }
        Semaphore turn = turns.computeIfAbsent(server, s -> new Semaphore(PER_SERVER, true));
        try {
            if (!turn.tryAcquire(READ_TIMEOUT.toMillis() * 4, TimeUnit.MILLISECONDS)) {
                throw new Unreadable("too busy (no turn within 20 s)", false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreadable("interrupted", false);
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(address)
                    .timeout(READ_TIMEOUT)
                    .header("Accept", "application/json")
                    .header("User-Agent", "tc-tracker (link states)")
                    .GET()
                    .build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status == 429 || status == 503) {
                    Instant retry = retryAfter(response).orElse(clock.instant().plusSeconds(60));
                    waitUntil.put(server, retry);
                    throw new Unreadable(
                            "asked to wait (" + status + ") until " + TIME.format(retry.atZone(clock.getZone())),
                            false);
                }
                if (status == 404 || status == 410) {
                    throw new Unreadable("not found there", true);
                }
                if (status != 200) {
                    throw new Unreadable("answered " + status, false);
                }
                byte[] bytes = body.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    throw new Unreadable("answered with more than 2 MB", false);
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (HttpConnectTimeoutException e) {
            throw new Unreadable("timeout connecting", false);
        } catch (HttpTimeoutException e) {
            throw new Unreadable("timeout", false);
        } catch (ConnectException e) {
            throw new Unreadable("connection refused", false);
        } catch (IOException e) {
            throw new Unreadable(describe(e), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreadable("interrupted", false);
        } finally {
            turn.release();
        }
    }

    private java.util.Optional<Instant> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            Instant now = clock.instant();
            Instant at;
            try {
                at = now.plusSeconds(Long.parseLong(value.strip()));
            } catch (NumberFormatException notSeconds) {
                try {
                    at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                } catch (RuntimeException notADate) {
                    return java.util.Optional.empty();
                }
            }
            Instant latest = now.plus(LONGEST_WAIT);
            return java.util.Optional.of(at.isAfter(latest) ? latest : at);
        });
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (e.getCause() instanceof java.nio.channels.UnresolvedAddressException
                || e instanceof java.net.UnknownHostException) {
            return "unknown host";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
}
