package org.tctracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tctracker.account.TrackerUser;
import org.tctracker.goal.ProjectsFile;
import org.tctracker.goal.Teams;
import org.tctracker.support.BrowserTest;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;

/**
 * The chair makes a commitment a goal for every team; an editor who belongs to Oslo marks Oslo's
 * row planned with a link; the goal's table, the dashboard and the week's digest show it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
@Import(MutableClock.InMitaka.class)
class GoalJourneyTest extends BrowserTest {

    @DynamicPropertySource
    static void noRefresh(DynamicPropertyRegistry registry) {
        registry.add("tracker.links.refresh-every", () -> "0");
    }

    @BeforeEach
    void teams(
            @Autowired Teams teams, @Autowired org.springframework.security.core.userdetails.UserDetailsService users)
            throws Exception {
        String file;
        try (var in = GoalJourneyTest.class.getResourceAsStream("/goal/projects.yaml")) {
            file = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        teams.load(ProjectsFile.read(file).teams());
        List<String> repos =
                teams.get("oslo").repos().stream().map(ProjectsFile.Repo::name).toList();
        teams.revise(
                (TrackerUser) users.loadUserByUsername("chair"),
                "oslo",
                new Teams.TeamDraft("Oslo", "[oslo]", List.of("lifeless"), repos));
    }

    @Test
    void anEditorMarksTheirTeamsRowPlannedAndTheGoalAndTheDigestShowIt() throws Exception {
        signIn("chair");
        open("/commitments/3");
        clickAndWait(browser.findElement(By.linkText("Track across teams")));
        find("#criteria").sendKeys("Every team's unit tests run under Python 3.5.");
        clickAndWait(find("form[action$='/goal'] button[type=submit]"));
        assertThat(find(".flash").getText()).isEqualTo("Now tracked team by team.");
        assertThat(find(".goal-progress").getText()).isEqualTo("0 of 4 teams done");

        browser.manage().deleteAllCookies();
        signIn("owner-ed");
        open("/goals/3");
        assertThat(findAll("table.goal-teams a[aria-label^=Update]"))
                .extracting(link -> link.getAttribute("aria-label"))
                .containsExactly("Update Oslo's row");
        clickAndWait(find("a[aria-label=\"Update Oslo's row\"]"));
        new Select(find("#state")).selectByVisibleText("Planned");
        find("#planningUrl").sendKeys("review.opendev.org/c/openstack/oslo-specs/+/300000");
        clickAndWait(find("form[action$='/teams/oslo'] button[type=submit]"));

        assertThat(find(".flash").getText()).isEqualTo("Saved Oslo's row.");
        assertThat(find("tr[data-team=oslo]").getText()).contains("Oslo", "Planned", "set by hand", "plan", "owner-ed");
        assertThat(find("tr[data-team=oslo] a[href*=oslo-specs]").getAttribute("href"))
                .isEqualTo("https://review.opendev.org/c/openstack/oslo-specs/+/300000");
        assertThat(accessibilityViolations()).isEmpty();

        clickAndWait(find("a[href='/goals/3?state=planned']"));
        assertThat(findAll("table.goal-teams tbody tr"))
                .extracting(row -> row.getAttribute("data-team"))
                .containsExactly("oslo");

        open("/cycles/mitaka");
        assertThat(find("a.across-teams[href='/goals/3']").getText()).isEqualTo("0 of 4 teams done");
        open("/cycles/mitaka/report?week=2015-W46");
        assertThat(find("main").getText()).contains("Goals, team by team", "Oslo: Planned (owner-ed)");
    }
}
