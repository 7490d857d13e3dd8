package org.tctracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import identityprovider.IdentityProvider;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tctracker.support.BrowserTest;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;

/**
 * Signing in with a community identity in Chromium: Robert Collins, whose verified email the
 * tracker knows, comes back signed in and checks in; Sam, whose email is not verified, waits until
 * the chair links his account from the Accounts page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
@Import(MutableClock.InMitaka.class)
class ProviderSignInJourneyTest extends BrowserTest {

    static final IdentityProvider.Running provider = IdentityProvider.start();

    @DynamicPropertySource
    static void theProvider(DynamicPropertyRegistry registry) {
        provider.register(registry);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void theProviderKnowsTheTracker(@Autowired MutableClock clock) {
        provider.allow(url(""));
        clock.set(LocalDateTime.of(2015, 11, 13, 10, 0));
        jdbc.update("update person set email = 'rbtcollins@example.org' where irc_nick = 'lifeless'");
        // Robert Collins signs in through the provider here, not as the test team's owner-ed.
        jdbc.update("update account set person_id = null where username = 'owner-ed'");
        jdbc.update("insert into person (display_name, irc_nick, created_at, updated_at)"
                + " select 'Sam Newcomer', 'samn', now(), now()"
                + " where not exists (select 1 from person where irc_nick = 'samn')");
    }

    /** From the tracker's sign-in page through the provider's, back to the tracker. */
    private void signInThroughProvider(String member) {
        open("/login");
        clickAndWait(browser.findElement(By.linkText("Sign in with OpenInfra ID")));
        assertThat(browser.getCurrentUrl()).startsWith(provider.issuer() + "/login");
        browser.findElement(By.id("username")).sendKeys(member);
        browser.findElement(By.id("password")).sendKeys(IdentityProvider.PASSWORD);
        clickAndWait(browser.findElement(By.cssSelector("button[type=submit]")));
    }

    @Test
    void aVerifiedEmailSignsInAndChecksIn() throws Exception {
        open("/login");
        assertThat(accessibilityViolations()).isEmpty();

        signInThroughProvider("rcollins");

        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(find("header nav a[href='/account']").getText()).isEqualTo("rcollins");
        clickAndWait(browser.findElement(By.linkText("Weekly check-in")));
        WebElement row = findAll("fieldset.check-in-row").get(0);
        new Select(row.findElement(By.tagName("select"))).selectByValue("IN_PROGRESS");
        row.findElement(By.tagName("textarea")).sendKeys("Signed in with my community identity");
        clickAndWait(find("form[action='/cycles/mitaka/check-in'] button[type=submit]"));

        assertThat(find(".flash").getText()).startsWith("Checked in on 1 commitment");
    }

    @Test
    void anUnverifiedEmailWaitsUntilTheChairLinksTheAccount() throws Exception {
        signInThroughProvider("sam");
        open("/account");
        assertThat(find("main").getText()).contains("waiting for an admin to link it");
        clickAndWait(find("form[action='/logout'] button"));

        signIn("chair");
        open("/admin/users");
        assertThat(find("#waiting-sam").getText()).contains("Sam Newcomer", "sam@example.org");
        assertThat(accessibilityViolations()).isEmpty();
        new Select(find("#waiting-sam select")).selectByVisibleText("Sam Newcomer (samn)");
        clickAndWait(find("#waiting-sam button[type=submit]"));

        assertThat(find(".flash").getText()).isEqualTo("sam now speaks for Sam Newcomer.");
        assertThat(findAll("#waiting-sam")).isEmpty();
    }
}
