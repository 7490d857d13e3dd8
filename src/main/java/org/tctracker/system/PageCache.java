package org.tctracker.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
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
                    + "|/people|/people/\\d{1,18}");

    private static final int MAX_ENTRIES = 500;
    private static final int MAX_BODY = 1 << 20;
    private static final int MAX_QUERY = 512;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Page> pages = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private long version = -1;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    PageCache(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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
        Page page = lookUp(key);
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
                && request.getSession(false) == null
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
            String etag = "\"" + digest(body) + "\"";
            store(key, new Page(body, contentType, List.copyOf(headers), etag));
            rendering.setHeader(HttpHeaders.ETAG, etag);
        }
        rendering.copyBodyToResponse();
    }

    private String keyOf(HttpServletRequest request) {
        // The parameters as the application reads them, whatever their order in the address.
        StringBuilder query = new StringBuilder();
        new java.util.TreeMap<>(request.getParameterMap())
                .forEach((name, values) -> query.append(name)
                        .append('=')
                        .append(String.join("\u0000", values))
                        .append('&'));
        // HTTPS answers carry HSTS and plain ones do not, so the scheme is part of the key.
        return LocalDate.now(clock) + " " + (request.isSecure() ? "https" : "http") + "://" + request.getServerName()
                + ":" + request.getServerPort() + request.getRequestURI() + "?" + query;
    }

    /** The kept page, if the records have not changed since it was rendered. */
    private @Nullable Page lookUp(String key) {
        long current = jdbc.sql("select coalesce(max(id), 0) from revision")
                .query(Long.class)
                .single();
        synchronized (pages) {
            if (current != version) {
                pages.clear();
                version = current;
                return null;
            }
            return pages.get(key);
        }
    }

    private void store(String key, Page page) {
        synchronized (pages) {
            pages.put(key, page);
        }
    }

    private static void send(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (Map.Entry<String, String> header : page.headers()) {
            response.addHeader(header.getKey(), header.getValue());
        }
        response.setHeader(HttpHeaders.ETAG, page.etag());
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(page.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if ("SESSION".equals(cookie.getName())) {
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
