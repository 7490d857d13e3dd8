package org.tctracker.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tctracker.support.WebClient;

/** A provider that is down never stops the tracker starting, nor anyone signing in with a password. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "tracker.oidc.issuer-uri=http://127.0.0.1:9",
            "tracker.oidc.client-id=tc-tracker",
            "tracker.oidc.client-secret=secret",
            "tracker.oidc.name=OpenInfra ID"
        })
class ProviderUnreachableTest {

    @LocalServerPort
    int port;

    @Test
    void theSignInButtonSaysTheProviderCannotBeReachedAndPasswordsStillWork() throws Exception {
        WebClient browser = new WebClient(port);

        HttpResponse<String> answer = browser.get("/oauth2/authorization/oidc");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(Jsoup.parse(answer.body()).select("#login-error").text())
                .isEqualTo("OpenInfra ID cannot be reached just now. Try again in a minute, or sign in with a"
                        + " password if you have one.");
        assertThat(Jsoup.parse(answer.body()).select("form[action=/login] input[name=password]"))
                .hasSize(1);
        assertThat(browser.get("/login").statusCode()).isEqualTo(200);
    }
}
