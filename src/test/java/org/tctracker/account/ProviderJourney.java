package org.tctracker.account;

import static org.assertj.core.api.Assertions.assertThat;

import identityprovider.IdentityProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.tctracker.support.WebClient;

/**
 * Signing in through the test provider as a browser does: the tracker sends it to the provider,
 * the provider asks for the member's password (unless they are signed in there already) and
 * sends it back to the tracker with a code.
 */
public final class ProviderJourney {

    public ProviderJourney() {}

    /** A browser that the tracker has sent to the provider's authorization endpoint. */
    public record Started(WebClient browser, URI authorize) {}

    public Started start(WebClient browser) throws Exception {
        HttpResponse<String> start = browser.get("/oauth2/authorization/oidc");
        assertThat(start.statusCode()).isEqualTo(302);
        return new Started(browser, URI.create(location(start)));
    }

    /** Signs in at the provider if asked to; the tracker's address the provider sends back to. */
    public URI atProvider(Started started, String member) throws Exception {
        WebClient browser = started.browser();
        URI next = started.authorize();
        for (int hops = 0; hops < 6; hops++) {
            if (next.getPath().startsWith("/login/oauth2/code/")) {
                return next;
            }
            HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(next));
            if (answer.statusCode() == 200 && answer.body().contains("name=\"password\"")) {
                Document form = Jsoup.parse(answer.body());
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("username", member);
                fields.put("password", IdentityProvider.PASSWORD);
                fields.put("_csrf", form.select("input[name=_csrf]").attr("value"));
                answer = browser.send(HttpRequest.newBuilder(next.resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
            }
            assertThat(answer.statusCode()).as("provider answer to %s", next).isEqualTo(302);
            next = next.resolve(location(answer));
        }
        throw new AssertionError("the provider never sent the browser back");
    }

    /** The whole journey: the tracker's answer to the way back. */
    public HttpResponse<String> signIn(WebClient browser, String member) throws Exception {
        URI callback = atProvider(start(browser), member);
        return browser.send(HttpRequest.newBuilder(callback));
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
