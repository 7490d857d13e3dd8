package org.tctracker.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.tctracker.support.Html;

/** A freshly migrated database shows the Mitaka debrief's nine commitments, as a visitor would see them. */
@SpringBootTest
@AutoConfigureMockMvc
class MitakaDashboardTest {

    @Autowired
    MockMvc mvc;

    @Test
    void dashboardShowsTheNineCommitmentsInTheDebriefsOrder() throws Exception {
        Document page =
                Html.parse(mvc.perform(get("/")).andExpect(status().isOk()).andReturn());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Mitaka cycle");
        assertThat(page.selectFirst("hgroup p").text()).contains("Tokyo summit", "19 October 2015", "7 April 2016");

        List<Element> rows = page.select("table.commitments tbody tr");
        assertThat(rows).hasSize(9);
        assertThat(rows.stream().map(r -> r.child(0).text()))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(rows.get(0).child(1).text()).containsIgnoringCase("scaling");
        assertThat(rows.get(1).child(1).text()).containsIgnoringCase("oslo incubator");
        assertThat(rows.get(2).child(1).text()).containsIgnoringCase("app catalog");
        assertThat(rows.get(3).child(1).text()).containsIgnoringCase("minimum versions");
        assertThat(rows.get(4).child(1).text()).containsIgnoringCase("leadership training");
        assertThat(rows.get(5).child(1).text()).containsIgnoringCase("kafka");
        assertThat(rows.get(6).child(1).text()).containsIgnoringCase("ipmi");
        assertThat(rows.get(7).child(1).text()).containsIgnoringCase("testrepository");
        assertThat(rows.get(8).child(1).text()).containsIgnoringCase("stabilisation");
        assertThat(rows.stream().map(r -> r.child(2).text())).containsOnly("Robert Collins");
        assertThat(rows.stream().map(r -> r.child(5).text()))
                .containsExactly("0", "1", "0", "0", "2", "0", "0", "0", "1");
    }

    @Test
    void dashboardCountsCommitmentsByStatusAsTheyStoodAtTheDebrief() throws Exception {
        Document page = Html.parse(mvc.perform(get("/")).andReturn());

        assertThat(Html.texts(page, ".status-counts li"))
                .containsExactly(
                        "9 commitments",
                        "9 open",
                        "8 Not started",
                        "1 In progress",
                        "0 Blocked",
                        "0 Done",
                        "0 Dropped");
    }

    @Test
    void dashboardListsTheMitakaMilestones() throws Exception {
        Document page = Html.parse(mvc.perform(get("/cycles/mitaka")).andReturn());

        assertThat(Html.texts(page, ".milestones li"))
                .containsExactly(
                        "27 Oct 2015 Tokyo summit",
                        "3 Dec 2015 Mitaka-1",
                        "21 Jan 2016 Mitaka-2",
                        "3 Mar 2016 Mitaka-3 and feature freeze",
                        "7 Apr 2016 Mitaka release");
    }

    @Test
    void eachCommitmentPageShowsItsSummaryOwnerAndSpecLinks() throws Exception {
        Document dashboard = Html.parse(mvc.perform(get("/")).andReturn());
        String incubatorPage = dashboard
                .select("table.commitments tbody tr")
                .get(1)
                .selectFirst("a")
                .attr("href");

        Document page = Html.parse(
                mvc.perform(get(incubatorPage)).andExpect(status().isOk()).andReturn());

        assertThat(page.selectFirst("h1").text())
                .isEqualTo(dashboard
                        .select("table.commitments tbody tr")
                        .get(1)
                        .child(1)
                        .text());
        assertThat(page.selectFirst(".summary").text()).contains("versioned submodules");
        assertThat(page.select(".facts dd").first().text()).isEqualTo("Robert Collins (lifeless)");
        assertThat(page.selectFirst("hgroup .status").text()).isEqualTo("In progress");
        Element link = page.selectFirst("table.links tbody tr");
        assertThat(link.selectFirst("a").attr("href"))
                .isEqualTo(
                        "https://specs.openstack.org/openstack/oslo-specs/specs/mitaka/no-incubator-api-freedom.html");
        assertThat(link.child(1).text()).isEqualTo("Spec");
        assertThat(link.child(2).text()).isEqualTo("Approved");
    }

    @Test
    void everyCommitmentOfTheDashboardHasAPageWithItsOwner() throws Exception {
        Document dashboard = Html.parse(mvc.perform(get("/")).andReturn());

        for (Element row : dashboard.select("table.commitments tbody tr")) {
            Document page = Html.parse(mvc.perform(get(row.selectFirst("a").attr("href")))
                    .andExpect(status().isOk())
                    .andReturn());
            assertThat(page.selectFirst("h1").text()).isEqualTo(row.child(1).text());
            assertThat(page.select(".facts dd").first().text()).contains("Robert Collins");
            assertThat(page.select("table.links tbody tr"))
                    .hasSize(Integer.parseInt(row.child(5).text()));
        }
    }

    @Test
    void cyclesListShowsMitakaWithItsCounts() throws Exception {
        Document page = Html.parse(
                mvc.perform(get("/cycles")).andExpect(status().isOk()).andReturn());

        Element mitaka = page.selectFirst("tbody tr");
        assertThat(mitaka.child(0).text()).isEqualTo("Mitaka");
        assertThat(mitaka.child(0).selectFirst("a").attr("href")).isEqualTo("/cycles/mitaka");
        assertThat(mitaka.child(1).text()).isEqualTo("Tokyo");
        assertThat(mitaka.child(3).text()).isEqualTo("9");
        assertThat(mitaka.child(4).text()).isEqualTo("0");
    }

    @Test
    void peoplePagesShowWhatTheDebriefsAuthorHolds() throws Exception {
        Document people = Html.parse(
                mvc.perform(get("/people")).andExpect(status().isOk()).andReturn());
        Element robert = people.selectFirst("tbody tr");
        assertThat(robert.child(0).text()).isEqualTo("Robert Collins");
        assertThat(robert.child(1).text()).isEqualTo("lifeless");
        assertThat(robert.child(3).text()).isEqualTo("9");

        Document page = Html.parse(mvc.perform(get(robert.selectFirst("a").attr("href")))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Robert Collins");
        assertThat(page.select("tbody tr")).hasSize(9);
        assertThat(Html.texts(page, "tbody tr td:nth-child(4)")).containsOnly("Owner");
    }
}
