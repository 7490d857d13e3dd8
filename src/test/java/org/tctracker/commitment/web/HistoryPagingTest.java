package org.tctracker.commitment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentDraft;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.LinkDraft;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.LinkState;
import org.tctracker.commitment.SpecLink;
import org.tctracker.commitment.Status;
import org.tctracker.commitment.WebAddress;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.support.Html;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.StatementCount;
import org.tctracker.support.Team;

/**
 * A commitment's history comes 50 saved changes a page, newest first, with a link to the older
 * ones; a page costs the same number of statements however long the history behind it is.
 */
@SpringBootTest
@AutoConfigureMockMvc
@OwnDatabase
@Import(StatementCount.Counting.class)
class HistoryPagingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    StatementCount statements;

    @Test
    void aLongHistoryIsPagedAndEachPageCostsTheSame(
            @Autowired CommitmentService service,
            @Autowired Cycles cycles,
            @Autowired AccountService accounts,
            @Autowired People people,
            @Autowired UserDetailsService users)
            throws Exception {
        Team team = new Team(accounts, people, users);
        var owner = team.assemble().get("owner-ed");
        TrackerUser chair = team.user("chair");
        Commitment commitment = service.create(
                chair,
                cycles.findBySlug("mitaka").orElseThrow().getId(),
                new CommitmentDraft("Edited a great deal", "", owner.getId(), List.of(), Status.IN_PROGRESS, null),
                List.of(new LinkDraft(
                        "Draft 0",
                        new WebAddress("https://etherpad.example.org/p/x"),
                        LinkKind.ETHERPAD,
                        LinkState.DRAFT)));
        String address = "/commitments/" + commitment.getId() + "/history";
        long young = statementsFor(address);

        long linkId = commitment.getLinks().get(0).getId();
        for (int edit = 1; edit <= 130; edit++) {
            SpecLink link = service.linkOf(commitment.getId(), linkId);
            service.updateLink(
                    chair,
                    commitment.getId(),
                    linkId,
                    link.getVersion(),
                    new LinkDraft(
                            "Draft " + edit,
                            new WebAddress("https://etherpad.example.org/p/x"),
                            LinkKind.ETHERPAD,
                            LinkState.DRAFT));
        }

        long newestCost = statementsFor(address);
        Document newest = page(address);
        assertThat(newest.select("ol.history > li")).hasSize(50);
        assertThat(newest.select("ol.history > li").first().text()).contains("Draft 129", "Draft 130");
        String older = newest.selectFirst("a:contains(Older changes)").attr("href");

        Document second = page(older);
        assertThat(second.select("ol.history > li")).hasSize(50);
        assertThat(second.select("ol.history > li").first().text()).contains("Draft 79", "Draft 80");
        String oldest = second.selectFirst("a:contains(Older changes)").attr("href");
        long oldestCost = statementsFor(oldest);

        Document third = page(oldest);
        assertThat(third.select("ol.history > li"))
                .as("30 more edits, and the commitment and its link as they were made")
                .hasSize(32);
        assertThat(third.select("a:contains(Older changes)")).isEmpty();
        assertThat(third.select("a:contains(Newest changes)")).hasSize(1);
        assertThat(third.select("ol.history > li").last().text()).contains("created");

        assertThat(newestCost)
                .as("statements for the newest page of 131 saves and of 1 save")
                .isEqualTo(young);
        assertThat(oldestCost).isEqualTo(young);
    }

    private long statementsFor(String address) throws Exception {
        statements.reset();
        mvc.perform(get(address).header("Cookie", "SESSION=none")).andExpect(status().isOk());
        return statements.get();
    }

    private Document page(String address) throws Exception {
        return Html.parse(mvc.perform(get(address)).andExpect(status().isOk()).andReturn());
    }
}
