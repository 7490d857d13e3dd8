package org.tctracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CheckIns;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.LinkDraft;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.LinkState;
import org.tctracker.commitment.WebAddress;
import org.tctracker.people.People;
import org.tctracker.support.BrowserTest;
import org.tctracker.support.MutableClock;
import org.tctracker.support.Team;

/**
 * What a chair and an owner meet in their first hour and their weekly minute: the whole cycle on a
 * laptop's first screen, cards on a phone, "no change this week", a refused submit that takes them
 * to what needs fixing, and the sign-in that is ready to type into.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(MutableClock.InMitaka.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class FirstHourJourneysTest extends BrowserTest {

    @Test
    void theNineMitakaRowsFitTheFirstScreenOfALaptop() {
        viewport(1366, 768);
        for (String who : List.of("anonymous", "owner-ed")) {
            if (!who.equals("anonymous")) {
                signIn(who);
            }
            open("/");
            List<WebElement> rows = findAll("table.commitments tbody tr");
            assertThat(rows).as(who).hasSize(9);
            long screen = (Long) js("return window.innerHeight;");
            assertThat(screen).isEqualTo(768L);
            for (WebElement row : rows) {
                assertThat(bottomOf(row))
                        .as("%s: the bottom of row %s", who, row.getText())
                        .isLessThanOrEqualTo(screen);
            }
        }
    }

    @Test
    void onAPhoneEachCommitmentIsACardWithItsStatusOnTheScreen(
            @Autowired CommitmentService commitments,
            @Autowired AccountService accounts,
            @Autowired People people,
            @Autowired UserDetailsService users) {
        addTwoLongLinks(commitments, new Team(accounts, people, users).user("chair"));
        viewport(375, 812);

        open("/");
        List<WebElement> cards = findAll("table.commitments tbody tr");
        assertThat(cards).hasSize(9);
        long width = (Long) js("return document.documentElement.clientWidth;");
        for (WebElement card : cards) {
            WebElement status = card.findElement(By.cssSelector(".cell-status .status"));
            assertThat(status.isDisplayed()).isTrue();
            assertThat(rightOf(status)).as("status of %s", card.getText()).isLessThanOrEqualTo(width);
            assertThat(card.findElement(By.cssSelector(".cell-title")).getText())
                    .isNotBlank();
            assertThat(card.findElement(By.cssSelector(".cell-owner")).isDisplayed())
                    .isTrue();
        }
        assertThat(horizontalOverflow()).as("dashboard overflow in px").isLessThanOrEqualTo(0);
        Select status = new Select(find("#filter-status"));
        assertThat(rightOf(find("#filter-status")) - leftOf(find("#filter-status")))
                .as("the status filter is wide enough to read")
                .isGreaterThan(200L);
        assertThat(status.getFirstSelectedOption().getText()).isEqualTo("Any status");

        open("/commitments/1");
        assertThat(findAll("table.links tbody tr")).hasSize(2);
        assertThat(horizontalOverflow()).as("a commitment with two long links").isLessThanOrEqualTo(0);
    }

    @Test
    void noChangeThisWeekFillsTheRowAndTheOneSubmitSavesIt(@Autowired CheckIns checkIns) {
        signIn("owner-ed");
        open("/cycles/mitaka/check-in");
        WebElement second = findAll("fieldset.check-in-row").get(1);
        assertThat(second.findElement(By.cssSelector("legend a")).getText())
                .isEqualTo("Replace the oslo incubator with libraries released from day one");

        clickAndWait(second.findElement(By.cssSelector("input.no-change")));

        WebElement row = findAll("fieldset.check-in-row").get(1);
        WebElement note = row.findElement(By.tagName("textarea"));
        assertThat(note.getAttribute("value")).isEqualTo("No change.");
        assertThat(new Select(row.findElement(By.tagName("select")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("In progress");
        // The filled-in note has the focus, scrolled into view, ready to add to.
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo(note.getAttribute("id"));
        note.sendKeys(Keys.END, " Waiting on reviews.");
        clickAndWait(find("form[action='/cycles/mitaka/check-in'] button[type=submit]"));

        assertThat(find(".flash").getText()).isEqualTo("Checked in on 1 commitment for 2015-W46.");
        assertThat(checkIns.findByCommitment(2)).singleElement().satisfies(checkIn -> {
            assertThat(checkIn.getNote()).isEqualTo("No change. Waiting on reviews.");
            assertThat(checkIn.getStatus().name()).isEqualTo("IN_PROGRESS");
        });
    }

    @Test
    void aRefusedSubmitMovesTheFocusToASummaryThatLinksToEachRow() {
        signIn("owner-ed");
        open("/cycles/mitaka/check-in");
        List<WebElement> rows = findAll("fieldset.check-in-row");
        new Select(rows.get(0).findElement(By.tagName("select"))).selectByValue("BLOCKED");
        new Select(rows.get(3).findElement(By.tagName("select"))).selectByValue("DONE");
        rows.get(4).findElement(By.cssSelector("input[type=number]")).sendKeys("150");
        rows.get(4).findElement(By.tagName("textarea")).sendKeys("Training booked");

        clickAndWait(find("form[action='/cycles/mitaka/check-in'] button[type=submit]"));

        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).contains("error-summary");
        List<WebElement> links = focused.findElements(By.tagName("a"));
        assertThat(links)
                .extracting(WebElement::getText)
                .containsExactly(
                        "#1 Lead a TC conversation on what scaling means for OpenStack: Say in a line what happened this week.",
                        "#4 Rethink how minimum versions of requirements are raised: Say in a line what happened this week.",
                        "#5 Leadership training for TC members and PTLs: Give a percentage from 0 to 100, or leave it empty.");
        links.get(1).click();
        assertThat(browser.getCurrentUrl()).endsWith("#rows3.note");
        WebElement note = find("textarea[name='rows[3].note']");
        assertThat(bottomOf(note)).isLessThanOrEqualTo((Long) js("return window.innerHeight;"));
        assertThat(((Number) js("return arguments[0].getBoundingClientRect().top;", note)).doubleValue())
                .isGreaterThan(-2.0);
    }

    @Test
    void enterInAFieldSavesTheWeekRatherThanMarkingARowUnchanged(@Autowired CheckIns checkIns) {
        signIn("owner-ed");
        open("/cycles/mitaka/check-in");
        WebElement first = findAll("fieldset.check-in-row").get(0);
        first.findElement(By.tagName("textarea")).sendKeys("Asked the PTLs");
        WebElement percent = first.findElement(By.cssSelector("input[type=number]"));
        percent.sendKeys("10");
        WebElement page = browser.findElement(By.tagName("html"));
        percent.sendKeys(Keys.ENTER);
        waitUntilGone(page);

        assertThat(find(".flash").getText()).isEqualTo("Checked in on 1 commitment for 2015-W46.");
        assertThat(checkIns.findByCommitment(1))
                .singleElement()
                .satisfies(c -> assertThat(c.getNote()).isEqualTo("Asked the PTLs"));
    }

    @Test
    void theSignInPageIsReadyToTypeIntoAndFocusIsPlainToSee() {
        open("/login");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("username");

        open("/");
        // The first Tab reaches the skip link, the second the tracker's name.
        new Actions(browser).sendKeys(Keys.TAB).perform();
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement link = browser.switchTo().activeElement();
        assertThat(link.getTagName()).isEqualTo("a");
        assertThat(link.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(Double.parseDouble(link.getCssValue("outline-width").replace("px", "")))
                .isGreaterThanOrEqualTo(2.0);
        // #0b4a8b on the white page: a contrast of about 9:1, where 3:1 is asked.
        assertThat(link.getCssValue("outline-color")).isEqualTo("rgba(11, 74, 139, 1)");
    }

    private void viewport(int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        long innerHeight = (Long) js("return window.innerHeight;");
        long innerWidth = (Long) js("return window.innerWidth;");
        browser.manage()
                .window()
                .setSize(new Dimension(width + (int) (width - innerWidth), height + (int) (height - innerHeight)));
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private long bottomOf(WebElement element) {
        return ((Number) js("return arguments[0].getBoundingClientRect().bottom;", element)).longValue();
    }

    private long rightOf(WebElement element) {
        return (long)
                Math.ceil(((Number) js("return arguments[0].getBoundingClientRect().right;", element)).doubleValue());
    }

    private long leftOf(WebElement element) {
        return ((Number) js("return arguments[0].getBoundingClientRect().left;", element)).longValue();
    }

    /** Two long addresses on Mitaka's first commitment, as pasted from a browser's address bar. */
    private static void addTwoLongLinks(CommitmentService commitments, TrackerUser chair) {
        commitments.addLink(
                chair,
                1,
                new LinkDraft(
                        "Scaling survey results, summarised for the TC and for every project team that answered",
                        new WebAddress("https://etherpad.openstack.org/p/mitaka-scaling-survey-results-summarised-"
                                + "for-the-technical-committee-and-every-project-team-that-answered"),
                        LinkKind.ETHERPAD,
                        LinkState.DRAFT));
        commitments.addLink(
                chair,
                1,
                new LinkDraft(
                        "Thread",
                        new WebAddress("http://lists.openstack.org/pipermail/openstack-dev/2015-November/"
                                + "what-scaling-means-for-openstack-a-conversation-led-by-the-tc.html"),
                        LinkKind.MAILING_LIST,
                        LinkState.IN_REVIEW));
    }
}
