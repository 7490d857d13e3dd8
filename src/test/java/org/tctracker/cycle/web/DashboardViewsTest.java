package org.tctracker.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tctracker.account.AccountService;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.Commitments;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.support.Edits;
import org.tctracker.support.Html;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.Team;

/**
 * The dashboard's rows in the reader's order and groups, chosen with plain links that keep the
 * filters; someone signed in who holds commitments sees theirs first.
 */
@SpringBootTest
@AutoConfigureMockMvc
@OwnDatabase
class DashboardViewsTest {

    @Autowired
    MockMvc mvc;

    Team team;

    @BeforeEach
    void team(
            @Autowired AccountService accounts,
            @Autowired People people,
            @Autowired UserDetailsService users,
            @Autowired CommitmentService service,
            @Autowired Commitments commitments,
            @Autowired Cycles cycles) {
        team = new Team(accounts, people, users);
        var persons = team.assemble();
        Commitment third = commitments
                .findByCycleInOrder(cycles.findBySlug("mitaka").orElseThrow().getId())
                .get(2);
        if (service.get(third.getId()).getCollaborators().isEmpty()) {
            Edits.setStatus(
                    service,
                    team.user("chair"),
                    third.getId(),
                    Status.BLOCKED,
                    persons.get("helper-ed").getId());
        }
    }

    @Test
    void columnHeadingsOrderTheRowsAndSayWhichOrderIsOn() throws Exception {
        Document byTitle =
                Html.parse(mvc.perform(get("/cycles/mitaka?sort=title")).andReturn());
        Document byStatus = Html.parse(
                mvc.perform(get("/cycles/mitaka?sort=status&status=open")).andReturn());

        assertThat(Html.texts(byTitle, "table.commitments tbody td:nth-child(1)"))
                .containsExactly("9", "1", "5", "6", "7", "2", "4", "3", "8");
        assertThat(byTitle.selectFirst("th[aria-sort=ascending]").text()).isEqualTo("Commitment");
        // Blocked first, then what is under way, then what has not started; the filter stays on.
        assertThat(Html.texts(byStatus, "table.commitments tbody td:nth-child(1)"))
                .containsExactly("3", "2", "1", "4", "5", "6", "7", "8", "9");
        assertThat(byStatus.select("table.commitments thead a").eachAttr("href"))
                .contains(
                        "/cycles/mitaka?status=not-started&status=in-progress&status=blocked&sort=title",
                        "/cycles/mitaka?status=not-started&status=in-progress&status=blocked");
        assertThat(byStatus.select("form.filters input[type=hidden][name=sort]").val())
                .isEqualTo("status");
    }

    @Test
    void groupingByStatusOrOwnerNamesEachGroupWithItsCount() throws Exception {
        Document byStatus =
                Html.parse(mvc.perform(get("/cycles/mitaka?group=status")).andReturn());
        Document byOwner =
                Html.parse(mvc.perform(get("/cycles/mitaka?group=owner")).andReturn());

        assertThat(Html.texts(byStatus, "table.commitments caption"))
                .containsExactly("Blocked (1)", "In progress (1)", "Not started (7)");
        assertThat(byStatus.select("table.commitments tbody tr")).hasSize(9);
        assertThat(Html.texts(byOwner, "table.commitments caption")).containsExactly("Robert Collins (9)");
        assertThat(byStatus.selectFirst(".grouping a[aria-current]").text()).isEqualTo("Status");
    }

    @Test
    void someoneWhoHoldsCommitmentsSeesTheirsFirst() throws Exception {
        Document helper = Html.parse(mvc.perform(get("/cycles/mitaka").with(user(team.user("helper-ed"))))
                .andReturn());
        Document other = Html.parse(mvc.perform(get("/cycles/mitaka").with(user(team.user("other-ed"))))
                .andReturn());
        Document ungrouped =
                Html.parse(mvc.perform(get("/cycles/mitaka?group=none").with(user(team.user("helper-ed"))))
                        .andReturn());

        assertThat(Html.texts(helper, "table.commitments caption")).containsExactly("Yours (1)", "Everyone else's (8)");
        assertThat(helper.select("table.commitments")
                        .first()
                        .select("tbody td:nth-child(1)")
                        .eachText())
                .containsExactly("3");
        assertThat(helper.selectFirst(".grouping a[aria-current]").text()).isEqualTo("Yours first");
        assertThat(Html.texts(other, "table.commitments caption")).containsExactly("Commitments of the Mitaka cycle");
        assertThat(other.select(".grouping a").eachText()).doesNotContain("Yours first");
        assertThat(ungrouped.select("table.commitments")).hasSize(1);
    }

    @Test
    void anUnknownOrderOrGroupingIsABadRequestThatSaysWhatExists() throws Exception {
        MvcResult sort = mvc.perform(get("/?sort=colour")).andReturn();
        MvcResult group = mvc.perform(get("/?group=team")).andReturn();

        assertThat(sort.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(sort).selectFirst(".error-message").text())
                .isEqualTo(
                        "There is no order called \"colour\". Choose one of position, title, owner, status, check-in.");
        assertThat(group.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(group).selectFirst(".error-message").text())
                .isEqualTo("There is no grouping called \"team\". Choose one of none, mine, status, owner.");
    }
}
