package org.tctracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.tctracker.support.BrowserTest;
import org.tctracker.support.Chromium;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;

/**
 * What people do in a browser: resolve an edit conflict, an admin brings in a new editor, the
 * weekly check-in with the keyboard alone and with JavaScript turned off, and the main pages on a
 * phone-sized screen.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
@Import(MutableClock.InMitaka.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class JourneysTest extends BrowserTest {

    @Test
    void anEditConflictIsShownAndResolvedBySavingMine() {
        signIn("chair");
        open("/commitments/3/edit");
        String mine = browser.getWindowHandle();

        browser.switchTo().newWindow(WindowType.TAB);
        open("/commitments/3/edit");
        WebElement theirSummary = find("#summary");
        theirSummary.clear();
        theirSummary.sendKeys("Their summary, saved first.");
        clickAndWait(find("form[action='/commitments/3'] button[type=submit]"));
        browser.close();

        browser.switchTo().window(mine);
        WebElement mySummary = find("#summary");
        mySummary.clear();
        mySummary.sendKeys("My summary, typed while they saved.");
        clickAndWait(find("form[action='/commitments/3'] button[type=submit]"));

        assertThat(find("h1").getText()).isEqualTo("Someone else changed this first");
        assertThat(find("table.conflict").getText())
                .contains("My summary, typed while they saved.", "Their summary, saved first.");
        clickAndWait(browser.findElement(By.xpath("//button[normalize-space()='Save mine over theirs']")));

        assertThat(browser.getCurrentUrl()).endsWith("/commitments/3");
        assertThat(find("main").getText())
                .contains("My summary, typed while they saved.")
                .doesNotContain("Their summary, saved first.");
    }

    @Test
    void anAdminCreatesAnEditorWhoThenSignsIn() {
        signIn("chair");
        open("/admin/users");
        find("#username").sendKeys("dhellmann");
        new Select(find("#role")).selectByValue("EDITOR");
        new Select(find("#personId")).selectByVisibleText("Nobody yet");
        find("form[action='/admin/users'] #password").sendKeys("a fresh editor password");
        clickAndWait(find("form[action='/admin/users'] button[type=submit]"));
        assertThat(find(".flash").getText()).startsWith("Created dhellmann.");
        clickAndWait(find("header form[action='/logout'] button"));

        open("/login");
        find("#username").sendKeys("dhellmann");
        find("#password").sendKeys("a fresh editor password");
        clickAndWait(find("main form[action='/login'] button[type=submit]"));

        assertThat(find("nav[aria-label=Main]").getText()).contains("dhellmann");
        open("/account");
        assertThat(find("h1").getText()).isEqualTo("Your account");
    }

    @Test
    void theWeeklyCheckInWorksWithTheKeyboardAlone() {
        signIn("owner-ed");
        open("/cycles/mitaka/check-in");
        String status = find("fieldset.check-in-row select").getAttribute("id");
        String note = find("fieldset.check-in-row textarea").getAttribute("id");
        String submit = "weekly-submit";
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "document.querySelector(\"form[action='/cycles/mitaka/check-in'] button[type=submit]\")"
                                + ".id = arguments[0];",
                        submit);

        tabTo(status);
        new Actions(browser).sendKeys("Blocked").perform();
        assertThat(new Select(browser.findElement(By.id(status)))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Blocked");
        tabTo(note);
        new Actions(browser).sendKeys("Typed without a mouse").perform();
        tabTo(submit);
        WebElement page = browser.findElement(By.tagName("html"));
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        waitUntilGone(page);

        assertThat(find(".flash").getText()).isEqualTo("Checked in on 1 commitment for 2015-W46.");
        assertThat(find("table.commitments tbody tr:nth-child(1) td:nth-child(4)")
                        .getText())
                .isEqualTo("Blocked");
    }

    /** Presses Tab until the element with this id has the focus, as a keyboard user would. */
    private void tabTo(String id) {
        for (int presses = 0; presses < 200; presses++) {
            if (id.equals(browser.switchTo().activeElement().getAttribute("id"))) {
                return;
            }
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    @Test
    void theWeeklyCheckInWorksWithJavaScriptTurnedOff() throws Exception {
        browser.quit();
        browser = Chromium.start(Files.createTempDirectory(profile, "no-js"), false);

        signIn("owner-ed");
        open("/cycles/mitaka/check-in");
        List<WebElement> rows = findAll("fieldset.check-in-row");
        new Select(rows.get(0).findElement(By.tagName("select"))).selectByValue("IN_PROGRESS");
        rows.get(0).findElement(By.tagName("textarea")).sendKeys("Started, without scripts");
        new Select(rows.get(3).findElement(By.tagName("select"))).selectByValue("DONE");
        rows.get(3).findElement(By.tagName("textarea")).sendKeys("Finished, without scripts");
        clickAndWait(find("form[action='/cycles/mitaka/check-in'] button[type=submit]"));

        assertThat(find(".flash").getText()).isEqualTo("Checked in on 2 commitments for 2015-W46.");
        List<String> statuses = findAll("table.commitments tbody tr td:nth-child(4)").stream()
                .map(WebElement::getText)
                .toList();
        assertThat(statuses).startsWith("In progress", "In progress", "Not started", "Done");
    }

    @Test
    void theDashboardAndTheCheckInFitAPhoneScreen() {
        browser.manage().window().setSize(new Dimension(375, 812));
        open("/");
        assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.clientWidth;"))
                .isLessThanOrEqualTo(375L);
        assertThat(horizontalOverflow()).as("dashboard overflow in px").isLessThanOrEqualTo(0);

        signIn("owner-ed");
        open("/cycles/mitaka/check-in");
        assertThat(horizontalOverflow()).as("check-in overflow in px").isLessThanOrEqualTo(0);
    }
}
