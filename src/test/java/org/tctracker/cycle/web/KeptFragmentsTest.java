package org.tctracker.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
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
import org.tctracker.commitment.CheckInDraft;
import org.tctracker.commitment.CheckInService;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.Commitments;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.support.Html;
import org.tctracker.support.MutableClock;
import org.tctracker.support.Team;
import org.tctracker.system.KeptFragments;

/**
 * A cycle's chart and the rows of its table read the same for everyone, so a signed-in dashboard
 * renders them once and keeps them until the records or the day change; what depends on the reader
 * (the groups of "yours", the admin's buttons) is still rendered for each of them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClock.InMitaka.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class KeptFragmentsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    KeptFragments fragments;

    @Autowired
    MutableClock clock;

    @Autowired
    CheckInService checkIns;

    Team team;
    List<Commitment> mitaka;

    @BeforeEach
    void team(
            @Autowired AccountService accounts,
            @Autowired People people,
            @Autowired UserDetailsService users,
            @Autowired Commitments commitments,
            @Autowired Cycles cycles) {
        team = new Team(accounts, people, users);
        team.assemble();
        mitaka = commitments.findByCycleInOrder(
                cycles.findBySlug("mitaka").orElseThrow().getId());
    }

    @Test
    void aSecondSignedInDashboardRendersNeitherChartNorRows() throws Exception {
        Document first = dashboardAs("owner-ed");
        long renders = fragments.stats().renders();
        Document second = dashboardAs("owner-ed");

        assertThat(fragments.stats().renders()).isEqualTo(renders);
        assertThat(second.select("section.cycle-chart").outerHtml())
                .isEqualTo(first.select("section.cycle-chart").outerHtml())
                .contains("<rect");
        assertThat(second.select("table.commitments tbody tr")).hasSize(9);
        assertThat(second.select("table.commitments tbody").outerHtml())
                .isEqualTo(first.select("table.commitments tbody").outerHtml());
        assertThat(second.select("ul.status-counts, form.filters, ul.follow, ul.milestones, hgroup")
                        .outerHtml())
                .isEqualTo(first.select("ul.status-counts, form.filters, ul.follow, ul.milestones, hgroup")
                        .outerHtml())
                .contains("Any owner", "Weekly digest", "Mitaka-1", "Mitaka cycle");
    }

    @Test
    void theCountsAndFiltersAreKeptForEachAddress() throws Exception {
        long first = mitaka.get(0).getId();
        checkIns.record(team.user("owner-ed"), new CheckInDraft(first, Status.BLOCKED, "Waiting on infra", null));
        Document all = dashboardAs("chair");
        Document blocked =
                Html.parse(mvc.perform(get("/").param("status", "blocked").with(user(team.user("chair"))))
                        .andReturn());
        Document onCyclePage = Html.parse(mvc.perform(get("/cycles/mitaka").with(user(team.user("chair"))))
                .andReturn());

        assertThat(all.select("a:containsOwn(Clear filters)")).isEmpty();
        assertThat(blocked.select("a:containsOwn(Clear filters)").attr("href")).isEqualTo("/");
        assertThat(blocked.select("#filter-status option[selected]").text()).isEqualTo("Blocked");
        assertThat(blocked.select("table.commitments tbody tr")).hasSize(1);
        assertThat(onCyclePage.select("form.filters").attr("action")).isEqualTo("/cycles/mitaka");
        assertThat(all.select("form.filters").attr("action")).isEqualTo("/");
        assertThat(all.select("ul.status-counts a:contains(Blocked) strong").text())
                .isEqualTo("1");
    }

    @Test
    void whatDependsOnTheReaderIsRenderedForEach() throws Exception {
        Document owner = dashboardAs("owner-ed");
        Document chair = dashboardAs("chair");
        Document anonymous = Html.parse(mvc.perform(get("/")).andReturn());

        assertThat(Html.texts(owner, "table.commitments caption")).anyMatch(caption -> caption.startsWith("Yours"));
        assertThat(Html.texts(chair, "table.commitments caption")).noneMatch(caption -> caption.startsWith("Yours"));
        assertThat(chair.select("a[href=/cycles/mitaka/edit]")).hasSize(1);
        assertThat(owner.select("a[href=/cycles/mitaka/edit]")).isEmpty();
        assertThat(anonymous.select("section.cycle-chart").outerHtml())
                .isEqualTo(chair.select("section.cycle-chart").outerHtml());
        assertThat(anonymous.select("#commitment-" + mitaka.get(0).getId()).outerHtml())
                .isEqualTo(chair.select("#commitment-" + mitaka.get(0).getId()).outerHtml());
    }

    @Test
    void aCheckInShowsAtTheNextRequest() throws Exception {
        long first = mitaka.get(0).getId();
        Document before = dashboardAs("owner-ed");
        assertThat(statusOf(before, first)).isEqualTo("Not started");

        checkIns.record(team.user("owner-ed"), new CheckInDraft(first, Status.BLOCKED, "Waiting on infra", null));

        Document after = dashboardAs("owner-ed");
        assertThat(statusOf(after, first)).isEqualTo("Blocked");
        assertThat(blockedThisWeek(after)).isEqualTo(blockedThisWeek(before) + 1);
        assertThat(after.select("#commitment-" + first + " time").text()).isEqualTo("today");
    }

    @Test
    void theNextDayRendersThemAfresh() throws Exception {
        long first = mitaka.get(0).getId();
        checkIns.record(team.user("owner-ed"), new CheckInDraft(first, Status.IN_PROGRESS, "Started", null));
        assertThat(dashboardAs("owner-ed")
                        .select("#commitment-" + first + " time")
                        .text())
                .isEqualTo("today");
        long renders = fragments.stats().renders();

        clock.advance(Duration.ofDays(1));

        assertThat(dashboardAs("owner-ed")
                        .select("#commitment-" + first + " time")
                        .text())
                .isEqualTo("yesterday");
        assertThat(fragments.stats().renders()).isGreaterThan(renders);
    }

    @Test
    void aCommitmentsTimelineAndCheckInsAreKeptUntilTheNextCheckIn() throws Exception {
        long first = mitaka.get(0).getId();
        checkIns.record(team.user("owner-ed"), new CheckInDraft(first, Status.IN_PROGRESS, "Started **now**", null));
        Document owner = pageAs("/commitments/" + first, "owner-ed");
        long renders = fragments.stats().renders();
        Document helper = pageAs("/commitments/" + first, "other-ed");

        // Only the links table is rendered again: it has no Edit links for someone who may not change them.
        assertThat(fragments.stats().renders()).isEqualTo(renders + 1);
        long afterHelper = fragments.stats().renders();
        Document anonymous =
                Html.parse(mvc.perform(get("/commitments/" + first)).andReturn());
        assertThat(fragments.stats().renders()).isEqualTo(afterHelper);
        assertThat(anonymous
                        .select("hgroup, dl.facts dd:not(.position), ol.check-ins, div.summary")
                        .outerHtml())
                .isEqualTo(owner.select("hgroup, dl.facts dd:not(.position), ol.check-ins, div.summary")
                        .outerHtml());
        assertThat(helper.select("ol.check-ins").outerHtml())
                .isEqualTo(owner.select("ol.check-ins").outerHtml())
                .contains("<strong>now</strong>");
        assertThat(helper.select("ol.timeline").outerHtml())
                .isEqualTo(owner.select("ol.timeline").outerHtml());
        assertThat(owner.select("a[href=/commitments/" + first + "/edit]")).hasSize(1);
        assertThat(helper.select("a[href=/commitments/" + first + "/edit]")).isEmpty();

        clock.advance(Duration.ofDays(7));
        checkIns.record(team.user("owner-ed"), new CheckInDraft(first, Status.BLOCKED, "Waiting", null));

        assertThat(pageAs("/commitments/" + first, "other-ed").select("ol.check-ins > li"))
                .hasSize(2);
    }

    @Test
    void theDigestIsMadeOnceForEachStateOfTheRecords() throws Exception {
        long first = mitaka.get(0).getId();
        String before = mvc.perform(get("/cycles/mitaka/report.md"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long renders = fragments.stats().renders();

        String again = mvc.perform(get("/cycles/mitaka/report.md").with(user(team.user("chair"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(again).isEqualTo(before).contains("# ");
        assertThat(fragments.stats().renders()).isEqualTo(renders);

        checkIns.record(team.user("owner-ed"), new CheckInDraft(first, Status.BLOCKED, "Waiting on infra", null));

        String after = mvc.perform(get("/cycles/mitaka/report.md"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(after).isNotEqualTo(before).contains("Waiting on infra");
        assertThat(mvc.perform(get("/cycles/mitaka/report"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Waiting on infra");
    }

    private Document pageAs(String address, String username) throws Exception {
        return Html.parse(
                mvc.perform(get(address).with(user(team.user(username)))).andReturn());
    }

    private Document dashboardAs(String username) throws Exception {
        return Html.parse(mvc.perform(get("/").with(user(team.user(username)))).andReturn());
    }

    /** The chart's count of blocked commitments in its last week, from its table of numbers. */
    private static int blockedThisWeek(Document page) {
        return Integer.parseInt(page.select("table.chart-data tbody tr")
                .last()
                .child(Status.BLOCKED.ordinal() + 1)
                .text());
    }

    private static String statusOf(Document page, long commitment) {
        return page.select("#commitment-" + commitment + " .cell-status").text();
    }
}
