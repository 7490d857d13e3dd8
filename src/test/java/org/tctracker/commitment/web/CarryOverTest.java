package org.tctracker.commitment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentDraft;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.Commitments;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.support.Forms;
import org.tctracker.support.Html;
import org.tctracker.support.Team;

/** Mitaka's unfinished work moves on to the next cycle, links and all; finished work stays. */
@SpringBootTest(properties = "tracker.test-context=carry-over")
@AutoConfigureMockMvc
class CarryOverTest {

    @Autowired
    MockMvc mvc;

    @Test
    void exactlyTheOpenCommitmentsAndTheirLinksMoveOnOnce(
            @Autowired AccountService accounts,
            @Autowired People people,
            @Autowired UserDetailsService users,
            @Autowired CommitmentService service,
            @Autowired Commitments commitments,
            @Autowired Cycles cycles)
            throws Exception {
        Team team = new Team(accounts, people, users);
        team.assemble();
        TrackerUser admin = team.user("chair");
        Cycle mitaka = cycles.findBySlug("mitaka").orElseThrow();
        cycles.save(new Cycle("newton", "Newton", "Austin", LocalDate.of(2016, 4, 11), LocalDate.of(2016, 10, 6)));
        List<Commitment> original = commitments.findByCycleInOrder(mitaka.getId());
        close(service, admin, original.get(1), Status.DONE);
        close(service, admin, original.get(2), Status.DROPPED);

        MvcResult result = mvc.perform(Forms.post("/cycles/mitaka/carry-over", Map.of("to", List.of("newton")))
                        .with(user(admin)))
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/cycles/newton");
        assertThat(result.getFlashMap().get("flash")).isEqualTo("Carried 7 open commitments over to Newton.");
        long newton = cycles.findBySlug("newton").orElseThrow().getId();
        List<Commitment> carried = commitments.findByCycleInOrder(newton);
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

        MvcResult again = mvc.perform(Forms.post("/cycles/mitaka/carry-over", Map.of("to", List.of("newton")))
                        .with(user(admin)))
                .andReturn();
        assertThat(again.getFlashMap().get("flash").toString()).startsWith("Nothing to carry over");
        assertThat(commitments.findByCycleInOrder(newton)).hasSize(7);
    }

    private static void close(CommitmentService service, TrackerUser admin, Commitment commitment, Status status) {
        Commitment current = service.get(commitment.getId());
        service.update(
                admin,
                current.getId(),
                current.getVersion(),
                new CommitmentDraft(
                        current.getTitle(),
                        current.getSummary(),
                        current.getOwner().getId(),
                        List.of(),
                        status,
                        current.getTargetDate()));
    }
}
