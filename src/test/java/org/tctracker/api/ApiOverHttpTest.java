package org.tctracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tctracker.support.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API through a real server, where refusals made before any handler runs (an unknown address,
 * a method it does not offer, a request the filters refuse) still answer in problem+json.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiOverHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Test
    void refusalsOutsideTheHandlersAreProblemDetailsToo() throws Exception {
        WebClient client = new WebClient(port);

        assertProblem(
                client.get("/api/v1/no-such-thing"),
                404,
                "There is nothing at this address. The API's addresses start with /api/v1/.");
        assertProblem(client.send(client.request("/api/v1/cycles").DELETE()), 405, "The API only reads: use GET.");
        assertProblem(
                client.send(client.request("/api/v1/cycles").POST(HttpRequest.BodyPublishers.ofString("{}"))),
                405,
                "The API only reads: use GET.");
        assertProblem(
                client.get("/api/v1/cycles/mitaka?x=%00"),
                400,
                "The request contains a NUL character, which no field here accepts.");
    }

    @Test
    void optionsAdvertisesOnlyTheMethodsThatRead() throws Exception {
        WebClient client = new WebClient(port);
        for (String path : java.util.List.of("/api/v1/cycles", "/api/v1/cycles/mitaka", "/api/v1/nothing-here")) {
            HttpResponse<String> answer =
                    client.send(client.request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

            assertThat(java.util.Arrays.stream(answer.headers()
                                    .firstValue("Allow")
                                    .orElse("")
                                    .split(","))
                            .map(String::strip))
                    .as(path)
                    .containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
        }
    }

    @Test
    void anUnchangedAnswerIsA304WithoutABody() throws Exception {
        WebClient client = new WebClient(port);
        HttpResponse<String> first = client.get("/api/v1/cycles/mitaka/commitments");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again =
                client.send(client.request("/api/v1/cycles/mitaka/commitments").header("If-None-Match", etag));

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    private void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
        assertThat(problem.get("instance").asString()).startsWith("/api/v1/");
    }
}
