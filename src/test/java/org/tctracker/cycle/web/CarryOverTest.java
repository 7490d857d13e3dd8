package org.tctracker.cycle.web;

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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CheckInDraft;
import org.tctracker.commitment.CheckInService;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.Commitments;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.support.Edits;
import org.tctracker.support.Forms;
import org.tctracker.support.Html;
import org.tctracker.support.MutableClock;
import org.tctracker.support.Team;

/**
 * Unfinished work is pulled into a cycle that has not finished, after a page that lists exactly
 * what will be copied; a line of work is never copied twice into one cycle, however it travels;
 * a mistaken carry-over is taken back in one step.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClock.InMitaka.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class CarryOverTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    CommitmentService service;

    @Autowired
    Commitments commitments;

    @Autowired
    Cycles cycles;

    TrackerUser admin;
    Team team;
    Cycle mitaka;
    Cycle newton;
    List<Commitment> original;

    @BeforeEach
    void cycles(@Autowired AccountService accounts, @Autowired People people, @Autowired UserDetailsService users) {
        team = new Team(accounts, people, users);
        team.assemble();
        admin = team.user("chair");
        mitaka = cycles.findBySlug("mitaka").orElseThrow();
        newton = cycles.save(
                new Cycle("newton", "Newton", "Austin", LocalDate.of(2016, 4, 11), LocalDate.of(2016, 10, 6)));
        original = commitments.findByCycleInOrder(mitaka.getId());
        close(original.get(1), Status.DONE);
        close(original.get(2), Status.DROPPED);
    }

    @Test
    void exactlyTheOpenCommitmentsAndTheirLinksMoveOnOnce() throws Exception {
        Document plan = Html.parse(mvc.perform(
                        get("/cycles/newton/carry-over").param("from", "mitaka").with(user(admin)))
                .andReturn());
        assertThat(plan.selectFirst("h2").text()).isEqualTo("7 commitments will be copied from Mitaka");
        assertThat(Html.texts(plan, "table.carry-over-plan tbody tr td:first-child"))
                .containsExactly("1", "4", "5", "6", "7", "8", "9");
        assertThat(commitments.findByCycleInOrder(newton.getId()))
                .as("the page copies nothing")
                .isEmpty();

        MvcResult result = carry("mitaka", "newton");

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/cycles/newton");
        assertThat(result.getFlashMap().get("flash")).isEqualTo("Carried 7 open commitments over from Mitaka.");
        List<Commitment> carried = commitments.findByCycleInOrder(newton.getId());
        List<Commitment> open = original.stream()
                .filter(c -> c != original.get(1) && c != original.get(2))
                .toList();
        assertThat(carried)
                .extracting(Commitment::getTitle)
                .containsExactlyElementsOf(
                        open.stream().map(Commitment::getTitle).toList());
        assertThat(carried).extracting(Commitment::getPosition).containsExactly(1, 2, 3, 4, 5, 6, 7);
        for (int i = 0; i < open.size(); i++) {
            assertThat(commitments.findLinksOf(carried.get(i).getId()))
                    .extracting(l -> l.getTitle() + " " + l.getUrl() + " " + l.getKind() + " " + l.getState())
                    .containsExactlyElementsOf(
                            commitments.findLinksOf(open.get(i).getId()).stream()
                                    .map(l -> l.getTitle() + " " + l.getUrl() + " " + l.getKind() + " " + l.getState())
                                    .toList());
        }
        Document fifth = Html.parse(
                mvc.perform(get("/commitments/" + original.get(4).getId())).andReturn());
        assertThat(fifth.text()).contains("Carried over to Newton #3.");
        Document copy = Html.parse(
                mvc.perform(get("/commitments/" + carried.get(2).getId())).andReturn());
        assertThat(copy.text()).contains("Carried over from Mitaka #5.");
        assertThat(Html.texts(copy, "table.links tbody tr td:first-child")).hasSize(2);
        Document done = Html.parse(
                mvc.perform(get("/commitments/" + original.get(1).getId())).andReturn());
        assertThat(done.text()).doesNotContain("Carried over to");

        Document again = Html.parse(mvc.perform(
                        get("/cycles/newton/carry-over").param("from", "mitaka").with(user(admin)))
                .andReturn());
        assertThat(again.selectFirst("h2").text()).isEqualTo("Nothing to carry over from Mitaka");
        assertThat(again.select(".carry-over-skipped li"))
                .hasSize(7)
                .first()
                .satisfies(skip -> assertThat(skip.text()).endsWith("already carried over to Newton #1"));
        assertThat(carry("mitaka", "newton").getFlashMap().get("flash").toString())
                .startsWith("Nothing to carry over");
        assertThat(commitments.findByCycleInOrder(newton.getId())).hasSize(7);
    }

    @Test
    void roundTripsAndRepeatsNeverCopyALineOfWorkTwiceIntoACycle() throws Exception {
        carry("mitaka", "newton");
        carry("newton", "mitaka");
        carry("mitaka", "newton");
        carry("newton", "mitaka");

        assertThat(commitments.findByCycleInOrder(mitaka.getId())).hasSize(9);
        assertThat(commitments.findByCycleInOrder(newton.getId())).hasSize(7);
        Document plan = Html.parse(mvc.perform(
                        get("/cycles/mitaka/carry-over").param("from", "newton").with(user(admin)))
                .andReturn());
        assertThat(plan.select(".carry-over-skipped li").first().text())
                .isEqualTo(
                        "#1 Lead a TC conversation on what scaling means for OpenStack: its work came from Mitaka (#1)");

        // A third cycle: the chain Mitaka → Newton → Ocata is followed back, not just its last hop.
        Cycle ocata = cycles.save(
                new Cycle("ocata", "Ocata", "Barcelona", LocalDate.of(2016, 10, 10), LocalDate.of(2017, 2, 22)));
        carry("newton", "ocata");
        carry("ocata", "mitaka");
        carry("ocata", "newton");
        assertThat(commitments.findByCycleInOrder(ocata.getId())).hasSize(7);
        assertThat(commitments.findByCycleInOrder(mitaka.getId())).hasSize(9);
        assertThat(commitments.findByCycleInOrder(newton.getId())).hasSize(7);

        // Deleting the copy in the middle hands its place on: Mitaka's work is still known to be in Ocata.
        Commitment middle = service.get(
                commitments.findByCycleInOrder(newton.getId()).get(0).getId());
        service.delete(admin, middle.getId(), middle.getVersion());
        assertThat(service.get(original.get(0).getId())
                        .getCarriedTo()
                        .getCycle()
                        .getSlug())
                .isEqualTo("ocata");
        carry("mitaka", "ocata");
        assertThat(commitments.findByCycleInOrder(ocata.getId())).hasSize(7);
    }

    @Test
    void workIsNeverCarriedIntoAFinishedCycle() throws Exception {
        clock.set(LocalDateTime.of(2016, 5, 2, 9, 0));

        Document dashboard =
                Html.parse(mvc.perform(get("/cycles/mitaka").with(user(admin))).andReturn());
        assertThat(dashboard.select("a[href='/cycles/mitaka/carry-over']")).isEmpty();
        assertThat(Html.parse(mvc.perform(get("/cycles/newton").with(user(admin)))
                                .andReturn())
                        .select("a[href='/cycles/newton/carry-over']"))
                .hasSize(1);
        Document page = Html.parse(
                mvc.perform(get("/cycles/mitaka/carry-over").with(user(admin))).andReturn());
        assertThat(page.selectFirst(".flash-error").text())
                .isEqualTo("Mitaka has finished; work is carried into a cycle that is under way or still to come.");
        assertThat(page.select("form[method=post]").stream()
                        .filter(f -> f.attr("action").contains("carry-over"))
                        .toList())
                .isEmpty();

        MvcResult refused = carry("newton", "mitaka");
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(commitments.findByCycleInOrder(mitaka.getId())).hasSize(9);
    }

    @Test
    void aMistakenCarryOverIsUndoneInOneStepUntilSomeoneChecksInOnACopy(@Autowired CheckInService checkIns)
            throws Exception {
        MvcResult carried = carry("mitaka", "newton");
        assertThat(carried.getFlashMap().get("undoCarryOver")).isEqualTo("mitaka");
        // The redirect lands on the cycle's page, which offers to take the carry-over back.
        Document dashboard = Html.parse(mvc.perform(get(carried.getResponse().getRedirectedUrl())
                        .cookie(carried.getResponse().getCookie("SESSION"))
                        .with(user(admin)))
                .andReturn());
        assertThat(dashboard.select("form[action='/cycles/newton/carry-over/undo'] button"))
                .singleElement()
                .satisfies(button -> assertThat(button.text()).isEqualTo("Undo the carry-over"));

        MvcResult undone = mvc.perform(Forms.post("/cycles/newton/carry-over/undo", Map.of("from", List.of("mitaka")))
                        .with(user(admin)))
                .andReturn();

        assertThat(undone.getFlashMap().get("flash"))
                .isEqualTo("Undone: removed the 7 copies carried over from Mitaka.");
        assertThat(commitments.findByCycleInOrder(newton.getId())).isEmpty();
        assertThat(commitments.findByCycleInOrder(mitaka.getId()))
                .hasSize(9)
                .allSatisfy(c -> assertThat(c.getCarriedTo()).isNull());
        assertThat(Html.parse(mvc.perform(get("/commitments/" + original.get(4).getId()))
                                .andReturn())
                        .text())
                .doesNotContain("Carried over to");

        carry("mitaka", "newton");
        Commitment copy = commitments.findByCycleInOrder(newton.getId()).get(0);
        checkIns.record(admin, new CheckInDraft(copy.getId(), Status.IN_PROGRESS, "Picked up in Newton", null));
        Document page = Html.parse(
                mvc.perform(get("/cycles/newton/carry-over").with(user(admin))).andReturn());
        assertThat(page.selectFirst(".carried-in li").text())
                .isEqualTo("From Mitaka: 7 commitments (cannot be undone: someone has checked in on the copies since)");
        MvcResult refused = mvc.perform(Forms.post("/cycles/newton/carry-over/undo", Map.of("from", List.of("mitaka")))
                        .with(user(admin)))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(commitments.findByCycleInOrder(newton.getId())).hasSize(7);
    }

    @Test
    void copiesAreNotStaleTheDayTheyAreCarriedIn() throws Exception {
        // A cycle under way since January takes Mitaka's long-quiet open work in May.
        clock.set(LocalDateTime.of(2016, 5, 2, 9, 0));
        Cycle juno = cycles.save(
                new Cycle("2016.1-juno", "2016.1 Juno", null, LocalDate.of(2016, 1, 4), LocalDate.of(2016, 9, 30)));
        carry("mitaka", "2016.1-juno");

        Document page = Html.parse(mvc.perform(get("/cycles/2016.1-juno")).andReturn());

        assertThat(page.select("table.commitments tbody tr")).hasSize(7);
        assertThat(page.select("table.commitments .stale")).isEmpty();
        assertThat(page.selectFirst(".stale-count strong").text()).isEqualTo("0");
        clock.set(LocalDateTime.of(2016, 5, 10, 9, 0));
        assertThat(Html.parse(mvc.perform(get("/cycles/2016.1-juno")).andReturn())
                        .selectFirst(".stale-count strong")
                        .text())
                .isEqualTo("7");
        assertThat(juno.getName()).isEqualTo("2016.1 Juno");
    }

    private MvcResult carry(String from, String into) throws Exception {
        return mvc.perform(Forms.post("/cycles/" + into + "/carry-over", Map.of("from", List.of(from)))
                        .with(user(admin)))
                .andReturn();
    }

    private void close(Commitment commitment, Status status) {
        Edits.setStatus(service, admin, commitment.getId(), status);
    }
}
