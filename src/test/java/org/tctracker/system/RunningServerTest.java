package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tctracker.account.AccountService;
import org.tctracker.account.Role;
import org.tctracker.support.WebClient;

/** The whole application on a real port, as an operator and a visitor meet it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RunningServerTest.Exploding.class)
class RunningServerTest {

    /** A page that fails the way a bug would, with internal detail in its exception. */
    @RestController
    static class Exploding {
        @GetMapping("/test/explode")
        String explode() {
            throw new IllegalStateException("secret internal detail: jdbc:h2:file:/srv/tracker");
        }
    }

    @Test
    void anUnexpectedFailureShowsAFriendlyPageWithoutItsDetails() throws Exception {
        HttpResponse<String> response = get("/test/explode");

        assertThat(response.statusCode()).isEqualTo(500);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Something went wrong on our side");
        assertThat(page.select("nav[aria-label=Main]")).hasSize(1);
        assertThat(response.body()).doesNotContain("secret internal detail", "IllegalStateException", "at org.");
    }

    @Test
    void aFormPostedWithoutItsTokenGetsTheForbiddenPageWithTheReason() throws Exception {
        HttpResponse<String> response = new WebClient(port).post("/logout", java.util.Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Not allowed");
        assertThat(page.selectFirst(".error-message").text()).startsWith("This form had expired");
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("default-src 'self'");
    }

    @Test
    void errorPagesCarryTheSecurityHeadersToo() throws Exception {
        HttpResponse<String> response = get("/no/such/page");

        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .contains("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "text/html,*/*;q=0.8")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void healthProbesAnswerUp(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump"})
    void noOtherActuatorEndpointIsExposed(String path) throws Exception {
        assertThat(get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownAddressGetsTheNotFoundPageInTheLayout() throws Exception {
        HttpResponse<String> response = get("/no/such/page");

        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(page.select("nav[aria-label=Main]")).hasSize(1);
    }

    @Test
    void aMethodThePageDoesNotTakeIsRefusedWithoutATrace(@Autowired AccountService accounts) throws Exception {
        WebClient browser = new WebClient(port);
        accounts.create("method-tester", Role.EDITOR, null, "mitaka gate stays green");
        assertThat(browser.signIn("method-tester", "mitaka gate stays green").statusCode())
                .isEqualTo(302);

        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(browser.uri("/people"))
                .header("Accept", "text/html")
                .header(
                        "X-CSRF-TOKEN",
                        browser.page("/people").select("input[name=_csrf]").attr("value"))
                .DELETE());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(Jsoup.parse(response.body()).selectFirst("h1").text())
                .isEqualTo("That request could not be handled");
        assertThat(response.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void theStylesheetsComeFromTheApplicationItself() throws Exception {
        Document page = Jsoup.parse(get("/").body());

        for (var link : page.select("link[rel=stylesheet]")) {
            String href = link.attr("href");
            assertThat(href).startsWith("/");
            HttpResponse<String> css = get(href);
            assertThat(css.statusCode()).as(href).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type"))
                    .get()
                    .asString()
                    .startsWith("text/css");
        }
        assertThat(page.select("link[rel=stylesheet]")).hasSize(2);
    }
}
