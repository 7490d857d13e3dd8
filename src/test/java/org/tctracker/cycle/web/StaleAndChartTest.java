package org.tctracker.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CheckInDraft;
import org.tctracker.commitment.CheckInService;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentDraft;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.Commitments;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.support.Edits;
import org.tctracker.support.Html;
import org.tctracker.support.MutableClock;
import org.tctracker.support.Team;

/**
 * With a known history in Mitaka — check-ins, a commitment added mid-cycle, statuses changed
 * through the edit form — the dashboard marks exactly the stale commitments, and the chart and the
 * digest of past weeks count each commitment only from the week it was made, with statuses set by
 * edits from the week of the edit.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClock.InMitaka.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class StaleAndChartTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    CommitmentService service;

    @Autowired
    CheckInService checkIns;

    Team team;
    List<Commitment> mitaka;
    long cycleId;

    @BeforeEach
    void team(
            @Autowired AccountService accounts,
            @Autowired People people,
            @Autowired UserDetailsService users,
            @Autowired Commitments commitments,
            @Autowired Cycles cycles) {
        team = new Team(accounts, people, users);
        team.assemble();
        cycleId = cycles.findBySlug("mitaka").orElseThrow().getId();
        mitaka = commitments.findByCycleInOrder(cycleId);
    }

    /**
     * The debrief's nine were recorded on Thursday 5 November (2015-W45); #2 was in progress.
     * W46: #1 starts. W47: #1 is blocked, #3 done, #4 set in progress by an edit, and #10 is added.
     * W48: #4 set blocked by an edit, #10 starts. Today is Wednesday 2 December (W49).
     */
    private void knownHistory() {
        TrackerUser owner = team.user("owner-ed");
        TrackerUser chair = team.user("chair");
        clock.set(LocalDateTime.of(2015, 11, 11, 9, 0));
        checkIns.record(owner, new CheckInDraft(mitaka.get(0).getId(), Status.IN_PROGRESS, "Started", null));
        clock.set(LocalDateTime.of(2015, 11, 18, 9, 0));
        checkIns.record(owner, new CheckInDraft(mitaka.get(0).getId(), Status.BLOCKED, "Blocked", null));
        checkIns.record(owner, new CheckInDraft(mitaka.get(2).getId(), Status.DONE, "Reviewed", null));
        Commitment survey = service.create(
                chair,
                cycleId,
                new CommitmentDraft(
                        "Survey the projects about scale",
                        "",
                        team.assemble().get("owner-ed").getId(),
                        List.of(),
                        Status.NOT_STARTED,
                        null));
        edit(chair, mitaka.get(3), Status.IN_PROGRESS);
        clock.set(LocalDateTime.of(2015, 11, 26, 9, 0));
        edit(chair, mitaka.get(3), Status.BLOCKED);
        checkIns.record(owner, new CheckInDraft(survey.getId(), Status.IN_PROGRESS, "Survey drafted", null));
        clock.set(LocalDateTime.of(2015, 12, 2, 10, 0));
    }

    @Test
    void theDashboardMarksStaleCommitmentsAndChartsEachWeekFromWhenEachExisted() throws Exception {
        knownHistory();

        Document page = Html.parse(mvc.perform(get("/")).andReturn());

        // Stale: open and quiet for more than 7 days, counted from the last check-in or, without
        // one, from 5 November. #3 is done; #10 was checked in six days ago.
        List<Element> rows = page.select("table.commitments tbody tr");
        assertThat(rows.stream().map(r -> r.select(".stale").isEmpty() ? "fresh" : "stale"))
                .containsExactly(
                        "stale", "stale", "fresh", "stale", "stale", "stale", "stale", "stale", "stale", "fresh");
        assertThat(page.selectFirst(".stale-count strong").text()).isEqualTo("8");

        // Nothing had been recorded before the debrief's week.
        assertThat(weekCounts(page, "2015-W43")).isEmpty();
        assertThat(weekCounts(page, "2015-W44")).isEmpty();
        assertThat(weekCounts(page, "2015-W45")).isEqualTo(Map.of("NOT_STARTED", 8, "IN_PROGRESS", 1));
        assertThat(weekCounts(page, "2015-W46")).isEqualTo(Map.of("NOT_STARTED", 7, "IN_PROGRESS", 2));
        // #10 counts from the week it was added; #4's edit counts from its own week, not before.
        assertThat(weekCounts(page, "2015-W47"))
                .isEqualTo(Map.of("NOT_STARTED", 6, "IN_PROGRESS", 2, "BLOCKED", 1, "DONE", 1));
        assertThat(weekCounts(page, "2015-W48"))
                .isEqualTo(Map.of("NOT_STARTED", 5, "IN_PROGRESS", 2, "BLOCKED", 2, "DONE", 1));
        assertThat(weekCounts(page, "2015-W49"))
                .isEqualTo(Map.of("NOT_STARTED", 5, "IN_PROGRESS", 2, "BLOCKED", 2, "DONE", 1));
        assertThat(page.select("svg g.week")).hasSize(7);
        assertThat(page.selectFirst("svg title").text())
                .isEqualTo("Commitments of the Mitaka cycle by status, week by week");
        assertThat(Html.texts(page, "table.chart-data tbody tr:nth-child(5) td"))
                .containsExactly("6", "2", "1", "1", "0", "");
        assertThat(Html.texts(page, "table.chart-data tbody tr:nth-child(1) td"))
                .containsExactly("0", "0", "0", "0", "0", "");
    }

    @Test
    void theDigestOfAPastWeekTellsOnlyWhatExistedThenAndWhatIsNew() throws Exception {
        knownHistory();

        String w45 = digest("2015-W45");
        String w46 = digest("2015-W46");
        String w47 = digest("2015-W47");

        assertThat(w45)
                .contains("· 9 commitments\n")
                .contains("### 2. Replace the oslo incubator with libraries released from day one\n\n"
                        + "**In progress** (new this week)")
                .doesNotContain("(was Not started last week)", "Survey the projects");
        assertThat(w46)
                .contains("· 9 commitments\n", "| Not started | 7 |", "| In progress | 2 |")
                .contains("### 1. Lead a TC conversation on what scaling means for OpenStack\n\n"
                        + "**In progress** (was Not started last week)")
                .contains("### 4. Rethink how minimum versions of requirements are raised\n\n"
                        + "**Not started** (unchanged since last week)")
                .doesNotContain("Survey the projects", "new this week");
        assertThat(w47)
                .contains("· 10 commitments\n", "| Blocked | 1 |", "| Done | 1 |")
                .contains("**Blocked** (was In progress last week)")
                .contains("### 4. Rethink how minimum versions of requirements are raised\n\n"
                        + "**In progress** (was Not started last week)")
                .contains("### 10. Survey the projects about scale\n\n**Not started** (new this week)")
                // As of that Sunday: #1 was checked in that week and #10 was four days old.
                .contains("## Stale\n\n- #2 ")
                .doesNotContain("- #1 Lead", "- #10 Survey");
    }

    @Test
    void orderingByLastCheckInPutsTheLongestQuietFirstCountedAsStalenessCountsIt() throws Exception {
        knownHistory();
        clock.set(LocalDateTime.of(2015, 11, 26, 12, 0));
        service.create(
                team.user("chair"),
                cycleId,
                new CommitmentDraft(
                        "Added today",
                        "",
                        team.assemble().get("owner-ed").getId(),
                        List.of(),
                        Status.NOT_STARTED,
                        null));
        clock.set(LocalDateTime.of(2015, 12, 2, 10, 0));

        Document page = Html.parse(mvc.perform(get("/?sort=check-in")).andReturn());

        // Quiet since 5 November (recorded, never checked in), then 18 November, then 26 November:
        // the commitment added a week ago has not waited longest, though it has no check-in yet.
        assertThat(Html.texts(page, "table.commitments tbody td:nth-child(1)"))
                .containsExactly("2", "4", "5", "6", "7", "8", "9", "1", "3", "10", "11");
    }

    @Test
    void aCommitmentIsNotStaleTheDayItIsMadeAndTurnsStaleAfterTheSetting() throws Exception {
        clock.set(LocalDateTime.of(2015, 11, 25, 16, 0));
        Commitment made = service.create(
                team.user("chair"),
                cycleId,
                new CommitmentDraft(
                        "Made minutes ago",
                        "",
                        team.assemble().get("owner-ed").getId(),
                        List.of(),
                        Status.NOT_STARTED,
                        null));

        assertThat(staleMarkOf(made)).isFalse();
        assertThat(Html.parse(mvc.perform(get("/commitments/" + made.getId())).andReturn())
                        .select(".stale"))
                .isEmpty();
        clock.set(LocalDateTime.of(2015, 12, 2, 23, 0));
        assertThat(staleMarkOf(made)).as("exactly seven days on").isFalse();
        clock.set(LocalDateTime.of(2015, 12, 3, 8, 0));
        assertThat(staleMarkOf(made)).as("eight days on").isTrue();
        assertThat(Html.parse(mvc.perform(get("/commitments/" + made.getId())).andReturn())
                        .selectFirst(".stale")
                        .text())
                .isEqualTo("Stale: no check-in for over 7 days");
    }

    @Test
    void aFinishedCycleHasNoStaleCommitments() throws Exception {
        clock.set(LocalDateTime.of(2016, 5, 1, 9, 0));

        Document page = Html.parse(mvc.perform(get("/cycles/mitaka")).andReturn());

        assertThat(page.select(".stale")).isEmpty();
        assertThat(page.select(".stale-count")).isEmpty();
        assertThat(page.select("svg g.week")).hasSize(25);
    }

    private boolean staleMarkOf(Commitment commitment) throws Exception {
        Document page = Html.parse(mvc.perform(get("/")).andReturn());
        return !page.select("#commitment-" + commitment.getId() + " .stale").isEmpty();
    }

    private String digest(String week) throws Exception {
        return mvc.perform(get("/cycles/mitaka/report.md").param("week", week))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private void edit(TrackerUser who, Commitment commitment, Status status) {
        Edits.setStatus(service, who, commitment.getId(), status);
    }

    private static Map<String, Integer> weekCounts(Document page, String week) {
        return page.select("svg g.week[data-week=" + week + "] rect").stream()
                .collect(Collectors.toMap(r -> r.attr("data-status"), r -> Integer.parseInt(r.attr("data-count"))));
    }
}
