package org.tctracker.account;

import static org.assertj.core.api.Assertions.assertThat;

import identityprovider.IdentityProvider;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.WebClient;

/**
 * Signing in through a real OpenID provider (Spring Authorization Server, on a port of its own)
 * over real HTTP: the first sign-in makes an account, linked by a verified email or waiting for an
 * admin; what a tampered or replayed answer gets; signing out at the provider too; passwords
 * beside it all.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
class ProviderSignInTest {

    static final IdentityProvider.Running provider = IdentityProvider.start();

    @DynamicPropertySource
    static void theProvider(DynamicPropertyRegistry registry) {
        provider.register(registry);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @BeforeEach
    void theTrackerIsRegisteredAtTheProvider() {
        provider.allow("http://localhost:" + port);
        jdbc.update("update person set email = 'rbtcollins@example.org' where irc_nick = 'lifeless'");
        jdbc.update("delete from login_failure");
        if (jdbc.queryForObject("select count(*) from account where username = 'chair'", Integer.class) == 0) {
            accounts.create("chair", Role.ADMIN, null, "stabilisation cycle 9");
        }
    }

    ProviderJourney journey() {
        return new ProviderJourney();
    }

    ProviderJourney.Started start(WebClient browser) throws Exception {
        return journey().start(browser);
    }

    URI atProvider(ProviderJourney.Started started, String member) throws Exception {
        return journey().atProvider(started, member);
    }

    HttpResponse<String> signInThroughProvider(WebClient browser, String member) throws Exception {
        return journey().signIn(browser, member);
    }

    @Test
    void theSignInPageOffersTheProviderFirstAndPasswordsBelow() throws Exception {
        Document page = new WebClient(port).page("/login");

        assertThat(page.select("#sign-in-provider").text()).isEqualTo("Sign in with OpenInfra ID");
        assertThat(page.select("#sign-in-provider").attr("href")).isEqualTo("/oauth2/authorization/oidc");
        assertThat(page.select("h2#with-password").text()).isEqualTo("Or with a password");
        assertThat(page.select("form[action=/login] input[name=password]")).hasSize(1);
    }

    @Test
    void theNewPagesAreValidHtml() throws Exception {
        org.tctracker.support.HtmlChecker checker = new org.tctracker.support.HtmlChecker();
        WebClient sam = new WebClient(port);
        signInThroughProvider(sam, "sam");
        WebClient chair = new WebClient(port);
        chair.signIn("chair", "stabilisation cycle 9");
        long samId = jdbc.queryForObject("select id from account where username = 'sam'", Long.class);

        assertThat(checker.errorsIn(new WebClient(port).get("/login").body())).isEmpty();
        assertThat(checker.errorsIn(sam.get("/account").body())).isEmpty();
        assertThat(checker.errorsIn(chair.get("/admin/users").body())).isEmpty();
        assertThat(checker.errorsIn(chair.get("/admin/users/" + samId).body())).isEmpty();
    }

    @Test
    void theTrackerAsksForACodeWithPkceStateAndNonce() throws Exception {
        URI authorize = start(new WebClient(port)).authorize();
        Map<String, String> query =
                UriComponentsBuilder.fromUri(authorize).build().getQueryParams().toSingleValueMap();

        assertThat(authorize.toString()).startsWith(provider.issuer() + "/oauth2/authorize?");
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", IdentityProvider.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(query.get("scope")).contains("openid");
    }

    @Test
    void aVerifiedEmailOfOnePersonSignsInLinkedAndCanCheckIn() throws Exception {
        WebClient browser = new WebClient(port);

        HttpResponse<String> back = signInThroughProvider(browser, "rcollins");

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(location(back)).isEqualTo("/");
        Document account = browser.page("/account");
        assertThat(account.select("header nav a[href=/account]").text()).isEqualTo("rcollins");
        assertThat(account.select("#signs-in-through").text()).isEqualTo("OpenInfra ID");
        assertThat(account.text()).contains("Robert Collins").doesNotContain("Change your password");

        long owned = jdbc.queryForObject(
                "select min(c.id) from commitment c join person p on p.id = c.owner_id where p.irc_nick = 'lifeless'",
                Long.class);
        HttpResponse<String> checkedIn = browser.submit(
                "/commitments/" + owned + "/check-ins/new",
                "/commitments/" + owned + "/check-ins",
                Map.of("status", "IN_PROGRESS", "note", "Signed in with my community identity", "percentDone", ""));
        assertThat(checkedIn.statusCode()).isEqualTo(302);
        assertThat(browser.page("/commitments/" + owned).text()).contains("Signed in with my community identity");
    }

    @Test
    void theNextSignInOfTheSameSubjectIsTheSameAccount() throws Exception {
        signInThroughProvider(new WebClient(port), "rcollins");
        signInThroughProvider(new WebClient(port), "rcollins");

        assertThat(jdbc.queryForObject(
                        "select count(*) from account where provider_subject = 'rcollins'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void anUnverifiedEmailWaitsForAnAdminWhoLinksItThenItCanCheckIn() throws Exception {
        jdbc.update("insert into person (display_name, irc_nick, email, created_at, updated_at)"
                + " select 'Sam Newcomer', 'samn', 'sam@example.org', now(), now()"
                + " where not exists (select 1 from person where irc_nick = 'samn')");
        WebClient sam = new WebClient(port);
        assertThat(signInThroughProvider(sam, "sam").statusCode()).isEqualTo(302);
        assertThat(sam.page("/account").text()).contains("waiting for an admin to link it");
        long samsCommitment = jdbc.queryForObject("select min(id) from commitment", Long.class);
        jdbc.update(
                "update commitment set owner_id = (select id from person where irc_nick = 'samn') where id = ?",
                samsCommitment);
        assertThat(sam.get("/commitments/" + samsCommitment + "/check-ins/new").statusCode())
                .isEqualTo(403);

        WebClient chair = new WebClient(port);
        chair.signIn("chair", "stabilisation cycle 9");
        Document users = chair.page("/admin/users");
        assertThat(users.select("#waiting-sam").text()).contains("Sam Newcomer", "sam@example.org");
        long samId = jdbc.queryForObject("select id from account where username = 'sam'", Long.class);
        long personId = jdbc.queryForObject("select id from person where irc_nick = 'samn'", Long.class);
        HttpResponse<String> linked = chair.submit(
                "/admin/users", "/admin/users/" + samId + "/link", Map.of("personId", String.valueOf(personId)));
        assertThat(linked.statusCode()).isEqualTo(302);
        assertThat(chair.page("/admin/users").select("#waiting-sam")).isEmpty();

        HttpResponse<String> checkedIn = sam.submit(
                "/commitments/" + samsCommitment + "/check-ins/new",
                "/commitments/" + samsCommitment + "/check-ins",
                Map.of("status", "IN_PROGRESS", "note", "Linked and checking in", "percentDone", ""));
        assertThat(checkedIn.statusCode()).isEqualTo(302);
    }

    @Test
    void aRefusedAccountStaysDisabledWhateverTheProviderSays() throws Exception {
        signInThroughProvider(new WebClient(port), "thechair");
        long id = jdbc.queryForObject("select id from account where provider_subject = 'thechair'", Long.class);
        WebClient chair = new WebClient(port);
        chair.signIn("chair", "stabilisation cycle 9");
        chair.submit("/admin/users", "/admin/users/" + id + "/refuse", Map.of());

        HttpResponse<String> again = signInThroughProvider(new WebClient(port), "thechair");

        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(again.body()).select("#login-error").text())
                .isEqualTo("This account is disabled. Ask an admin if you think it should not be.");
        jdbc.update("update account set enabled = true where id = ?", id);
    }

    @Test
    void theProvidersGroupsMakeNobodyAnAdminWhenNoAdminClaimIsSet() throws Exception {
        WebClient browser = new WebClient(port);
        signInThroughProvider(browser, "thechair");

        assertThat(jdbc.queryForObject("select role from account where provider_subject = 'thechair'", String.class))
                .isEqualTo("EDITOR");
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void aTamperedStateIsRefusedWithTheSignInPage() throws Exception {
        WebClient browser = new WebClient(port);
        URI callback = atProvider(start(browser), "rcollins");
        String tampered = callback.toString().replaceAll("state=[^&]+", "state=forged-state");

        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(tampered)));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(answer.body()).select("#login-error").text())
                .startsWith("That sign-in had expired or did not start on this site.");
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void aReplayedCodeIsRefusedWithTheSignInPage() throws Exception {
        WebClient first = new WebClient(port);
        URI used = atProvider(start(first), "rcollins");
        assertThat(first.send(HttpRequest.newBuilder(used)).statusCode()).isEqualTo(302);

        // The same answer again: its state is spent.
        HttpResponse<String> sameAgain = first.send(HttpRequest.newBuilder(used));
        assertThat(sameAgain.statusCode()).isEqualTo(401);
        // The spent code with a fresh state of the same browser: the provider refuses the code.
        WebClient second = new WebClient(port);
        URI fresh = start(second).authorize();
        String state =
                UriComponentsBuilder.fromUri(fresh).build().getQueryParams().getFirst("state");
        String code =
                UriComponentsBuilder.fromUri(used).build().getQueryParams().getFirst("code");
        HttpResponse<String> replayed = second.get("/login/oauth2/code/oidc?code=" + code + "&state=" + state);

        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(replayed.body()).select("#login-error").text())
                .startsWith("OpenInfra ID did not confirm the sign-in");
        assertThat(second.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() throws Exception {
        WebClient browser = new WebClient(port);

        HttpResponse<String> answer = signInThroughProvider(browser, "mallory-aud");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(answer.body()).select("#login-error").text())
                .startsWith("OpenInfra ID answered with a sign-in that could not be verified");
        assertThat(jdbc.queryForObject(
                        "select count(*) from account where provider_subject = 'mallory-aud'", Integer.class))
                .isZero();
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() throws Exception {
        WebClient browser = new WebClient(port);

        HttpResponse<String> answer = signInThroughProvider(browser, "mallory-nonce");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(answer.body()).select("#login-error").text())
                .startsWith("OpenInfra ID answered with a sign-in that could not be verified");
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
    }

    @Test
    void anErrorFromTheProviderIsToldNotThrown() throws Exception {
        WebClient browser = new WebClient(port);
        URI authorize = start(browser).authorize();
        String state =
                UriComponentsBuilder.fromUri(authorize).build().getQueryParams().getFirst("state");

        HttpResponse<String> answer = browser.get("/login/oauth2/code/oidc?error=access_denied&state=" + state);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(answer.body()).select("#login-error").text())
                .isEqualTo("The sign-in at OpenInfra ID was cancelled.");
    }

    @Test
    void signingOutEndsTheSessionAtTheProviderToo() throws Exception {
        WebClient browser = new WebClient(port);
        signInThroughProvider(browser, "rcollins");

        // Browsers hold the redirects after a form to its page's form-action, so the provider is named.
        assertThat(browser.get("/account").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("form-action 'self' " + provider.issuer() + ";"));
        HttpResponse<String> out = browser.submit("/account", "/logout", Map.of());

        assertThat(out.statusCode()).isEqualTo(302);
        URI endSession = URI.create(location(out));
        assertThat(endSession.toString()).startsWith(provider.issuer() + "/connect/logout?");
        assertThat(endSession.getRawQuery()).contains("id_token_hint=");
        HttpResponse<String> atProvider = browser.send(HttpRequest.newBuilder(endSession));
        assertThat(atProvider.statusCode()).isEqualTo(302);
        assertThat(location(atProvider)).isEqualTo("http://localhost:" + port + "/login?signed-out");
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
        // The provider asks for the password again: its session ended too.
        HttpResponse<String> again =
                browser.send(HttpRequest.newBuilder(start(browser).authorize()));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(location(again)).endsWith("/login");
    }

    @Test
    void passwordsStillSignInBesideTheProviderAndTheThrottleStillHolds() throws Exception {
        assertThat(new WebClient(port).signIn("chair", "stabilisation cycle 9").statusCode())
                .isEqualTo(302);
        int last = 0;
        for (int i = 0; i < 6; i++) {
            last = new WebClient(port).signIn("chair", "a wrong guess " + i).statusCode();
        }
        assertThat(last).isEqualTo(429);
        jdbc.update("delete from login_failure");
    }

    @Test
    void anAccountFromTheProviderHasNoPasswordToGuess() throws Exception {
        signInThroughProvider(new WebClient(port), "rcollins");

        HttpResponse<String> guess = new WebClient(port).signIn("rcollins", "");

        assertThat(guess.statusCode()).isEqualTo(401);
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }
}
