package org.tctracker.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tctracker.support.WebClient;

/**
 * Signing in over real HTTP, and the throttle that stops guessing: five failures, then a pause for
 * everyone alike. The server sits behind a (pretend) proxy, so X-Forwarded-For names the client.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.forward-headers-strategy=native")
class SignInTest {

    static final String PASSWORD = "stabilisation cycle 9";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void anAccountAndNoEarlierFailures() {
        jdbc.update("delete from login_failure");
        if (jdbc.queryForObject("select count(*) from account where username = 'lifeless'", Integer.class) == 0) {
            accounts.create("lifeless", Role.EDITOR, null, PASSWORD);
        }
    }

    /** A sign-in from a fresh browser at the given client address. */
    Answer signIn(String username, String password, String address) throws Exception {
        WebClient browser = new WebClient(port, address);
        HttpResponse<String> response =
                browser.submit("/login", "/login", Map.of("username", username, "password", password));
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Location").orElse(""),
                Jsoup.parse(response.body()));
    }

    record Answer(int status, String location, Document page) {
        String error() {
            return page.selectFirst("#login-error").text();
        }
    }

    @Test
    void theRightPasswordSignsInAndGoesToTheDashboard() throws Exception {
        Answer answer = signIn("Lifeless", PASSWORD, "192.0.2.1");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("/");
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithTheUsernameKept() throws Exception {
        Answer answer = signIn("lifeless", "not the password", "192.0.2.2");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error()).isEqualTo("That username and password do not match an active account.");
        assertThat(answer.page().selectFirst("input#username").val()).isEqualTo("lifeless");
        assertThat(answer.page().selectFirst("input#password").val()).isEmpty();
    }

    @Test
    void anUnknownUsernameGetsExactlyTheSameAnswer() throws Exception {
        Answer known = signIn("lifeless", "not the password", "192.0.2.3");
        Answer unknown = signIn("nobody-here", "not the password", "192.0.2.4");

        assertThat(unknown.status()).isEqualTo(known.status());
        assertThat(unknown.error()).isEqualTo(known.error());
    }

    @Test
    void guessesSentAllAtOnceReachThePasswordCheckAtMostFiveTimes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Answer>> guesses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                guesses.add(pool.submit(() -> signIn("lifeless", "parallel guess " + n, "203.0.113." + n)));
            }
            int checked = 0;
            int paused = 0;
            for (Future<Answer> guess : guesses) {
                int status = guess.get(2, TimeUnit.MINUTES).status();
                if (status == 401) {
                    checked++;
                } else if (status == 429) {
                    paused++;
                }
            }
            System.out.println("parallel guesses: 20, password checks: " + checked + ", paused: " + paused);

            assertThat(checked).isBetween(1, 5);
            assertThat(checked + paused).isEqualTo(20);
            // Each guess that was checked stays counted; the paused ones are not kept.
            assertThat(jdbc.queryForObject(
                            "select count(*) from login_failure where username = 'lifeless'", Integer.class))
                    .isEqualTo(checked);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void severalTabsOpenedRightAfterSigningInAllGetTheirPage() throws Exception {
        WebClient browser = new WebClient(port, "192.0.2.50");
        assertThat(browser.signIn("lifeless", PASSWORD).statusCode()).isEqualTo(302);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> tabs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String page = i % 2 == 0 ? "/account" : "/commitments/new";
                // Each form page stores its own things in the session at the same moment.
                tabs.add(pool.submit(() -> browser.get(page).statusCode()));
            }
            for (Future<Integer> tab : tabs) {
                assertThat(tab.get(1, TimeUnit.MINUTES)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void afterFiveFailuresForAUsernameEvenTheRightPasswordWaits() throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn("lifeless", "guess " + i, "198.51.100." + i);
        }

        Answer refused = signIn("lifeless", PASSWORD, "198.51.100.99");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error())
                .isEqualTo(
                        "Too many failed sign-in attempts. Sign-in is paused for up to 15 minutes; try again later.");
    }

    @Test
    void aThrottledUnknownUsernameLooksTheSame() throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn("nobody-here", "guess " + i, "198.51.100." + i);
        }

        Answer refused = signIn("nobody-here", "guess", "198.51.100.99");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).startsWith("Too many failed sign-in attempts.");
    }

    @Test
    void afterFiveFailuresFromAnAddressEveryUsernameWaits() throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn("someone-" + i, "guess", "203.0.113.7");
        }

        assertThat(signIn("lifeless", PASSWORD, "203.0.113.7").status()).isEqualTo(429);
        assertThat(signIn("lifeless", PASSWORD, "203.0.113.8").status()).isEqualTo(302);
    }

    @Test
    void someoneElsesSuccessfulSignInDoesNotResetTheCountForAUsername() throws Exception {
        if (jdbc.queryForObject("select count(*) from account where username = 'mallory'", Integer.class) == 0) {
            accounts.create("mallory", Role.EDITOR, null, PASSWORD);
        }
        for (int i = 0; i < 3; i++) {
            signIn("lifeless", "guess " + i, "198.51.100.50");
        }
        assertThat(signIn("mallory", PASSWORD, "198.51.100.50").status()).isEqualTo(302);
        for (int i = 0; i < 2; i++) {
            signIn("lifeless", "guess again " + i, "198.51.100.52");
        }

        assertThat(signIn("lifeless", "one more guess", "198.51.100.51").status())
                .isEqualTo(429);
    }

    @Test
    void aUsernameWithControlCharactersIsRefusedBeforeAnyCheck() throws Exception {
        Answer answer = signIn("life\u0001less", PASSWORD, "192.0.2.20");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.page().selectFirst(".error-message").text())
                .isEqualTo("The request contains a control character (U+0001), which no field here accepts.");
    }

    @Test
    void theCoolDownEndsWhenTheFailuresAreOlderThanFifteenMinutes() throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn("lifeless", "guess " + i, "198.51.100.1");
        }
        assertThat(signIn("lifeless", PASSWORD, "198.51.100.1").status()).isEqualTo(429);

        jdbc.update("update login_failure set failed_at = failed_at - INTERVAL '16' MINUTE");

        assertThat(signIn("lifeless", PASSWORD, "198.51.100.1").status()).isEqualTo(302);
    }

    @Test
    void aSuccessResetsTheCount() throws Exception {
        for (int i = 0; i < 4; i++) {
            signIn("lifeless", "guess " + i, "198.51.100.2");
        }
        signIn("lifeless", PASSWORD, "198.51.100.2");
        for (int i = 0; i < 4; i++) {
            signIn("lifeless", "guess again " + i, "198.51.100.2");
        }

        assertThat(signIn("lifeless", PASSWORD, "198.51.100.2").status()).isEqualTo(302);
    }

    @Test
    void aDisabledAccountCannotSignInAndIsNotToldWhy() throws Exception {
        long id = accounts.create("retired", Role.EDITOR, null, PASSWORD).getId();
        accounts.setEnabled(id, false, -1);

        Answer answer = signIn("retired", PASSWORD, "192.0.2.9");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error()).isEqualTo("That username and password do not match an active account.");
    }

    @Test
    void signingInGivesANewSessionAndSigningOutEndsIt() throws Exception {
        WebClient browser = new WebClient(port, "192.0.2.10");
        browser.get("/login");
        String before = browser.cookie("SESSION");

        browser.signIn("lifeless", PASSWORD);
        String after = browser.cookie("SESSION");
        assertThat(after).isNotEmpty().isNotEqualTo(before);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);

        HttpResponse<String> signedOut = browser.submit("/account", "/logout", Map.of());
        assertThat(signedOut.headers().firstValue("Location")).get().asString().endsWith("/login?signed-out");
        assertThat(browser.page("/login?signed-out").selectFirst(".flash").text())
                .isEqualTo("You have signed out.");

        WebClient thief = new WebClient(port, "192.0.2.11");
        thief.get("/login");
        HttpResponse<String> withOldCookie =
                thief.send(thief.request("/account").header("Cookie", "SESSION=" + after));
        assertThat(withOldCookie.statusCode()).isEqualTo(302);
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureBehindHttps() throws Exception {
        WebClient plain = new WebClient(port, "192.0.2.12");
        String cookie = plain.get("/login").headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("SESSION=", "HttpOnly", "SameSite=Lax").doesNotContain("Secure");

        WebClient proxied = new WebClient(port, "192.0.2.13");
        String secure = proxied.send(proxied.request("/login").header("X-Forwarded-Proto", "https"))
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow();
        assertThat(secure).contains("Secure", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void theSignInPageUsesTheApplicationsLayout() throws Exception {
        Document page = new WebClient(port).page("/login");

        assertThat(page.selectFirst("h1").text()).isEqualTo("Sign in");
        assertThat(page.select("nav[aria-label=Main]")).hasSize(1);
        assertThat(page.select("form[action=/login] input[name=_csrf]")).hasSize(1);
        assertThat(page.selectFirst("input#password").attr("autocomplete")).isEqualTo("current-password");
    }
}
