package org.tctracker.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.tctracker.commitment.CheckIns;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.Commitments;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.support.GeneratedCycle;
import org.tctracker.support.Html;
import org.tctracker.support.StatementCount;

/**
 * Every page reads what it shows in a fixed number of SQL statements, however many commitments,
 * links and check-ins there are. The data set here is several times Mitaka's size. The lists of
 * cycles and people, and a person's page, take one statement more than they did when they read the
 * commitments' table themselves: they now ask the commitments module for its counts. The dashboard
 * and a commitment's page take one more again: they ask the goals which of their commitments are
 * tracked team by team.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(StatementCount.Counting.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryBudgetTest {

    static final int COMMITMENTS = 40;
    static final int LINKS_EACH = 5;
    static final int CHECK_INS_EACH = 20;

    @Autowired
    MockMvc mvc;

    @Autowired
    StatementCount statements;

    GeneratedCycle generated;

    @BeforeAll
    void generate(
            @Autowired TransactionTemplate tx,
            @Autowired Cycles cycles,
            @Autowired People people,
            @Autowired Commitments commitments,
            @Autowired CheckIns checkIns) {
        LocalDate today = LocalDate.now();
        generated = GeneratedCycle.create(
                tx,
                cycles,
                people,
                commitments,
                checkIns,
                "now",
                today.minusWeeks(CHECK_INS_EACH + 1),
                today.plusWeeks(4),
                COMMITMENTS,
                LINKS_EACH,
                CHECK_INS_EACH);
    }

    @Test
    void dashboardOfTheCurrentCycle() throws Exception {
        Document page = pageWithin(6, "/");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Generated now cycle");
        assertThat(page.select("table.commitments tbody tr")).hasSize(COMMITMENTS);
        assertThat(Html.texts(page, "table.commitments tbody tr td:nth-child(6)"))
                .containsOnly(String.valueOf(LINKS_EACH));
    }

    @Test
    void filteredDashboardOfANamedCycle() throws Exception {
        Document page = pageWithin(6, "/cycles/now?status=open&owner=now-nick-1");
        assertThat(page.select("table.commitments tbody tr")).isNotEmpty();
    }

    @Test
    void commitmentPage() throws Exception {
        Commitment commitment = generated.commitments().get(7);
        Document page = pageWithin(7, "/commitments/" + commitment.getId());
        assertThat(page.select("table.links tbody tr")).hasSize(LINKS_EACH);
        assertThat(page.select(".check-ins > li")).hasSize(CHECK_INS_EACH);
        assertThat(page.select(".facts dd").get(1).select("a")).hasSize(2);
    }

    @Test
    void aCommitmentPageReadAgainReadsOnlyTheCommitmentAndTheRecordsVersion() throws Exception {
        String address = "/commitments/" + generated.commitments().get(9).getId();
        var signedIn = get(address)
                .cookie(new jakarta.servlet.http.Cookie("SESSION", "not-kept"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        "reader"));
        Document first =
                Html.parse(mvc.perform(signedIn).andExpect(status().isOk()).andReturn());
        statements.reset();
        Document again =
                Html.parse(mvc.perform(signedIn).andExpect(status().isOk()).andReturn());

        // (This request has no stored session, so it starts one: those statements are the session's.)
        assertThat(statements.texts().stream().filter(sql -> !sql.contains("SPRING_SESSION")))
                .as("SQL statements run to render it again")
                .hasSize(2)
                .anyMatch(sql -> sql.contains("FROM REVISION"))
                .anyMatch(sql -> sql.contains("FROM COMMITMENT"));
        assertThat(again.select("table.links tbody tr")).hasSize(LINKS_EACH);
        assertThat(again.select(".check-ins > li")).hasSize(CHECK_INS_EACH);
        assertThat(again.select("main").outerHtml())
                .isEqualTo(first.select("main").outerHtml());
    }

    @Test
    void cyclesList() throws Exception {
        Document page = pageWithin(3, "/cycles");
        assertThat(page.select("tbody tr")).hasSize(2);
    }

    @Test
    void peopleList() throws Exception {
        Document page = pageWithin(3, "/people");
        assertThat(page.select("tbody tr")).hasSize(7);
    }

    @Test
    void personPage() throws Exception {
        int member = 1;
        long held = java.util.stream.IntStream.rangeClosed(1, COMMITMENTS)
                .filter(n -> n % 6 == member || (n + 1) % 6 == member || (n + 2) % 6 == member)
                .count();
        Document page =
                pageWithin(4, "/people/" + generated.people().get(member).getId());
        assertThat(page.select("tbody tr")).hasSize((int) held);
        assertThat(Html.texts(page, "tbody tr td:nth-child(4)")).contains("Owner", "Collaborator");
    }

    /**
     * Renders the page and counts every statement it took, Hibernate's and plain JDBC's alike
     * (the check of the records' version that every kept page makes included).
     */
    private Document pageWithin(int budget, String address) throws Exception {
        statements.reset();
        Document page =
                Html.parse(mvc.perform(get(address)).andExpect(status().isOk()).andReturn());
        assertThat(statements.get())
                .as("SQL statements run to render %s", address)
                .isBetween(1L, (long) budget);
        return page;
    }
}
