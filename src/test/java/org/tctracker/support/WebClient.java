package org.tctracker.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser without a screen: keeps cookies, sends forms with their CSRF token, does not follow
 * redirects, so a test sees every answer as the server gave it.
 */
public final class WebClient {

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;
    private final String clientAddress;

    public WebClient(int port) {
        this(port, "");
    }

    /** A client that a trusted proxy announces as coming from {@code clientAddress}. */
    public WebClient(int port, String clientAddress) {
        this(port, clientAddress, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private WebClient(int port, String clientAddress, CookieManager cookies) {
        this.base = "http://localhost:" + port;
        this.clientAddress = clientAddress;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The same browser, cookies and all, reaching another instance on {@code port}: what a load
     * balancer does when it sends the next request elsewhere.
     */
    public WebClient at(int port) {
        return new WebClient(port, clientAddress, cookies);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path));
    }

    /** A request to this server as a browser would send it. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,*/*;q=0.8");
        if (!clientAddress.isEmpty()) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return request;
    }

    public Document page(String path) throws Exception {
        return Jsoup.parse(get(path).body());
    }

    /** Posts a form the way a browser would after loading {@code formPage}: with its CSRF token. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) throws Exception {
        String token = page(formPage).select("input[name=_csrf]").attr("value");
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token);
        return post(action, all);
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public HttpResponse<String> signIn(String username, String password) throws Exception {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(c -> c.getValue())
                .findFirst()
                .orElse("");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
