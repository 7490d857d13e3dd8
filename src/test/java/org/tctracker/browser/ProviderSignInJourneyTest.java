package org.tctracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import identityprovider.IdentityProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tctracker.support.Chromium;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;

/**
 * Robert Collins has a community identity and no password here: he clicks "Sign in with
 * OpenInfra ID", signs in at the provider, comes back signed in, and checks in on what he owns.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
@Import(MutableClock.InMitaka.class)
class ProviderSignInJourneyTest {

    static final IdentityProvider.Running provider = IdentityProvider.start();

    @DynamicPropertySource
    static void theProvider(DynamicPropertyRegistry registry) {
        registry.add("tracker.oidc.issuer-uri", provider::issuer);
        registry.add("tracker.oidc.client-id", () -> IdentityProvider.CLIENT_ID);
        registry.add("tracker.oidc.client-secret", () -> IdentityProvider.CLIENT_SECRET);
        registry.add("tracker.oidc.name", () -> "OpenInfra ID");
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    WebDriver browser;

    @BeforeEach
    void providerAndBrowser(@Autowired JdbcTemplate jdbc, @Autowired MutableClock clock) {
        clock.set(java.time.LocalDateTime.of(2015, 11, 13, 10, 0));
        provider.allow("http://localhost:" + port);
        jdbc.update("update person set email = 'rbtcollins@example.org' where irc_nick = 'lifeless'");
        browser = Chromium.start(profile);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signInThroughTheProviderAndCheckIn(TestInfo test) {
        try {
            browser.get("http://localhost:" + port + "/");
            browser.findElement(By.linkText("Sign in")).click();
            browser.findElement(By.linkText("Sign in with OpenInfra ID")).click();

            // The provider's own sign-in page.
            assertThat(browser.getCurrentUrl()).startsWith(provider.issuer() + "/login");
            browser.findElement(By.id("username")).sendKeys("rcollins");
            browser.findElement(By.id("password")).sendKeys(IdentityProvider.PASSWORD);
            browser.findElement(By.cssSelector("button[type=submit]")).click();

            assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/");
            assertThat(browser.findElement(By.cssSelector("header nav a[href='/account']"))
                            .getText())
                    .isEqualTo("rcollins");

            browser.findElement(By.linkText("Weekly check-in")).click();
            var row = browser.findElements(By.cssSelector("fieldset.check-in-row"))
                    .get(0);
            new Select(row.findElement(By.tagName("select"))).selectByValue("IN_PROGRESS");
            row.findElement(By.tagName("textarea")).sendKeys("Signed in with my community identity");
            browser.findElement(By.cssSelector("form[action='/cycles/mitaka/check-in'] button[type=submit]"))
                    .click();

            assertThat(browser.findElement(By.cssSelector(".flash")).getText())
                    .startsWith("Checked in on 1 commitment");
        } catch (AssertionError | RuntimeException e) {
            Chromium.keepEvidence(browser, test.getDisplayName().replaceAll("\\W+", "-"));
            throw e;
        }
    }
}
