package org.tctracker.commitment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CheckIn;
import org.tctracker.commitment.CheckIns;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentDraft;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.support.Forms;
import org.tctracker.support.Html;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.Team;

/**
 * A check-in on one commitment. The tracker runs in Sydney's zone here, so its weeks start at
 * Monday 00:00 Sydney time, not UTC.
 */
@SpringBootTest(properties = "tracker.zone=Australia/Sydney")
@OwnDatabase
@AutoConfigureMockMvc
@Import(MutableClock.InMitaka.class)
class CheckInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    CommitmentService commitments;

    @Autowired
    CheckIns checkIns;

    Team team;
    TrackerUser owner;

    @BeforeEach
    void team(@Autowired AccountService accounts, @Autowired People people, @Autowired UserDetailsService users) {
        team = new Team(accounts, people, users);
        team.assemble();
        owner = team.user("owner-ed");
    }

    Commitment fresh(String title, @Autowired Cycles cycles) {
        return commitments.create(
                team.user("chair"),
                cycles.findBySlug("mitaka").orElseThrow().getId(),
                new CommitmentDraft(
                        title, "", team.assemble().get("owner-ed").getId(), List.of(), Status.NOT_STARTED, null));
    }

    MvcResult checkIn(long id, String status, String note, String percent) throws Exception {
        return mvc.perform(Forms.post(
                                "/commitments/" + id + "/check-ins",
                                Map.of(
                                        "status", List.of(status),
                                        "note", List.of(note),
                                        "percentDone", List.of(percent)))
                        .with(user(owner)))
                .andReturn();
    }

    @Test
    void sundayNightAndMondayMorningInTheTrackersZoneAreDifferentWeeks(@Autowired Cycles cycles) throws Exception {
        Commitment commitment = fresh("Week boundary", cycles);

        clock.set(LocalDateTime.of(2015, 11, 15, 23, 59));
        MvcResult sunday = checkIn(commitment.getId(), "IN_PROGRESS", "Sunday night", "");
        clock.set(LocalDateTime.of(2015, 11, 16, 0, 0));
        MvcResult monday = checkIn(commitment.getId(), "BLOCKED", "Monday morning", "");

        assertThat(sunday.getFlashMap().get("flash")).isEqualTo("Checked in for 2015-W46.");
        assertThat(monday.getFlashMap().get("flash")).isEqualTo("Checked in for 2015-W47.");
        assertThat(checkIns.findByCommitment(commitment.getId()))
                .extracting(c -> c.getWeek().toString(), CheckIn::getCheckedOn, CheckIn::getNote)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2015-W47", LocalDate.of(2015, 11, 16), "Monday morning"),
                        org.assertj.core.groups.Tuple.tuple("2015-W46", LocalDate.of(2015, 11, 15), "Sunday night"));
        assertThat(commitments.get(commitment.getId()).getStatus()).isEqualTo(Status.BLOCKED);
    }

    @Test
    void aSecondCheckInInTheSameWeekAmendsItAndHistoryKeepsTheFirstText(@Autowired Cycles cycles) throws Exception {
        Commitment commitment = fresh("Amend within a week", cycles);
        clock.set(LocalDateTime.of(2015, 11, 17, 9, 0));
        checkIn(commitment.getId(), "IN_PROGRESS", "Drafted the spec", "20");
        clock.set(LocalDateTime.of(2015, 11, 19, 17, 0));

        Document form = Html.parse(mvc.perform(get("/commitments/" + commitment.getId() + "/check-ins/new")
                        .with(user(owner)))
                .andReturn());
        assertThat(form.selectFirst("textarea#note").text()).isEqualTo("Drafted the spec");
        assertThat(form.text()).contains("This week already has a check-in; saving amends it.");
        checkIn(commitment.getId(), "IN_PROGRESS", "Spec up for review", "40");

        assertThat(checkIns.findByCommitment(commitment.getId()))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.getNote()).isEqualTo("Spec up for review");
                    assertThat(c.getPercentDone()).isEqualTo(40);
                    assertThat(c.getCheckedOn()).isEqualTo(LocalDate.of(2015, 11, 19));
                });
        Document history = Html.parse(mvc.perform(get("/commitments/" + commitment.getId() + "/history"))
                .andReturn());
        assertThat(Html.texts(history, ".field-change"))
                .contains("note: Drafted the spec → Spec up for review", "percent done: 20% → 40%");
    }

    @Test
    void aCheckInNeedsANoteAndASensiblePercentage(@Autowired Cycles cycles) throws Exception {
        Commitment commitment = fresh("Validated check-in", cycles);

        MvcResult blank = checkIn(commitment.getId(), "DONE", "   ", "");
        MvcResult tooMuch = checkIn(commitment.getId(), "DONE", "Finished", "101");
        MvcResult notANumber = checkIn(commitment.getId(), "DONE", "Finished", "lots");
        MvcResult tooLong = checkIn(commitment.getId(), "DONE", "n".repeat(5001), "");

        assertThat(blank.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(blank).selectFirst("#note-error").text())
                .isEqualTo("Say in a line what happened this week.");
        assertThat(Html.parse(tooMuch).selectFirst("#percentDone-error").text())
                .isEqualTo("Give a percentage from 0 to 100, or leave it empty.");
        assertThat(Html.parse(notANumber).selectFirst("#percentDone-error").text())
                .isEqualTo("Enter a whole number.");
        assertThat(Html.parse(tooLong).selectFirst("#note-error").text())
                .isEqualTo("Keep the note to 5000 characters.");
        assertThat(Html.parse(tooMuch).selectFirst("textarea#note").text()).isEqualTo("Finished");
        assertThat(checkIns.findByCommitment(commitment.getId())).isEmpty();
        assertThat(commitments.get(commitment.getId()).getStatus()).isEqualTo(Status.NOT_STARTED);
    }

    @Test
    void theCommitmentPageShowsTheTimelineWithTheCheckedInWeeks(@Autowired Cycles cycles) throws Exception {
        // Made in the cycle's first week, so its timeline starts there.
        clock.set(LocalDateTime.of(2015, 10, 20, 9, 0));
        Commitment commitment = fresh("Timeline target", cycles);
        clock.set(LocalDateTime.of(2015, 11, 3, 9, 0));
        checkIn(commitment.getId(), "IN_PROGRESS", "Started", "");
        clock.set(LocalDateTime.of(2015, 11, 12, 9, 0));
        checkIn(commitment.getId(), "BLOCKED", "Waiting on the Board", "");

        Document page = Html.parse(
                mvc.perform(get("/commitments/" + commitment.getId())).andReturn());

        assertThat(Html.texts(page, "ol.timeline li .visually-hidden"))
                .containsExactly(
                        "2015-W43 (R-24): Not started, no check-in",
                        "2015-W44 (R-23): Not started, no check-in; Tokyo summit",
                        "2015-W45 (R-22): In progress, checked in",
                        "2015-W46 (R-21): Blocked, checked in");
        assertThat(Html.texts(page, ".check-ins .note")).containsExactly("Waiting on the Board", "Started");
    }
}
