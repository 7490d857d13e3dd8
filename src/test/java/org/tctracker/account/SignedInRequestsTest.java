package org.tctracker.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.util.ReflectionTestUtils;
import org.tctracker.people.People;
import org.tctracker.support.MutableClock;
import org.tctracker.support.StatementCount;
import org.tctracker.support.Team;
import org.tctracker.support.WebClient;

/**
 * What a signed-in page costs the database besides the page itself: one read of the session row,
 * no write unless something in the session changed or its stored last access is a minute old, and
 * the account's state read at most every few seconds. Sessions still end when they should.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({StatementCount.Counting.class, MutableClock.InMitaka.class})
class SignedInRequestsTest {

    @LocalServerPort
    int port;

    @Autowired
    StatementCount statements;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accountService;

    @Autowired
    MutableClock clock;

    WebClient browser;

    @BeforeEach
    void signedIn(@Autowired People people, @Autowired UserDetailsService users) throws Exception {
        new Team(accountService, people, users).assemble();
        browser = new WebClient(port);
        assertThat(browser.signIn("owner-ed", Team.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void theStoreReadsAttributesThroughTheRememberedValues(@Autowired SparingSessionRepository sessions)
            throws Exception {
        Object store = ReflectionTestUtils.getField(sessions, "store");
        RememberedAttributes attributes =
                (RememberedAttributes) ReflectionTestUtils.getField(store, "conversionService");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(attributes.rememberedCount()).isPositive();
    }

    @Test
    void aPageReadsTheSessionOnceAndWritesNothing() throws Exception {
        statements.reset();
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/cycles/mitaka").statusCode()).isEqualTo(200);

        List<String> session = sessionStatements();
        assertThat(session).hasSize(2).allMatch(sql -> sql.startsWith("SELECT"));
        assertThat(statements.texts()).noneMatch(SignedInRequestsTest::readsAccounts);
        assertThat(signedInAs()).isEqualTo("owner-ed");
    }

    @Test
    void theLastAccessIsWrittenOnceTheStoredOneIsAMinuteOld() throws Exception {
        long stored = lastAccess();
        jdbc.sql("update spring_session set last_access_time = ?")
                .param(stored - Duration.ofSeconds(61).toMillis())
                .update();

        statements.reset();
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        assertThat(sessionStatements())
                .filteredOn(sql -> sql.startsWith("UPDATE"))
                .hasSize(1);
        assertThat(lastAccess()).isGreaterThanOrEqualTo(stored);

        statements.reset();
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(sessionStatements()).noneMatch(sql -> sql.startsWith("UPDATE"));
    }

    @Test
    void aChangeToTheSessionIsWrittenAtOnce() throws Exception {
        // Signing in gives the session a new CSRF token, stored when the first form asks for it.
        jdbc.sql("delete from spring_session_attributes where attribute_name like '%CsrfToken%'")
                .update();
        statements.reset();
        assertThat(browser.get("/commitments/new").statusCode()).isEqualTo(200);

        assertThat(sessionStatements())
                .anyMatch(sql -> sql.contains("SPRING_SESSION_ATTRIBUTES")
                        && (sql.startsWith("MERGE") || sql.startsWith("INSERT")));
        assertThat(jdbc.sql("select count(*) from spring_session_attributes where attribute_name like '%CsrfToken%'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void disablingTheAccountHereSignsItOutAtItsNextRequest() throws Exception {
        long id = jdbc.sql("select id from account where username = 'owner-ed'")
                .query(Long.class)
                .single();
        long chair = jdbc.sql("select id from account where username = 'chair'")
                .query(Long.class)
                .single();
        accountService.setEnabled(id, false, chair);
        try {
            assertThat(signedInAs()).isEmpty();
        } finally {
            accountService.setEnabled(id, true, chair);
        }
    }

    @Test
    void aChangeMadeBehindTheApplicationsBackIsSeenWithinAFewSeconds() throws Exception {
        jdbc.sql("update account set enabled = false where username = 'owner-ed'")
                .update();
        try {
            assertThat(signedInAs()).as("the state read a moment ago").isEqualTo("owner-ed");
            clock.advance(AccountStates.KEPT);
            assertThat(signedInAs()).isEmpty();
        } finally {
            jdbc.sql("update account set enabled = true where username = 'owner-ed'")
                    .update();
        }
    }

    @Test
    void signingOutEndsTheSessionEvenForACopiedCookie() throws Exception {
        String cookie = browser.cookie("SESSION");
        assertThat(browser.submit("/account", "/logout", java.util.Map.of()).statusCode())
                .isEqualTo(302);

        WebClient copy = new WebClient(port);
        String page = copy.send(copy.request("/account").header("Cookie", "SESSION=" + cookie))
                .headers()
                .firstValue("Location")
                .orElse("");
        assertThat(page).endsWith("/login");
        assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?")
                        .param(cookie)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private List<String> sessionStatements() {
        return statements.texts().stream()
                .filter(sql -> sql.contains("SPRING_SESSION"))
                .toList();
    }

    private static boolean readsAccounts(String sql) {
        return sql.matches("(?s).*\\bFROM ACCOUNT\\b.*");
    }

    private long lastAccess() {
        return jdbc.sql("select max(last_access_time) from spring_session s join spring_session_attributes a"
                        + " on a.session_primary_id = s.primary_id where a.attribute_name = 'SPRING_SECURITY_CONTEXT'"
                        + " and s.principal_name = 'owner-ed'")
                .query(Long.class)
                .single();
    }

    /** The username the menu shows, empty when signed out. */
    private String signedInAs() throws Exception {
        return Jsoup.parse(browser.get("/").body())
                .select("nav[aria-label=Main] a[href=/account]")
                .text();
    }
}
