package org.tctracker.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The weekly digest for the mailing list, as Markdown. */
@SpringBootTest
@AutoConfigureMockMvc
class DigestTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theDigestOfAKnownWeekTellsEachCommitmentWithItsLinks() throws Exception {
        MvcResult result = mvc.perform(get("/cycles/mitaka/report.md").param("week", "2015-W46"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("text/markdown;charset=UTF-8");
        String digest = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(digest)
                .startsWith("# Mitaka cycle: week 2015-W46 (R-21)\n\nTokyo summit · 19 October 2015 to 7 April 2016 ·"
                        + " 9 commitments\n")
                .contains("| Not started | 8 |", "| In progress | 1 |")
                .contains("### 2. Replace the oslo incubator with libraries released from day one\n\n"
                        + "**In progress** (unchanged since last week) · owner Robert Collins (lifeless)\n\n"
                        + "No check-in yet.\n\n"
                        + "- [Unstable APIs without an incubator (oslo-specs, Mitaka)]"
                        + "(<https://specs.openstack.org/openstack/oslo-specs/specs/mitaka/no-incubator-api-freedom.html>)"
                        + " · Spec, Approved\n")
                .contains("## Stale\n\n- #1 Lead a TC conversation on what scaling means for OpenStack (lifeless)\n");
    }

    @Test
    void plainTextCannotBecomeMarkdown() {
        assertThat(WeeklyDigest.oneLine("[Click me](https://evil.example/phish) **urgent**\n# not a heading"))
                .isEqualTo("\\[Click me\\](https://evil.example/phish) \\*\\*urgent\\*\\* # not a heading");
        assertThat(WeeklyDigest.destination("https://example.org/a)b <c>"))
                .isEqualTo("<https://example.org/a)b %3Cc%3E>");
    }

    @Test
    void weeksOutsideTheCycleOrTheCalendarAreBadRequests() throws Exception {
        for (String week : new String[] {"2015-W42", "2016-W15", "2027-W53", "9999-W52"}) {
            MvcResult result = mvc.perform(get("/cycles/mitaka/report.md").param("week", week))
                    .andReturn();
            assertThat(result.getResponse().getStatus()).as(week).isEqualTo(400);
        }
        assertThat(mvc.perform(get("/cycles/mitaka/report.md").param("week", "2016-W14"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void scriptsAreToldWhatWasWrongInPlainText() throws Exception {
        MvcResult result = mvc.perform(get("/cycles/mitaka/report.md").param("week", "garbage"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).isEqualTo("text/plain;charset=UTF-8");
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("400 Bad Request: Give the week as year, W and number, such as 2015-W46.\n");
    }

    @Test
    void aMalformedWeekIsABadRequestAndAnUnknownCycleNotFound() throws Exception {
        assertThat(mvc.perform(get("/cycles/mitaka/report.md").param("week", "week 46"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
        assertThat(mvc.perform(get("/cycles/nope/report.md"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }
}
