package org.tctracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tctracker.support.Chromium;

/** A visitor opens the dashboard in a real browser, follows a commitment and finds its spec. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BrowseMitakaJourneyTest {

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    WebDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start(profile);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void fromTheDashboardToACommitmentsSpecAndHistory(TestInfo test) {
        try {
            browser.get("http://localhost:" + port + "/");
            assertThat(browser.getTitle()).isEqualTo("Mitaka cycle · TC Tracker");
            assertThat(browser.findElements(By.cssSelector("table.commitments tbody tr")))
                    .hasSize(9);

            browser.findElement(By.partialLinkText("oslo incubator")).click();

            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("oslo incubator");
            WebElement spec = browser.findElement(By.cssSelector("table.links tbody tr a"));
            assertThat(spec.getText()).isEqualTo("Unstable APIs without an incubator (oslo-specs, Mitaka)");
            assertThat(spec.getAttribute("href"))
                    .isEqualTo(
                            "https://specs.openstack.org/openstack/oslo-specs/specs/mitaka/no-incubator-api-freedom.html");

            browser.findElement(By.linkText("History")).click();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("History");
            assertThat(browser.findElement(By.cssSelector("ol.history")).getText())
                    .contains("Commitment created by system");

            browser.findElement(By.linkText("Mitaka")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/cycles/mitaka");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mitaka cycle");
        } catch (AssertionError | RuntimeException e) {
            Chromium.keepEvidence(browser, test.getDisplayName().replaceAll("\\W+", "-"));
            throw e;
        }
    }
}
