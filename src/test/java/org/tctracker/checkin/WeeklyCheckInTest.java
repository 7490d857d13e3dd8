package org.tctracker.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CheckIns;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.Commitments;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.support.Forms;
import org.tctracker.support.Html;
import org.tctracker.support.MutableClock;
import org.tctracker.support.Team;

/** The weekly routine: one form, a row per open commitment, one submit, all or nothing. */
@SpringBootTest(properties = "tracker.test-context=weekly-check-in")
@AutoConfigureMockMvc
@Import(MutableClock.InMitaka.class)
@Transactional
class WeeklyCheckInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CheckIns checkIns;

    @Autowired
    Commitments commitments;

    Team team;
    TrackerUser owner;
    List<Commitment> mitaka;

    @BeforeEach
    void team(
            @Autowired AccountService accounts,
            @Autowired People people,
            @Autowired UserDetailsService users,
            @Autowired Cycles cycles) {
        team = new Team(accounts, people, users);
        team.assemble();
        owner = team.user("owner-ed");
        mitaka = commitments.findByCycleInOrder(
                cycles.findBySlug("mitaka").orElseThrow().getId());
    }

    Document form(TrackerUser as) throws Exception {
        return Html.parse(
                mvc.perform(get("/cycles/mitaka/check-in").with(user(as))).andReturn());
    }

    MvcResult submit(Map<String, List<String>> values) throws Exception {
        return mvc.perform(Forms.post("/cycles/mitaka/check-in", values).with(user(owner)))
                .andReturn();
    }

    long checkInsInMitaka() {
        return mitaka.stream()
                .mapToLong(c -> checkIns.findByCommitment(c.getId()).size())
                .sum();
    }

    @Test
    void theOwnerGetsARowPerOpenCommitmentPrefilledWithItsStatus() throws Exception {
        Document page = form(owner);

        assertThat(page.select("fieldset.check-in-row")).hasSize(9);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Weekly check-in");
        assertThat(page.selectFirst("hgroup p").text()).isEqualTo("Mitaka · week 2015-W46 (R-21)");
        assertThat(page.selectFirst("select[name=rows[1].status] option[selected]")
                        .val())
                .isEqualTo("IN_PROGRESS");
        assertThat(form(team.user("other-ed")).select("fieldset.check-in-row")).isEmpty();
    }

    @Test
    void threeChangedRowsAreSavedTogetherAndUntouchedRowsSkipped() throws Exception {
        Map<String, List<String>> values = Forms.values(form(owner), "form[action=/cycles/mitaka/check-in]");
        values = Forms.with(
                values,
                "rows[0].status",
                "IN_PROGRESS",
                "rows[0].note",
                "Asked every PTL about scale",
                "rows[2].status",
                "DONE",
                "rows[2].note",
                "Reviewed the guidelines",
                "rows[4].note",
                "Colette is drafting the proposal",
                "rows[4].percentDone",
                "10");

        MvcResult result = submit(values);

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/cycles/mitaka");
        assertThat(result.getFlashMap().get("flash")).isEqualTo("Checked in on 3 commitments for 2015-W46.");
        assertThat(checkInsInMitaka()).isEqualTo(3);
        Document dashboard = Html.parse(mvc.perform(get("/")).andReturn());
        assertThat(Html.texts(dashboard, "table.commitments tbody tr td:nth-child(4)"))
                .startsWith("In progress", "In progress", "Done", "Not started", "Not started");
        assertThat(Html.texts(dashboard, "table.commitments tbody tr:nth-child(1) td:nth-child(5)"))
                .containsExactly("today");
    }

    @Test
    void oneBadRowSavesNothingAndEveryRowKeepsWhatWasTyped() throws Exception {
        Map<String, List<String>> values = Forms.values(form(owner), "form[action=/cycles/mitaka/check-in]");
        values = Forms.with(
                values,
                "rows[0].status",
                "IN_PROGRESS",
                "rows[0].note",
                "Asked every PTL about scale",
                "rows[3].status",
                "BLOCKED",
                "rows[3].note",
                "",
                "rows[5].note",
                "Found the HP Kafka folk",
                "rows[5].percentDone",
                "150");

        MvcResult result = submit(values);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        Document page = Html.parse(result);
        assertThat(page.selectFirst(".flash-error").text()).startsWith("Nothing was saved");
        assertThat(page.select("fieldset.check-in-row")
                        .get(3)
                        .selectFirst(".field-error")
                        .text())
                .isEqualTo("Say in a line what happened this week.");
        assertThat(page.select("fieldset.check-in-row")
                        .get(5)
                        .selectFirst(".field-error")
                        .text())
                .isEqualTo("Give a percentage from 0 to 100, or leave it empty.");
        assertThat(page.select("fieldset.check-in-row").get(0).select(".field-error"))
                .isEmpty();
        assertThat(page.selectFirst("textarea[name=rows[0].note]").text()).isEqualTo("Asked every PTL about scale");
        assertThat(page.selectFirst("select[name=rows[3].status] option[selected]")
                        .val())
                .isEqualTo("BLOCKED");
        assertThat(page.selectFirst("input[name=rows[5].percentDone]").val()).isEqualTo("150");
        assertThat(checkInsInMitaka()).isZero();
    }

    @Test
    void aRowForACommitmentThePersonMayNotUpdateIsRefused() throws Exception {
        MvcResult result = mvc.perform(Forms.post(
                                "/cycles/mitaka/check-in",
                                Map.of(
                                        "rows[0].commitmentId",
                                                List.of(String.valueOf(
                                                        mitaka.get(0).getId())),
                                        "rows[0].status", List.of("DONE"),
                                        "rows[0].note", List.of("Not mine to say")))
                        .with(user(team.user("other-ed"))))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(checkInsInMitaka()).isZero();
    }

    @Test
    void submittingWithoutChangesSavesNothing() throws Exception {
        MvcResult result = submit(Forms.values(form(owner), "form[action=/cycles/mitaka/check-in]"));

        assertThat(result.getFlashMap().get("flash")).isEqualTo("Nothing was changed, so nothing was saved.");
        assertThat(checkInsInMitaka()).isZero();
    }
}
