package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Answers refused before the application's pages are reached (the request guard's, the security
 * firewall's) carry the same protective headers as every page, and the error page is not a page
 * of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RefusalsTest {

    @LocalServerPort
    int port;

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(
                        "a control character in the query",
                        HttpRequest.newBuilder().GET(),
                        "/?q=%01",
                        400),
                Arguments.of(
                        "a body over the limit",
                        HttpRequest.newBuilder()
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("a=" + "x".repeat(600 * 1024))),
                        "/login",
                        413),
                Arguments.of(
                        "an upload",
                        HttpRequest.newBuilder()
                                .header("Content-Type", "multipart/form-data; boundary=x")
                                .POST(HttpRequest.BodyPublishers.ofString("--x--")),
                        "/cycles",
                        415),
                Arguments.of(
                        "an address the firewall refuses",
                        HttpRequest.newBuilder().GET(),
                        "/cycles/%2e%2e/x",
                        400),
                Arguments.of(
                        "the error page asked for directly",
                        HttpRequest.newBuilder().GET(),
                        "/error",
                        404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusalCarriesTheHeadersOfEveryPage(String what, HttpRequest.Builder request, String path, int status)
            throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        request.uri(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Security-Policy"))
                .hasValue(ProtectiveHeaders.CONTENT_SECURITY_POLICY);
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.body()).doesNotContain("Exception", "Error 999", "at org.");
    }

    @org.junit.jupiter.api.Test
    void anHttp09RequestGetsNoPage() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer)
                    .as("HTTP/0.9 answers carry no headers, so no page goes that way")
                    .isEqualTo("400 Bad Request: HTTP/0.9 is not served; use HTTP/1.1.\n");
        }
    }
}
