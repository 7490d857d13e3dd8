package org.tctracker.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tctracker.account.AccountService;
import org.tctracker.people.People;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A journey in real Chromium against the application on a random port, with the test team's
 * accounts. When a journey fails, the browser's screenshot and page source are kept under
 * {@code target/browser-failures}.
 */
public abstract class BrowserTest {

    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @TempDir
    protected Path profile;

    protected WebDriver browser;

    @RegisterExtension
    final AfterTestExecutionCallback evidence = this::keepEvidenceOfFailure;

    @BeforeEach
    void teamAndBrowser(
            @Autowired AccountService accounts, @Autowired People people, @Autowired UserDetailsService users) {
        new Team(accounts, people, users).assemble();
        browser = startBrowser();
    }

    /** The browser each test starts with; a test may start others of its own. */
    protected WebDriver startBrowser() {
        return Chromium.start(profile);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void keepEvidenceOfFailure(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && browser != null) {
            Chromium.keepEvidence(browser, context.getDisplayName().replaceAll("\\W+", "-"));
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    protected void signIn(String username) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Team.PASSWORD);
        clickAndWait(browser.findElement(By.cssSelector("main form[action='/login'] button[type=submit]")));
    }

    protected WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    protected List<WebElement> findAll(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /**
     * Runs axe-core on the page in the browser with the WCAG 2.0 and 2.1 A and AA rules, and returns
     * each violation as "rule (impact): help — elements"; empty when the page passes.
     */
    protected List<String> accessibilityViolations() throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Boolean loaded = (Boolean) js.executeScript("return typeof window.axe !== 'undefined';");
        if (!Boolean.TRUE.equals(loaded)) {
            try (var in = BrowserTest.class.getResourceAsStream(AXE)) {
                if (in == null) {
                    throw new IllegalStateException(AXE + " is not on the test classpath");
                }
                js.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(JSON.stringify(r.violations.map(v => ({
                      id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})))))
                  .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'error', help: String(e), nodes: []}])));
                """);
        List<String> violations = new java.util.ArrayList<>();
        for (JsonNode v : JSON.readTree((String) result)) {
            List<String> nodes = new java.util.ArrayList<>();
            v.get("nodes").forEach(n -> nodes.add(n.asString()));
            violations.add(v.get("id").asString() + " (" + v.get("impact").asString() + "): "
                    + v.get("help").asString() + " — " + String.join(" | ", nodes));
        }
        return violations;
    }

    /** Clicks, and waits until the browser has left the page the element was on. */
    protected void clickAndWait(WebElement element) {
        WebElement page = browser.findElement(By.tagName("html"));
        element.click();
        waitUntilGone(page);
    }

    /** Waits until the browser has replaced the page whose root element this is. */
    protected void waitUntilGone(WebElement page) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // Stale, or (while the new page replaces it) "does not belong to the document".
                return true;
            }
        });
    }

    /** Whether the page is wider than the window, so that a reader has to scroll sideways. */
    protected long horizontalOverflow() {
        return (Long) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }
}
