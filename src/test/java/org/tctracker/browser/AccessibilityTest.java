package org.tctracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.tctracker.cycle.Cycles;
import org.tctracker.support.BrowserTest;
import org.tctracker.support.MoreCycles;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;

/**
 * axe-core in Chromium, at WCAG 2.1 AA, on every kind of page: what anyone can read, every form
 * (empty, and sent back with its errors), the sign-in and admin pages, the conflict page and the
 * error pages. Zero violations anywhere.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
@Import(MutableClock.InMitaka.class)
class AccessibilityTest extends BrowserTest {

    private final Map<String, List<String>> violations = new LinkedHashMap<>();

    /** What anyone can read, in the tour. */
    static final List<String> READING = List.of(
            "/",
            "/cycles",
            "/cycles/mitaka",
            "/cycles/mitaka?status=blocked",
            "/cycles/mitaka?group=status",
            "/cycles/2016.1-newton",
            "/cycles/kilo",
            "/commitments/2",
            "/commitments/2/history",
            "/cycles/mitaka/report",
            "/people",
            "/people/1",
            "/login",
            "/no-such-page",
            "/?status=bogus");

    /** The forms and pages the chair uses, in the tour. */
    static final List<String> CHAIRING = List.of(
            "/commitments/new",
            "/commitments/2/edit",
            "/commitments/2/delete",
            "/commitments/2/check-ins/new",
            "/cycles/new",
            "/cycles/mitaka/edit",
            "/cycles/mitaka/delete",
            "/cycles/mitaka/check-in",
            "/cycles/2016.1-newton/carry-over?from=mitaka",
            "/cycles/kilo/carry-over",
            "/people/new",
            "/people/1/edit",
            "/people/1/delete",
            "/account",
            "/admin/users");

    @BeforeEach
    void cycles(@Autowired Cycles cycles) {
        MoreCycles.add(cycles);
    }

    @Test
    void noPageOfTheTourIsWiderThanAPhone() {
        browser.manage().window().setSize(new Dimension(375, 812));
        Map<String, Long> overflow = new LinkedHashMap<>();
        for (String path : READING) {
            open(path);
            overflow.put(path, horizontalOverflow());
        }
        signIn("chair");
        for (String path : CHAIRING) {
            open(path);
            overflow.put(path, horizontalOverflow());
        }
        assertThat(overflow)
                .hasSize(READING.size() + CHAIRING.size())
                .allSatisfy((path, px) -> assertThat(px)
                        .as("%s is wider than a 375 px screen by", path)
                        .isLessThanOrEqualTo(0L));
    }

    @Test
    void everyKindOfPageHasNoWcagViolations() throws Exception {
        for (String path : READING) {
            check(path);
        }
        open("/login");
        find("#username").sendKeys("owner-ed");
        find("#password").sendKeys("not the password");
        clickAndWait(find("main form[action='/login'] button[type=submit]"));
        checkCurrent("sign-in refused");

        signIn("other-ed");
        open("/admin/users");
        assertThat(find("h1").getText()).isEqualTo("Not allowed");
        checkCurrent("403 page");
        open("/");
        clickAndWait(find("header form[action='/logout'] button"));

        signIn("chair");
        for (String path : CHAIRING) {
            check(path);
        }
        open("/commitments/2");
        String linkEdit = find("a[href$='/edit'][href*='/links/']").getAttribute("href");
        check(linkEdit.substring(linkEdit.indexOf("/commitments")));
        check(linkEdit.substring(linkEdit.indexOf("/commitments")).replace("/edit", "/delete"));
        open("/admin/users");
        String user = find("table a[href^='/admin/users/']").getAttribute("href");
        check(user.substring(user.indexOf("/admin")));

        // Each form sent back with its errors beside the fields.
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("/commitments/new", "form[action='/commitments']");
        forms.put("/commitments/2/edit", "form[action='/commitments/2']");
        forms.put("/commitments/2/check-ins/new", "form[action='/commitments/2/check-ins']");
        forms.put("/cycles/new", "form[action='/cycles']");
        forms.put("/people/new", "form[action='/people']");
        forms.put("/account", "form[action='/account/password']");
        forms.put("/admin/users", "form[action='/admin/users']");
        for (Map.Entry<String, String> form : forms.entrySet()) {
            String path = form.getKey();
            open(path);
            submitEmpty(form.getValue());
            assertThat(findAll(".field-error, .flash-error"))
                    .as(path + " shows its errors")
                    .isNotEmpty();
            checkCurrent(path + " with errors");
        }
        open("/commitments/2");
        find("details summary").click();
        submitEmpty("main form[action$='/links']");
        checkCurrent("/commitments/2 with a link form's errors");
        open("/cycles/mitaka/check-in");
        WebElement firstRow = find("fieldset.check-in-row");
        new Select(firstRow.findElement(By.tagName("select"))).selectByValue("BLOCKED");
        firstRow.findElement(By.tagName("textarea")).clear();
        clickAndWait(find("form[action='/cycles/mitaka/check-in'] button[type=submit]"));
        checkCurrent("weekly check-in with errors");
        open("/cycles/mitaka/check-in");
        clickAndWait(find("fieldset.check-in-row input.no-change"));
        checkCurrent("weekly check-in with a row marked no change");
        open("/commitments/new");
        find("#title").sendKeys("With a bad link");
        find("input[name='links[0].url']").sendKeys("javascript:alert(1)");
        clickAndWait(find("form[action='/commitments'] button[type=submit]"));
        assertThat(findAll(".field-error")).isNotEmpty();
        checkCurrent("new commitment with a bad link");

        // The conflict page: a second tab saves first.
        open("/commitments/3/edit");
        String firstTab = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        open("/commitments/3/edit");
        find("#summary").sendKeys(" Saved in the second tab.");
        clickAndWait(find("main form[method=post] button[type=submit]"));
        browser.switchTo().window(firstTab);
        find("#summary").sendKeys(" Typed in the first tab.");
        clickAndWait(find("main form[method=post] button[type=submit]"));
        assertThat(find("h1").getText()).isEqualTo("Someone else changed this first");
        checkCurrent("edit conflict");

        assertThat(violations)
                .as(() -> "WCAG 2.1 AA violations:\n"
                        + violations.entrySet().stream()
                                .filter(e -> !e.getValue().isEmpty())
                                .map(e -> e.getKey() + ":\n  " + String.join("\n  ", e.getValue()))
                                .collect(Collectors.joining("\n")))
                .allSatisfy((page, found) -> assertThat(found).isEmpty());
        assertThat(violations).hasSize(47);
    }

    @Test
    void theCheckFindsAViolationWhenThereIsOne() throws Exception {
        open("/");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("const img = document.createElement('img');"
                        + " img.src = '/favicon.ico'; document.querySelector('main').appendChild(img);");

        assertThat(accessibilityViolations()).anySatisfy(v -> assertThat(v).startsWith("image-alt"));
    }

    private void check(String path) throws Exception {
        open(path);
        checkCurrent(path);
    }

    private void checkCurrent(String name) throws Exception {
        violations.put(name, accessibilityViolations());
    }

    /** Empties the form's text fields and sends it, as someone pressing save too early would. */
    private void submitEmpty(String formSelector) {
        WebElement form = find(formSelector);
        for (WebElement field : form.findElements(
                By.cssSelector(
                        "input[type=text], input[type=url], input[type=date], input[type=password], input:not([type]), textarea"))) {
            if (field.isDisplayed() && field.isEnabled()) {
                field.clear();
            }
        }
        clickAndWait(form.findElement(By.cssSelector("button[type=submit]")));
    }
}
