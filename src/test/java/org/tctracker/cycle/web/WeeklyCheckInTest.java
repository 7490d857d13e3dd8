package org.tctracker.cycle.web;

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
import org.tctracker.commitment.CheckInDraft;
import org.tctracker.commitment.CheckInService;
import org.tctracker.commitment.CheckIns;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentDraft;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.Commitments;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.support.Forms;
import org.tctracker.support.Html;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.Team;

/** The weekly routine: one form, a row per open commitment, one submit, all or nothing. */
@SpringBootTest
@OwnDatabase
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
    void anUntouchedMultiLineNoteSentBackWithBrowserLineEndsIsNotSavedAgain(@Autowired CheckInService service)
            throws Exception {
        service.record(
                owner, new CheckInDraft(mitaka.get(1).getId(), Status.BLOCKED, "Waiting on infra.\nPinged them.", 30));
        Map<String, List<String>> values = Forms.values(form(owner), "form[action=/cycles/mitaka/check-in]");
        values = Forms.with(values, "rows[1].note", "Waiting on infra.\r\nPinged them.");

        MvcResult result = submit(values);

        assertThat(result.getFlashMap().get("flash")).isEqualTo("Nothing was changed, so nothing was saved.");
        assertThat(checkIns.findByCommitment(mitaka.get(1).getId()))
                .singleElement()
                .satisfies(c -> assertThat(c.getAuthor()).isEqualTo("owner-ed"));
    }

    @Test
    void rowsArePrefilledWithTheCurrentStatusEvenAfterAnEditSinceTheCheckIn(
            @Autowired CheckInService service, @Autowired CommitmentService commitmentService) throws Exception {
        Commitment second = mitaka.get(1);
        service.record(owner, new CheckInDraft(second.getId(), Status.BLOCKED, "Blocked on review", null));
        Commitment current = commitmentService.get(second.getId());
        commitmentService.update(
                team.user("chair"),
                second.getId(),
                current.getVersion(),
                new CommitmentDraft(
                        current.getTitle(),
                        current.getSummary(),
                        current.getOwner().getId(),
                        List.of(),
                        Status.IN_PROGRESS,
                        null));

        Document page = form(owner);

        assertThat(page.selectFirst("select[name=rows[1].status] option[selected]")
                        .val())
                .isEqualTo("IN_PROGRESS");
        assertThat(page.selectFirst("textarea[name=rows[1].note]").text()).isEqualTo("Blocked on review");
    }

    @Test
    void aCheckInBySomeoneElseAfterTheFormWasOpenedIsNotOverwritten(@Autowired CheckInService service)
            throws Exception {
        Map<String, List<String>> values = Forms.values(form(owner), "form[action=/cycles/mitaka/check-in]");
        service.record(
                team.user("chair"), new CheckInDraft(mitaka.get(0).getId(), Status.BLOCKED, "Chair's note", null));

        MvcResult result = submit(Forms.with(
                values, "rows[0].status", "IN_PROGRESS", "rows[0].note", "My note", "rows[2].note", "Reviewed half"));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        Document page = Html.parse(result);
        assertThat(page.select("fieldset.check-in-row")
                        .get(0)
                        .selectFirst(".field-error")
                        .text())
                .startsWith("Someone else checked in on this since you opened the form (“Chair's note”)");
        assertThat(page.selectFirst("textarea[name=rows[2].note]").text()).isEqualTo("Reviewed half");
        assertThat(checkIns.findByCommitment(mitaka.get(0).getId()))
                .singleElement()
                .satisfies(c -> assertThat(c.getNote()).isEqualTo("Chair's note"));
        assertThat(checkIns.findByCommitment(mitaka.get(2).getId())).isEmpty();
    }

    @Test
    void aCommitmentClosedAfterTheFormWasOpenedIsMarkedInPlaceAndTheRestKept(
            @Autowired CommitmentService commitmentService) throws Exception {
        Map<String, List<String>> values = Forms.values(form(owner), "form[action=/cycles/mitaka/check-in]");
        Commitment fourth = commitmentService.get(mitaka.get(3).getId());
        commitmentService.update(
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

        MvcResult result = submit(Forms.with(
                values,
                "rows[0].note",
                "A long note about scaling that took a while to type",
                "rows[3].note",
                "Still discussing"));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        Document page = Html.parse(result);
        assertThat(page.select("fieldset.check-in-row")
                        .get(3)
                        .selectFirst(".field-error")
                        .text())
                .startsWith("Since you opened the form this commitment was closed");
        assertThat(page.selectFirst("textarea[name=rows[0].note]").text())
                .isEqualTo("A long note about scaling that took a while to type");
        assertThat(checkInsInMitaka()).isZero();
    }

    @Test
    void theSummaryOfARefusedSubmitUsesTheWordsBesideTheFields() throws Exception {
        Map<String, List<String>> values = Forms.values(form(owner), "form[action=/cycles/mitaka/check-in]");

        MvcResult result = submit(Forms.with(
                values, "rows[2].note", "Half reviewed", "rows[2].percentDone", "12.5", "rows[3].status", "DONE"));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        Document page = Html.parse(result);
        assertThat(Html.texts(page, ".error-summary a"))
                .containsExactly(
                        "#3 Review the app catalog's review guidelines for gaps: Enter a whole number.",
                        "#4 Rethink how minimum versions of requirements are raised: Say in a line what happened this week.");
        assertThat(page.select(".error-summary a").eachAttr("href"))
                .containsExactly("#rows2.percentDone", "#rows3.note");
        assertThat(page.selectFirst("[id='rows2.percentDone-error']").text()).isEqualTo("Enter a whole number.");
        assertThat(checkInsInMitaka()).isZero();
    }

    @Test
    void aRowCheckedInThisWeekOffersNoNoChangeAndKeepsItsNote(@Autowired CheckInService service) throws Exception {
        service.record(owner, new CheckInDraft(mitaka.get(1).getId(), Status.IN_PROGRESS, "Spec up for review", null));

        Document page = form(owner);

        assertThat(page.select("fieldset.check-in-row").get(1).select("input.no-change"))
                .isEmpty();
        assertThat(page.select("fieldset.check-in-row").get(0).select("input.no-change"))
                .hasSize(1);
        assertThat(page.selectFirst("textarea[name=rows[1].note]").text()).isEqualTo("Spec up for review");
    }

    @Test
    void aRowClosedByACheckInThisWeekStaysOnTheFormToBePutBack(@Autowired CheckInService service) throws Exception {
        service.record(owner, new CheckInDraft(mitaka.get(2).getId(), Status.DONE, "Reviewed them all", null));
        Map<String, List<String>> values = Forms.values(form(owner), "form[action=/cycles/mitaka/check-in]");
        assertThat(form(owner).select("fieldset.check-in-row")).hasSize(9);

        MvcResult result = submit(Forms.with(
                values, "rows[2].status", "IN_PROGRESS", "rows[2].note", "Ticked Done too soon: one section left"));

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/cycles/mitaka");
        assertThat(checkIns.findByCommitment(mitaka.get(2).getId()))
                .singleElement()
                .satisfies(c -> assertThat(c.getStatus()).isEqualTo(Status.IN_PROGRESS));
    }

    @Test
    void noChangeFillsTheRowInAndSavesNothingYet() throws Exception {
        Map<String, List<String>> values = Forms.values(form(owner), "form[action=/cycles/mitaka/check-in]");

        MvcResult result = mvc.perform(
                        Forms.post("/cycles/mitaka/check-in?noChange=1", values).with(user(owner)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        Document page = Html.parse(result);
        assertThat(page.selectFirst("textarea[name=rows[1].note]").text()).isEqualTo("No change.");
        assertThat(page.selectFirst("textarea[name=rows[1].note]").hasAttr("autofocus"))
                .isTrue();
        assertThat(page.selectFirst("select[name=rows[1].status] option[selected]")
                        .val())
                .isEqualTo("IN_PROGRESS");
        assertThat(page.selectFirst(".flash").text())
                .isEqualTo("#2 now says “No change.”; change it if you like, then save the week's check-ins.");
        assertThat(checkInsInMitaka()).isZero();
        assertThat(mvc.perform(Forms.post("/cycles/mitaka/check-in?noChange=99", values)
                                .with(user(owner)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
    }

    @Test
    void submittingWithoutChangesSavesNothing() throws Exception {
        MvcResult result = submit(Forms.values(form(owner), "form[action=/cycles/mitaka/check-in]"));

        assertThat(result.getFlashMap().get("flash")).isEqualTo("Nothing was changed, so nothing was saved.");
        assertThat(checkInsInMitaka()).isZero();
    }
}
