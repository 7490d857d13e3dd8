package org.tctracker.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Plays Gerrit, Launchpad and StoryBoard in tests: a real HTTP server on loopback that answers each
 * path it was told with the status, headers and body given, after an optional delay, and records
 * every request it gets. Paths it was not told answer 404, as the real APIs do. A path with its
 * query ({@code /changes/?q=topic%3Ax&n=100&S=100}) answers pages of a query apart.
 */
public final class SourceServer implements AutoCloseable {

    /** One answer: status, body, extra headers, and how long to wait before answering. */
    public record Answer(int status, String body, Map<String, String> headers, Duration delay) {

        public static Answer json(String body) {
            return new Answer(200, body, Map.of("Content-Type", "application/json"), Duration.ZERO);
        }

        /** Gerrit's way: JSON behind the {@code )]}'} line that stops a browser running it. */
        public static Answer gerrit(String body) {
            return new Answer(200, ")]}'\n" + body, Map.of("Content-Type", "application/json"), Duration.ZERO);
        }

        public static Answer status(int status) {
            return new Answer(status, "", Map.of(), Duration.ZERO);
        }

        public Answer after(Duration delay) {
            return new Answer(status, body, headers, delay);
        }

        public Answer with(String header, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(header, value);
            return new Answer(status, body, Map.copyOf(more), delay);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public SourceServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "source-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(path + (query == null ? "" : "?" + query));
            // An answer told for the path and its query wins over one told for the path alone.
            Answer answer = answers.getOrDefault(
                    path + (query == null ? "" : "?" + query), answers.getOrDefault(path, Answer.status(404)));
            try {
                Thread.sleep(answer.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            try {
                exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            } catch (IOException clientGone) {
                // The tracker gave up waiting (its read timeout): nothing to answer.
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The server's address, such as http://127.0.0.1:41234 */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public SourceServer answer(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    /** The requests received so far, path and query. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** How many requests asked for this path. */
    public long requestsFor(String path) {
        return requests.stream()
                .filter(r -> r.equals(path) || r.startsWith(path + "?"))
                .count();
    }

    public void forget() {
        requests.clear();
        answers.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
