package org.tctracker.goal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.backup.DataTransfer;
import org.tctracker.people.People;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.Team;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An export carries the teams and the goals row by row; importing it brings back the same records. */
@SpringBootTest
@OwnDatabase
@Import(MutableClock.InMitaka.class)
class GoalsTransferTest {

    @Test
    void theTeamsAndEveryRowSurviveAnExportAndAnImport(
            @Autowired AccountService accounts,
            @Autowired People people,
            @Autowired UserDetailsService users,
            @Autowired Teams teams,
            @Autowired GoalMaking making,
            @Autowired Goals goals,
            @Autowired JdbcClient jdbc,
            @Autowired TransactionTemplate transactions)
            throws Exception {
        new Team(accounts, people, users).assemble();
        TrackerUser chair = (TrackerUser) users.loadUserByUsername("chair");
        teams.load(ProjectsFile.read(ProjectsFileTest.sample()).teams());
        List<String> repos =
                teams.get("oslo").repos().stream().map(ProjectsFile.Repo::name).toList();
        teams.revise(chair, "oslo", new Teams.TeamDraft("Oslo", "[oslo]", List.of("lifeless"), repos));
        making.save(chair, 3, new Goals.GoalDraft(true, Set.of(), "goal-py35", "Unit tests\nunder Python 3.5."));
        goals.setRow(
                chair,
                3,
                "documentation",
                new Goals.RowDraft(TeamState.NOT_APPLICABLE, "No Python code", null, null, true));
        goals.recordTopic(
                3,
                List.of(new Goals.TopicChange(
                        "openstack/elsewhere", 7, "MERGED", "https://review.opendev.org/c/openstack/elsewhere/+/7")),
                java.time.Instant.parse("2015-11-12T12:00:00Z"));
        DataTransfer transfer = new DataTransfer(jdbc);
        ObjectNode exported = transfer.export(false);

        assertThat(exported.path("teams")).hasSize(4);
        assertThat(exported.path("teamRepos")).hasSize(8);
        assertThat(exported.path("teamMembers")).hasSize(1);
        assertThat(exported.path("goals").get(0).path("criteria").asString())
                .isEqualTo("Unit tests\nunder Python 3.5.");
        assertThat(exported.path("goalTeams")).hasSize(4);
        assertThat(exported.path("goalTeamEvents")).hasSize(5);
        assertThat(exported.path("goalUnownedRepos").get(0).path("repo").asString())
                .isEqualTo("openstack/elsewhere");
        assertThat(transfer.problemsWith(exported)).isEmpty();

        transfer.load(exported, transactions);

        JsonNode again = transfer.export(false);
        for (String section : List.of(
                "teams", "teamRepos", "teamMembers", "goals", "goalTeams", "goalTeamEvents", "goalUnownedRepos")) {
            assertThat(again.path(section)).as(section).isEqualTo(exported.path(section));
        }
        assertThat(goals.board(3, java.time.LocalDate.of(2015, 11, 12))
                        .orElseThrow()
                        .counts())
                .containsEntry(TeamState.NOT_APPLICABLE, 1)
                .containsEntry(TeamState.NOT_STARTED, 3);
    }

    @Test
    void aFileWhoseRowsNameTeamsOrGoalsItDoesNotHoldIsRefused(@Autowired JdbcClient jdbc) {
        DataTransfer transfer = new DataTransfer(jdbc);
        ObjectNode document = transfer.export(false);
        document.putArray("goalTeams")
                .addObject()
                .put("goalId", 3)
                .put("teamId", 77)
                .put("state", "DONE")
                .put("byHand", true)
                .put("updatedBy", "chair")
                .put("updatedAt", "2015-11-12T12:00:00Z")
                .put("planningUrl", "javascript:alert(1)");

        assertThat(transfer.problemsWith(document))
                .containsExactly("goalTeams[0].planningUrl: Only http:// and https:// addresses are allowed.");
        // The references are checked once every value is well formed.
        ((ObjectNode) document.path("goalTeams").get(0)).put("planningUrl", "https://example.org/plan");
        assertThat(transfer.problemsWith(document))
                .containsExactly(
                        "goalTeams[0].goalId: 3 is not in the file", "goalTeams[0].teamId: 77 is not in the file");
    }
}
