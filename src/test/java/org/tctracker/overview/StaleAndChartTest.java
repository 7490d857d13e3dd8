package org.tctracker.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
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
import org.tctracker.support.Html;
import org.tctracker.support.MutableClock;
import org.tctracker.support.Team;

/**
 * With a known history of check-ins in Mitaka, the dashboard marks exactly the stale commitments
 * and its chart counts exactly the statuses of each week.
 */
@SpringBootTest(properties = "tracker.test-context=stale-and-chart")
@AutoConfigureMockMvc
@Import(MutableClock.InMitaka.class)
class StaleAndChartTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theDashboardMarksStaleCommitmentsAndChartsEachWeek(
            @Autowired MutableClock clock,
            @Autowired CheckInService checkIns,
            @Autowired Commitments commitments,
            @Autowired Cycles cycles,
            @Autowired AccountService accounts,
            @Autowired People people,
            @Autowired UserDetailsService users,
            @Autowired CommitmentService service)
            throws Exception {
        Team team = new Team(accounts, people, users);
        team.assemble();
        TrackerUser owner = team.user("owner-ed");
        List<Commitment> mitaka = commitments.findByCycleInOrder(
                cycles.findBySlug("mitaka").orElseThrow().getId());
        // W44: #1 starts. W46: #1 is blocked, #3 is done. Today is Wednesday 25 November (W48).
        clock.set(LocalDateTime.of(2015, 10, 28, 9, 0));
        checkIns.record(owner, new CheckInDraft(mitaka.get(0).getId(), Status.IN_PROGRESS, "Started", null));
        clock.set(LocalDateTime.of(2015, 11, 11, 9, 0));
        checkIns.record(owner, new CheckInDraft(mitaka.get(0).getId(), Status.BLOCKED, "Blocked", null));
        checkIns.record(owner, new CheckInDraft(mitaka.get(2).getId(), Status.DONE, "Reviewed", null));
        clock.set(LocalDateTime.of(2015, 11, 18, 9, 0));
        checkIns.record(owner, new CheckInDraft(mitaka.get(3).getId(), Status.IN_PROGRESS, "Discussing", null));
        clock.set(LocalDateTime.of(2015, 11, 25, 9, 0));
        // An edit without a check-in: #4 is done this week.
        Commitment fourth = service.get(mitaka.get(3).getId());
        service.update(
                team.user("chair"),
                fourth.getId(),
                fourth.getVersion(),
                new CommitmentDraft(
                        fourth.getTitle(),
                        fourth.getSummary(),
                        fourth.getOwner().getId(),
                        List.of(),
                        Status.DONE,
                        null));

        Document page = Html.parse(mvc.perform(get("/")).andReturn());

        // Stale: open and last checked in more than 7 days ago, or never. #1 (14 days), #2, #5..#9 (never).
        // Not stale: #3 and #4, both done (the threshold itself is StalenessTest's).
        List<Element> rows = page.select("table.commitments tbody tr");
        assertThat(rows.stream().map(r -> r.select(".stale").isEmpty() ? "fresh" : "stale"))
                .containsExactly("stale", "stale", "fresh", "fresh", "stale", "stale", "stale", "stale", "stale");
        assertThat(page.selectFirst(".stale-count strong").text()).isEqualTo("7");

        assertThat(weekCounts(page, "2015-W43")).isEqualTo(Map.of("NOT_STARTED", 8, "IN_PROGRESS", 1));
        assertThat(weekCounts(page, "2015-W44")).isEqualTo(Map.of("NOT_STARTED", 7, "IN_PROGRESS", 2));
        assertThat(weekCounts(page, "2015-W46"))
                .isEqualTo(Map.of("NOT_STARTED", 6, "IN_PROGRESS", 1, "BLOCKED", 1, "DONE", 1));
        assertThat(weekCounts(page, "2015-W47"))
                .isEqualTo(Map.of("NOT_STARTED", 5, "IN_PROGRESS", 2, "BLOCKED", 1, "DONE", 1));
        // The latest week shows where things stand now, the edit included, as the counts above do.
        assertThat(weekCounts(page, "2015-W48"))
                .isEqualTo(Map.of("NOT_STARTED", 5, "IN_PROGRESS", 1, "BLOCKED", 1, "DONE", 2));
        assertThat(page.select("svg g.week")).hasSize(6);
        assertThat(page.selectFirst("svg title").text())
                .isEqualTo("Commitments of the Mitaka cycle by status, week by week");
        assertThat(Html.texts(page, "table.chart-data tbody tr:nth-child(4) td"))
                .containsExactly("6", "1", "1", "1", "0", "");
    }

    @Test
    void aFinishedCycleHasNoStaleCommitments(@Autowired MutableClock clock) throws Exception {
        clock.set(LocalDateTime.of(2016, 5, 1, 9, 0));

        Document page = Html.parse(mvc.perform(get("/cycles/mitaka")).andReturn());

        assertThat(page.select(".stale")).isEmpty();
        assertThat(page.select(".stale-count")).isEmpty();
        assertThat(page.select("svg g.week")).hasSize(25);
        clock.set(LocalDateTime.of(2015, 11, 12, 10, 0));
    }

    private static Map<String, Integer> weekCounts(Document page, String week) {
        return page.select("svg g.week[data-week=" + week + "] rect").stream()
                .collect(Collectors.toMap(r -> r.attr("data-status"), r -> Integer.parseInt(r.attr("data-count"))));
    }
}
