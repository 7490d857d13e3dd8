package org.tctracker.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tctracker.support.BrowserTest;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.SourceServer;
import org.tctracker.support.SourceServer.Answer;

/** A person adds a Gerrit link; the page says its state is being read, and soon shows Gerrit's. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
@Import(MutableClock.InMitaka.class)
class LinkStateJourneyTest extends BrowserTest {

    static final SourceServer gerrit = new SourceServer();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("tracker.links.gerrit-servers", () -> gerrit.base());
    }

    @AfterAll
    static void stop() {
        gerrit.close();
    }

    @Test
    void aGerritLinkShowsItIsBeingReadAndThenWhatGerritSays() {
        gerrit.answer(
                "/changes/openstack%2Fgovernance~245500", Answer.gerrit("""
                                {"project": "openstack/governance", "status": "MERGED", "_number": 245500,
                                 "subject": "Add the Mitaka goals", "submitted": "2015-11-10 16:02:11.000000000",
                                 "updated": "2015-11-10 16:02:11.000000000", "labels": {
                                   "Code-Review": {"all": [{"value": 2, "_account_id": 1}, {"value": 2, "_account_id": 2}]},
                                   "Workflow": {"all": [{"value": 1, "_account_id": 1}]}}}""").after(Duration.ofSeconds(2)));
        signIn("chair");
        open("/commitments/3");
        find("#links ~ details summary").click();
        find("details form input#url").sendKeys(gerrit.base() + "/c/openstack/governance/+/245500");
        clickAndWait(find("details form button[type=submit]"));

        assertThat(find("table.links").getText()).contains("Being read from 127.0.0.1…");

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    browser.navigate().refresh();
                    assertThat(find("table.links").getText())
                            .contains(
                                    "Implemented",
                                    "Merged 10 Nov 2015 · Code-Review +2 ×2, Workflow +1",
                                    "Read from 127.0.0.1");
                });
    }
}
