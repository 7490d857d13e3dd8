package org.tctracker.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.tctracker.account.TrackerUser;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.Cycles;
import org.tctracker.cycle.Milestone;
import org.tctracker.people.People;
import org.tctracker.support.Forms;
import org.tctracker.support.Html;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.Team;

/** Admins open, change and remove cycles with their milestones. */
@SpringBootTest
@OwnDatabase
@AutoConfigureMockMvc
class CycleFormsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Cycles cycles;

    TrackerUser admin;

    @BeforeEach
    void signIn(@Autowired AccountService accounts, @Autowired People people, @Autowired UserDetailsService users) {
        Team team = new Team(accounts, people, users);
        team.assemble();
        admin = team.user("chair");
    }

    Map<String, List<String>> newCycle(String slug) {
        return Map.of(
                "name", List.of("Newton " + slug),
                "slug", List.of(slug),
                "summit", List.of("Austin"),
                "startsOn", List.of("2016-04-11"),
                "endsOn", List.of("2016-10-06"),
                "milestones[0].name", List.of("Newton-1"),
                "milestones[0].dueOn", List.of("2016-06-02"),
                "milestones[1].name", List.of(""),
                "milestones[1].dueOn", List.of(""));
    }

    @Test
    void anAdminOpensACycleWithMilestones() throws Exception {
        MvcResult result = mvc.perform(Forms.post("/cycles", newCycle("newton")).with(user(admin)))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/cycles/newton");
        Document page = Html.parse(mvc.perform(get("/cycles/newton")).andReturn());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Newton newton cycle");
        assertThat(Html.texts(page, ".milestones li")).containsExactly("2 Jun 2016 Newton-1");
    }

    @Test
    void aCycleMayBeAddressedAsOpenStackNamesItsSeries() throws Exception {
        MvcResult result = mvc.perform(
                        Forms.post("/cycles", newCycle("2027.1-gazpacho")).with(user(admin)))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/cycles/2027.1-gazpacho");
        assertThat(Html.parse(mvc.perform(get("/cycles/2027.1-gazpacho")).andReturn())
                        .selectFirst("h1")
                        .text())
                .isEqualTo("Newton 2027.1-gazpacho cycle");
        assertThat(mvc.perform(get("/cycles/2027.1-gazpacho/report.md"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        for (String slug : List.of("2027..1", ".gazpacho", "gazpacho.", "Gazpacho")) {
            MvcResult refused = mvc.perform(
                            Forms.post("/cycles", newCycle(slug)).with(user(admin)))
                    .andReturn();
            assertThat(refused.getResponse().getStatus()).as(slug).isEqualTo(400);
            assertThat(Html.parse(refused).selectFirst("#slug-error").text())
                    .as(slug)
                    .startsWith("Use lower-case letters, digits, dashes and dots");
        }
        MvcResult file = mvc.perform(Forms.post("/cycles", newCycle("notes.md")).with(user(admin)))
                .andReturn();
        assertThat(Html.parse(file).selectFirst("#slug-error").text())
                .isEqualTo("An address cannot end in .md, .csv or .atom, which name files.");
    }

    @Test
    void mistakesAreExplainedBesideTheirFieldsAndNothingIsStored() throws Exception {
        Map<String, List<String>> bad = Forms.with(
                newCycle("x"), "slug", "Not A Slug", "endsOn", "2016-01-01", "milestones[1].name", "Newton-2");

        MvcResult result =
                mvc.perform(Forms.post("/cycles", bad).with(user(admin))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        Document page = Html.parse(result);
        assertThat(page.selectFirst("#slug-error").text()).startsWith("Use lower-case letters");
        assertThat(page.selectFirst("#endsOn-error").text()).isEqualTo("A cycle ends after it starts.");
        assertThat(page.select(".field-error").eachText()).contains("Give this milestone a date.");
        assertThat(page.selectFirst("input#name").val()).isEqualTo("Newton x");
        assertThat(cycles.findBySlug("Not A Slug")).isEmpty();
    }

    @Test
    void anAddressAlreadyTakenIsRefused() throws Exception {
        MvcResult result = mvc.perform(Forms.post("/cycles", newCycle("mitaka")).with(user(admin)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(result).selectFirst("#slug-error").text())
                .isEqualTo("Another cycle already uses the address /cycles/mitaka.");
    }

    @Test
    void editingMilestonesKeepsTheOnesLeftAndDropsTheCleared() throws Exception {
        mvc.perform(Forms.post("/cycles", newCycle("ocata")).with(user(admin)));
        Document form = Html.parse(
                mvc.perform(get("/cycles/ocata/edit").with(user(admin))).andReturn());
        Map<String, List<String>> values = Forms.with(
                Forms.values(form, "form[action=/cycles/ocata]"),
                "milestones[0].dueOn",
                "2016-06-09",
                "milestones[1].name",
                "Ocata-2",
                "milestones[1].dueOn",
                "2016-07-14");

        mvc.perform(Forms.post("/cycles/ocata", values).with(user(admin)));

        Cycle ocata = cycles.findWithMilestones("ocata").orElseThrow();
        assertThat(ocata.getMilestones())
                .extracting(Milestone::getName, Milestone::getDueOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Newton-1", LocalDate.of(2016, 6, 9)),
                        org.assertj.core.groups.Tuple.tuple("Ocata-2", LocalDate.of(2016, 7, 14)));
    }

    @Test
    void aStaleSaveGetsTheConflictPage() throws Exception {
        mvc.perform(Forms.post("/cycles", newCycle("pike")).with(user(admin)));
        Document form = Html.parse(
                mvc.perform(get("/cycles/pike/edit").with(user(admin))).andReturn());
        Map<String, List<String>> values = Forms.values(form, "form[action=/cycles/pike]");
        mvc.perform(Forms.post("/cycles/pike", Forms.with(values, "summit", "Boston"))
                .with(user(admin)));

        MvcResult stale = mvc.perform(Forms.post("/cycles/pike", Forms.with(values, "summit", "Barcelona"))
                        .with(user(admin)))
                .andReturn();

        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(Html.texts(Html.parse(stale), "td.yours")).contains("Barcelona");
        assertThat(cycles.findBySlug("pike").orElseThrow().getSummit()).isEqualTo("Boston");
    }

    @Test
    void aCycleWithCommitmentsCannotBeDeletedAndSaysWhy() throws Exception {
        MvcResult refused = mvc.perform(
                        Forms.post("/cycles/mitaka/delete", Map.of()).with(user(admin)))
                .andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(Html.parse(refused).selectFirst(".flash-error").text())
                .startsWith("Mitaka still has")
                .endsWith("commitments; move, carry over or delete them before deleting the cycle.");
        assertThat(cycles.findBySlug("mitaka")).isPresent();
    }

    @Test
    void anEmptyCycleIsDeletedAfterConfirmation() throws Exception {
        mvc.perform(Forms.post("/cycles", newCycle("queens")).with(user(admin)));
        Document confirm = Html.parse(
                mvc.perform(get("/cycles/queens/delete").with(user(admin))).andReturn());
        assertThat(confirm.selectFirst("h1").text()).isEqualTo("Delete the Newton queens cycle?");

        MvcResult deleted = mvc.perform(
                        Forms.post("/cycles/queens/delete", Map.of()).with(user(admin)))
                .andReturn();

        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/cycles");
        assertThat(cycles.findBySlug("queens")).isEmpty();
    }

    @Test
    void editorsCannotOpenCycles(@Autowired UserDetailsService users) throws Exception {
        MvcResult result = mvc.perform(
                        Forms.post("/cycles", newCycle("rocky")).with(user(users.loadUserByUsername("owner-ed"))))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(cycles.findBySlug("rocky")).isEmpty();
    }
}
