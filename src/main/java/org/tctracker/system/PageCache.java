package org.tctracker.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the pages anonymous readers see, already rendered, until anything changes. Every change
 * to the tracker's records makes a new history revision, in the database; a cached page is served
 * only while the newest revision is the one it was rendered at, and for the same calendar day
 * (pages say "3 days ago" and mark stale commitments). So an edit through any instance, or an
 * import from the command line, is seen by the next reader everywhere, at the price of one
 * indexed lookup per request.
 *
 * <p>Only requests without a session cookie are served from here (someone signed in sees their
 * own menu), and only answers that are plain 200 HTML pages which set no cookie are kept. The
 * stored answer keeps every header the application sent, security headers included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class PageCache extends OncePerRequestFilter {

    /** The pages anyone may read; forms, sign-in and error pages are never kept. */
    private static final Pattern CACHEABLE = Pattern.compile(
            "/|/cycles|/cycles/[^/]+|/cycles/[^/]+/report|/commitments/\\d{1,18}|/commitments/\\d{1,18}/history"
                    + "|/people|/people/\\d{1,18}|/goals|/goals/\\d{1,18}|/teams|/teams/[^/]+");

    /**
     * The only parameters pages read, and so the only ones in a kept page's key: anything else
     * added to the address (a cache-buster such as {@code ?x=123}) gets the same kept page.
     */
    private static final Set<String> PARAMETERS = Set.of("status", "owner", "week", "sort", "group", "before", "state");

    private static final int MAX_ENTRIES = 500;
    private static final long MAX_BYTES = budgetFor(Runtime.getRuntime().maxMemory());

    private static final int MAX_BODY = 1 << 20;
    private static final int MAX_QUERY = 512;

    private final RecordsVersion records;
    private final Clock clock;
    private final String sessionCookie;
    private final Map<String, Page> pages = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long version = -1;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    PageCache(
            RecordsVersion records,
            Clock clock,
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        this.records = records;
        this.clock = clock;
        this.sessionCookie = sessionCookie;
    }

    /** Kept pages use at most 32 MB, and at most an eighth of the heap on a small one. */
    static long budgetFor(long maxHeap) {
        return Math.min(32L << 20, maxHeap / 8);
    }

    private record Page(byte[] body, String contentType, List<Map.Entry<String, String>> headers, String etag) {}

    /** How often a reader was served a kept page, and how often a page had to be rendered. */
    public record Stats(long hits, long misses) {}

    public Stats stats() {
        return new Stats(hits.get(), misses.get());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String query = request.getQueryString();
        return !"GET".equals(request.getMethod())
                || hasSessionCookie(request)
                || (query != null && query.length() > MAX_QUERY)
                || !CACHEABLE.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = keyOf(request);
        long renderedAt;
        try {
            renderedAt = currentVersion();
        } catch (RuntimeException failure) {
            // The database is away (stopped, or its disk full): a page kept from before is still
            // the latest anyone can know, since nothing can change meanwhile.
            Page kept = DatabaseAway.explains(failure) ? lastKept(key) : null;
            if (kept == null) {
                throw failure;
            }
            hits.incrementAndGet();
            send(kept, request, response);
            return;
        }
        request.setAttribute(KeptFragments.VERSION, renderedAt);
        Page page = lookUp(key, renderedAt);
        if (page != null) {
            hits.incrementAndGet();
            send(page, request, response);
            return;
        }
        misses.incrementAndGet();
        ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendering);
        byte[] body = rendering.getContentAsByteArray();
        String contentType = rendering.getContentType();
        if (rendering.getStatus() == 200
                && contentType != null
                && contentType.startsWith("text/html")
                && !rendering.containsHeader(HttpHeaders.SET_COOKIE)
                && body.length <= MAX_BODY) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String name : rendering.getHeaderNames()) {
                if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
                        && !name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                    for (String value : rendering.getHeaders(name)) {
                        headers.add(Map.entry(name, value));
                    }
                }
            }
            // Weak, so that Tomcat still gzips the page for clients that accept it.
            String etag = "W/\"" + digest(body) + "\"";
            store(key, new Page(body, contentType, List.copyOf(headers), etag), renderedAt);
            rendering.setHeader(HttpHeaders.ETAG, etag);
        }
        rendering.copyBodyToResponse();
    }

    private String keyOf(HttpServletRequest request) {
        // The parameters as the application reads them, encoded, whatever their order.
        StringBuilder query = new StringBuilder();
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            if (!PARAMETERS.contains(name)) {
                return;
            }
            for (String value : values) {
                query.append(encode(name)).append('=').append(encode(value)).append('&');
            }
        });
        // HTTPS answers carry HSTS and plain ones do not, so the scheme is part of the key.
        return LocalDate.now(clock) + " " + (request.isSecure() ? "https " : "http ") + request.getRequestURI() + "?"
                + query;
    }

    private long currentVersion() {
        return records.current();
    }

    /**
     * The kept page, if the records have not changed since it was rendered. The version only moves
     * forwards: a reader that looked before a change never takes the cache back to before it.
     */
    private @Nullable Page lookUp(String key, long current) {
        synchronized (pages) {
            if (current > version) {
                pages.clear();
                bytes = 0;
                version = current;
                return null;
            }
            return current == version ? pages.get(key) : null;
        }
    }

    /** Keeps a page only if nothing changed while it was rendered, within the memory budget. */
    private @Nullable Page lastKept(String key) {
        synchronized (pages) {
            return pages.get(key);
        }
    }

    private void store(String key, Page page, long renderedAt) {
        synchronized (pages) {
            if (renderedAt != version) {
                return;
            }
            Page replaced = pages.put(key, page);
            bytes += page.body().length - (replaced == null ? 0 : replaced.body().length);
            var eldest = pages.entrySet().iterator();
            while ((bytes > MAX_BYTES || pages.size() > MAX_ENTRIES) && eldest.hasNext()) {
                bytes -= eldest.next().getValue().body().length;
                eldest.remove();
            }
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void send(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (Map.Entry<String, String> header : page.headers()) {
            response.addHeader(header.getKey(), header.getValue());
        }
        response.setHeader(HttpHeaders.ETAG, page.etag());
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        String opaque = page.etag().substring(2);
        if (ifNoneMatch != null && ifNoneMatch.contains(opaque)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    private boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (sessionCookie.equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
