package org.tctracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tctracker.account.AccountService;
import org.tctracker.people.People;
import org.tctracker.support.Chromium;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.Team;

/** An owner signs in, does the weekly check-in for three commitments, and sees the dashboard reflect it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
@Import(MutableClock.InMitaka.class)
class WeeklyCheckInJourneyTest {

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    WebDriver browser;

    @BeforeEach
    void accountsAndBrowser(
            @Autowired AccountService accounts,
            @Autowired People people,
            @Autowired UserDetailsService users,
            @Autowired MutableClock clock) {
        new Team(accounts, people, users).assemble();
        // Friday of the week after the debrief was recorded (5 November): every commitment has
        // gone eight days without a check-in, so all nine are stale.
        clock.set(java.time.LocalDateTime.of(2015, 11, 13, 10, 0));
        browser = Chromium.start(profile);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void signInCheckInOnThreeAndSeeTheDashboard(TestInfo test) {
        try {
            browser.get("http://localhost:" + port + "/");
            assertThat(browser.findElement(By.cssSelector(".stale-count strong"))
                            .getText())
                    .isEqualTo("9");
            browser.findElement(By.linkText("Sign in")).click();
            browser.findElement(By.id("username")).sendKeys("owner-ed");
            browser.findElement(By.id("password")).sendKeys(Team.PASSWORD);
            browser.findElement(By.cssSelector("form[action='/login'] button")).click();

            browser.findElement(By.linkText("Weekly check-in")).click();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Weekly check-in");
            List<WebElement> rows = browser.findElements(By.cssSelector("fieldset.check-in-row"));
            assertThat(rows).hasSize(9);
            fill(rows.get(0), "IN_PROGRESS", "Asked the PTLs what scaling means to them");
            fill(rows.get(1), "BLOCKED", "Waiting for oslo cores to review the spec");
            fill(rows.get(4), "IN_PROGRESS", "Colette is gathering training options");
            browser.findElement(By.cssSelector("form[action='/cycles/mitaka/check-in'] button[type=submit]"))
                    .click();

            assertThat(browser.findElement(By.cssSelector(".flash")).getText())
                    .isEqualTo("Checked in on 3 commitments for 2015-W46.");
            List<String> statuses =
                    browser.findElements(By.cssSelector("table.commitments tbody tr td:nth-child(4)")).stream()
                            .map(WebElement::getText)
                            .toList();
            assertThat(statuses).startsWith("In progress", "Blocked", "Not started", "Not started", "In progress");
            assertThat(browser.findElement(By.cssSelector("table.commitments tbody tr:nth-child(2) td:nth-child(5)"))
                            .getText())
                    .isEqualTo("today");
            assertThat(browser.findElement(By.cssSelector(".stale-count strong"))
                            .getText())
                    .isEqualTo("6");
        } catch (AssertionError | RuntimeException e) {
            Chromium.keepEvidence(browser, test.getDisplayName().replaceAll("\\W+", "-"));
            throw e;
        }
    }

    private static void fill(WebElement row, String status, String note) {
        new Select(row.findElement(By.tagName("select"))).selectByValue(status);
        row.findElement(By.tagName("textarea")).sendKeys(note);
    }
}
