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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole application on a real port, as an operator and a visitor meet it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RunningServerTest {

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
    void aMethodThePageDoesNotTakeIsRefusedWithoutATrace() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/people"))
                        .header("Accept", "text/html")
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

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
