package org.tctracker.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CommitmentDraft;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.people.Person;
import org.tctracker.sources.TopicRefresh;
import org.tctracker.support.Forms;
import org.tctracker.support.Html;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.SourceServer;
import org.tctracker.support.SourceServer.Answer;
import org.tctracker.support.StatementCount;
import org.tctracker.support.Team;

/**
 * A community-wide goal: the teams of a projects.yaml, a row per team, the rows a Gerrit topic
 * fills (a local server plays Gerrit, paging its answer as Gerrit does), the rows people set by
 * hand, and what the goal's page, its spreadsheet, the team pages and the dashboard show.
 */
@SpringBootTest
@AutoConfigureMockMvc
@OwnDatabase
@Import({MutableClock.InMitaka.class, StatementCount.Counting.class})
class GoalsTest {

    static final SourceServer gerrit = new SourceServer();
    static final AtomicInteger made = new AtomicInteger();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("tracker.links.gerrit-servers", () -> gerrit.base() + "/gerrit");
        registry.add("tracker.links.refresh-every", () -> "0");
    }

    @AfterAll
    static void stop() {
        gerrit.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Teams teams;

    @Autowired
    GoalMaking making;

    @Autowired
    TopicRefresh topics;

    @Autowired
    CommitmentService commitments;

    @Autowired
    Cycles cycles;

    @Autowired
    MutableClock clock;

    @Autowired
    StatementCount statements;

    TrackerUser chair;
    TrackerUser osloMember;
    TrackerUser other;
    Person lifeless;
    Person helper;
    String topic;
    long goal;

    @BeforeEach
    void goal(@Autowired AccountService accounts, @Autowired People people, @Autowired UserDetailsService users)
            throws Exception {
        Team team = new Team(accounts, people, users);
        Map<String, Person> assembled = team.assemble();
        lifeless = assembled.get("owner-ed");
        helper = assembled.get("helper-ed");
        chair = team.user("chair");
        osloMember = team.user("owner-ed");
        other = team.user("other-ed");
        clock.set(LocalDateTime.of(2015, 11, 12, 10, 0));
        gerrit.forget();
        teams.load(ProjectsFile.read(ProjectsFileTest.sample()).teams());
        Teams.Team oslo = teams.get("oslo");
        teams.revise(
                chair,
                "oslo",
                new Teams.TeamDraft(
                        "Oslo",
                        "[oslo]",
                        List.of("lifeless"),
                        oslo.repos().stream().map(ProjectsFile.Repo::name).toList()));
        int n = made.incrementAndGet();
        topic = "goal-py35-" + n;
        goal = commitments
                .create(
                        chair,
                        cycles.findBySlug("mitaka").orElseThrow().getId(),
                        new CommitmentDraft(
                                "Support Python 3.5 (" + n + ")",
                                "",
                                lifeless.getId(),
                                List.of(),
                                Status.IN_PROGRESS,
                                null))
                .getId();
        // The four teams of the sample file; the query-budget test adds more and makes the goal everyone's.
        Set<Long> sample = new java.util.LinkedHashSet<>();
        for (String slug : List.of("compute", "oslo", "puppet-openstack", "documentation")) {
            sample.add(teams.get(slug).id());
        }
        making.save(chair, goal, new Goals.GoalDraft(false, sample, topic, "Unit tests pass under Python 3.5."));
    }

    static String change(String project, int number, String status, String extra) {
        return """
                {"id": "%1$s~master~I%2$d", "project": "%1$s", "branch": "master", "topic": "goal",
                 "change_id": "I%2$d", "subject": "Add py35 jobs", "status": "%3$s",
                 "created": "2016-05-02 10:12:47.000000000", "updated": "2016-05-09 09:12:47.000000000",
                 "mergeable": true, "insertions": 12, "deletions": 0, "_number": %2$d,
                 "owner": {"_account_id": 1000096}, "requirements": []%4$s}""".formatted(project, number, status, extra);
    }

    String page(int start) {
        return "/gerrit/changes/?q=topic%3A" + topic + "&n=100&S=" + start;
    }

    /** Two pages, as Gerrit pages them: the first page's last change says more follow. */
    void gerritAnswersTwoPages() {
        gerrit.answer(
                page(0),
                Answer.gerrit("[" + change("openstack/nova", 1001, "NEW", "") + ","
                        + change("openstack/python-novaclient", 1002, "MERGED", ", \"_more_changes\": true") + "]"));
        gerrit.answer(
                page(2),
                Answer.gerrit("[" + change("openstack/oslo.config", 1003, "MERGED", "") + ","
                        + change("openstack/oslo.messaging", 1004, "MERGED", "") + ","
                        + change("openstack/unknown-thing", 1005, "MERGED", "") + ","
                        + change("openstack/openstack-manuals", 1006, "ABANDONED", "") + "]"));
    }

    static String[] keysIn(Map<String, String> states, String state) {
        return states.entrySet().stream()
                .filter(e -> e.getValue().equals(state))
                .map(Map.Entry::getKey)
                .toArray(String[]::new);
    }

    Map<String, String> states(Document page) {
        Map<String, String> states = new java.util.LinkedHashMap<>();
        page.select("table.goal-teams tbody tr")
                .forEach(row -> states.put(row.attr("data-team"), row.attr("data-state")));
        return states;
    }

    @Test
    void theTopicReadOverTwoPagesSetsEachTeamsRowAndListsTheRepositoryNoTeamOwns() throws Exception {
        gerritAnswersTwoPages();

        TopicRefresh.Report report = topics.refresh();

        // Gerrit answers [] for a topic without changes; this one plays only this test's topic.
        assertThat(report.read()).extracting(TopicRefresh.Read::goalId).contains(goal);
        assertThat(report.failures()).extracting(TopicRefresh.Failure::goalId).doesNotContain(goal);
        assertThat(gerrit.requests()).contains(page(0), page(2));
        Document page = Html.parse(mvc.perform(get("/goals/" + goal)).andReturn());
        // The teams left first: the ones not started, then in progress, then done.
        assertThat(states(page))
                .containsExactly(
                        Map.entry("documentation", "NOT_STARTED"),
                        Map.entry("puppet-openstack", "NOT_STARTED"),
                        Map.entry("compute", "IN_PROGRESS"),
                        Map.entry("oslo", "DONE"));
        assertThat(page.selectFirst(".goal-progress").text()).isEqualTo("1 of 4 teams done");
        assertThat(page.selectFirst("tr[data-team=oslo] td:nth-of-type(3) a").attr("href"))
                .isEqualTo(gerrit.base() + "/gerrit/c/openstack/oslo.messaging/+/1004");
        assertThat(page.selectFirst("tr[data-team=compute] .source-words").text())
                .isEqualTo("Gerrit: 1 merged, 1 open");
        assertThat(page.selectFirst("tr[data-team=documentation] .source-words").text())
                .isEqualTo("Gerrit: 1 abandoned");
        assertThat(Html.texts(page, "#unowned-heading + p + ul li"))
                .containsExactly("openstack/unknown-thing 1 merged, 0 open");
        assertThat(Html.texts(page, "tr[data-team=oslo] td small")).contains("gerrit");
    }

    @Test
    void aRowSetByHandWinsOverTheTopicUntilItIsGivenBack() throws Exception {
        Document form = Html.parse(
                mvc.perform(get("/goals/" + goal + "/teams/oslo/edit").with(user(osloMember)))
                        .andReturn());
        var values = Forms.with(
                Forms.values(form, "form[action=/goals/" + goal + "/teams/oslo]"),
                "state",
                "PLANNED",
                "planningUrl",
                "https://review.opendev.org/c/openstack/oslo-specs/+/300000");
        assertThat(mvc.perform(Forms.post("/goals/" + goal + "/teams/oslo", values)
                                .with(user(osloMember)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        gerritAnswersTwoPages();
        topics.refresh();

        Document page = Html.parse(mvc.perform(get("/goals/" + goal)).andReturn());
        assertThat(states(page)).containsEntry("oslo", "PLANNED");
        assertThat(Html.texts(page, "tr[data-team=oslo] td small"))
                .contains("set by hand", "Gerrit: 2 merged", "owner-ed");
        assertThat(page.selectFirst("tr[data-team=oslo] td:nth-of-type(2) a").attr("href"))
                .isEqualTo("https://review.opendev.org/c/openstack/oslo-specs/+/300000");

        var giveBack = Forms.with(values, "byHand", "false");
        mvc.perform(Forms.post("/goals/" + goal + "/teams/oslo", giveBack).with(user(osloMember)));
        topics.refresh();
        assertThat(states(Html.parse(mvc.perform(get("/goals/" + goal)).andReturn())))
                .containsEntry("oslo", "DONE");
    }

    @Test
    void aSecondReaderOfTheGoalGetsTheKeptRowsAndOnlyTheirOwnUpdateLinks(
            @Autowired org.tctracker.system.KeptFragments fragments) throws Exception {
        Document member = Html.parse(
                mvc.perform(get("/goals/" + goal).with(user(osloMember))).andReturn());
        long renders = fragments.stats().renders();
        Document outsider =
                Html.parse(mvc.perform(get("/goals/" + goal).with(user(other))).andReturn());

        assertThat(fragments.stats().renders()).isEqualTo(renders);
        assertThat(member.select("tr[data-team=oslo] a:containsOwn(Update)")).hasSize(1);
        assertThat(outsider.select("tr[data-team=oslo] a:containsOwn(Update)")).isEmpty();
        assertThat(outsider.select("tr[data-team=oslo] > *:not(:last-child)").outerHtml())
                .isEqualTo(
                        member.select("tr[data-team=oslo] > *:not(:last-child)").outerHtml());
    }

    @Test
    void anonymousReadersGetTheKeptGoalPageUntilARowChanges(@Autowired org.tctracker.system.PageCache pages)
            throws Exception {
        Document first = Html.parse(mvc.perform(get("/goals/" + goal)).andReturn());
        long hits = pages.stats().hits();
        Document second = Html.parse(mvc.perform(get("/goals/" + goal)).andReturn());
        assertThat(pages.stats().hits()).isEqualTo(hits + 1);
        assertThat(second.select("table").outerHtml())
                .isEqualTo(first.select("table").outerHtml());

        gerritAnswersTwoPages();
        topics.refresh();

        Document after = Html.parse(mvc.perform(get("/goals/" + goal)).andReturn());
        assertThat(states(after)).isNotEqualTo(states(first)).containsEntry("oslo", "DONE");
        mvc.perform(get("/goals/" + goal + "?state=DONE"));
        Document done =
                Html.parse(mvc.perform(get("/goals/" + goal + "?state=DONE")).andReturn());
        assertThat(states(done)).isNotEmpty().containsOnlyKeys(keysIn(states(after), "DONE"));
    }

    @Test
    void onlyTheTeamsMembersAndAdminsMaySetItsRowAndBadInputChangesNothing() throws Exception {
        var values = Map.of("state", List.of("DONE"), "byHand", List.of("true"));
        assertThat(mvc.perform(Forms.post("/goals/" + goal + "/teams/oslo", values)
                                .with(user(other)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/goals/" + goal + "/teams/compute/edit").with(user(osloMember)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/goals/" + goal + "/teams/oslo/edit"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("anonymous readers are sent to sign in")
                .isEqualTo(302);

        var noReason = Map.of("state", List.of("NOT_APPLICABLE"), "reason", List.of(" "), "byHand", List.of("true"));
        var refused = mvc.perform(
                        Forms.post("/goals/" + goal + "/teams/oslo", noReason).with(user(osloMember)))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(refused).selectFirst("#reason-error").text())
                .isEqualTo("Say why the goal does not apply to Oslo.");
        var badLink = Map.of(
                "state", List.of("PLANNED"), "planningUrl", List.of("javascript:alert(1)"), "byHand", List.of("true"));
        var refusedLink = mvc.perform(
                        Forms.post("/goals/" + goal + "/teams/oslo", badLink).with(user(osloMember)))
                .andReturn();
        assertThat(refusedLink.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(refusedLink).select("#planningUrl-error")).hasSize(1);
        var unknownState = Map.of("state", List.of("FINISHED"), "byHand", List.of("true"));
        assertThat(mvc.perform(Forms.post("/goals/" + goal + "/teams/oslo", unknownState)
                                .with(user(osloMember)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);

        assertThat(states(Html.parse(mvc.perform(get("/goals/" + goal)).andReturn())))
                .containsOnly(
                        Map.entry("documentation", "NOT_STARTED"),
                        Map.entry("puppet-openstack", "NOT_STARTED"),
                        Map.entry("compute", "NOT_STARTED"),
                        Map.entry("oslo", "NOT_STARTED"));
        assertThat(mvc.perform(get("/goals/" + goal).param("state", "finished"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(400);
        assertThat(mvc.perform(get("/goals/999999")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void theBurnUpCountsTheTeamsDoneAtTheEndOfEachWeek() throws Exception {
        // Made in 2015-W46; Oslo done in W47, Compute in W48; read again in W49, nothing new.
        clock.set(LocalDateTime.of(2015, 11, 18, 9, 0));
        gerrit.answer(page(0), Answer.gerrit("[" + change("openstack/oslo.config", 2001, "MERGED", "") + "]"));
        topics.refresh();
        clock.set(LocalDateTime.of(2015, 11, 25, 9, 0));
        gerrit.answer(
                page(0),
                Answer.gerrit("[" + change("openstack/oslo.config", 2001, "MERGED", "") + ","
                        + change("openstack/nova", 2002, "MERGED", "") + "]"));
        topics.refresh();
        clock.set(LocalDateTime.of(2015, 12, 2, 9, 0));
        topics.refresh();

        Document page = Html.parse(mvc.perform(get("/goals/" + goal)).andReturn());

        assertThat(page.select("svg g.week").eachAttr("data-done")).containsExactly("0", "1", "2", "2");
        assertThat(page.select("svg g.week").eachAttr("data-week"))
                .containsExactly("2015-W46", "2015-W47", "2015-W48", "2015-W49");
        assertThat(Html.texts(page, "table.burnup-data tbody tr"))
                .containsExactly("2015-W46 0", "2015-W47 1", "2015-W48 2", "2015-W49 2");
    }

    @Test
    void theSpreadsheetReadsBackAsThePageShowsIt() throws Exception {
        gerritAnswersTwoPages();
        topics.refresh();

        var response =
                mvc.perform(get("/goals/" + goal + "/teams.csv")).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body.substring(1)))
                .getRecords();
        assertThat(rows)
                .extracting(r -> r.get("team") + ": " + r.get("state"))
                .containsExactly(
                        "Documentation: Not started",
                        "Puppet OpenStack: Not started",
                        "Compute: In progress",
                        "Oslo: Done");
        assertThat(rows.get(3).get("completion_url")).endsWith("/c/openstack/oslo.messaging/+/1004");
        assertThat(rows.get(2).get("gerrit_says")).isEqualTo("1 merged, 1 open");
    }

    @Test
    void theDashboardTheCommitmentAndTheTeamPagesShowWhereTheGoalStands() throws Exception {
        gerritAnswersTwoPages();
        topics.refresh();

        Document dashboard =
                Html.parse(mvc.perform(get("/cycles/mitaka").with(user(chair))).andReturn());
        assertThat(dashboard
                        .selectFirst("a.across-teams[href=/goals/" + goal + "]")
                        .text())
                .isEqualTo("1 of 4 teams done");
        Document commitment =
                Html.parse(mvc.perform(get("/commitments/" + goal)).andReturn());
        assertThat(commitment.selectFirst("p.across-teams").text())
                .isEqualTo("A community-wide goal: 1 of 4 teams done, team by team.");
        Document team = Html.parse(mvc.perform(get("/teams/compute")).andReturn());
        assertThat(Html.texts(team, "table.team-goals tr:has(a[href=/goals/" + goal + "]) td"))
                .containsExactly("Support Python 3.5 (" + made.get() + ")", "In progress");
        assertThat(Html.texts(team, "ul.repos li")).containsExactly("openstack/nova", "openstack/python-novaclient");
        Document list = Html.parse(mvc.perform(get("/teams")).andReturn());
        assertThat(Html.texts(list, "table.teams tbody tr")).contains("Oslo [oslo] 3 1", "Compute — 2 0");
    }

    @Test
    void theGoalPageReadsTheSameNumberOfStatementsForFiftyTeamsAsForFour() throws Exception {
        statements.reset();
        Document four = Html.parse(mvc.perform(get("/goals/" + goal)).andReturn());
        long forFour = statements.get();
        assertThat(four.select("table.goal-teams tbody tr")).hasSize(4);

        StringBuilder many = new StringBuilder(ProjectsFileTest.sample());
        for (int t = 1; t <= 46; t++) {
            many.append("Generated ").append(t).append(":\n  deliverables:\n");
            for (int r = 1; r <= 8; r++) {
                many.append("    gen")
                        .append(t)
                        .append('-')
                        .append(r)
                        .append(":\n      repos:\n")
                        .append("        - openstack/gen")
                        .append(t)
                        .append('-')
                        .append(r)
                        .append('\n');
            }
        }
        ProjectsFile.Reading reading = ProjectsFile.read(many.toString());
        assertThat(reading.problems()).isEmpty();
        teams.load(reading.teams());
        making.save(chair, goal, new Goals.GoalDraft(true, Set.of(), topic, ""));

        statements.reset();
        Document fifty = Html.parse(mvc.perform(get("/goals/" + goal)).andReturn());
        assertThat(fifty.select("table.goal-teams tbody tr")).hasSizeGreaterThanOrEqualTo(50);
        assertThat(statements.get()).isEqualTo(forFour);
    }

    @Test
    void anAdminEditsATeamAndABadNickOrRepositoryIsRefusedBesideItsField() throws Exception {
        Document form = Html.parse(
                mvc.perform(get("/teams/compute/edit").with(user(chair))).andReturn());
        var values = Forms.values(form, "form[action=/teams/compute]");
        var unknown = mvc.perform(Forms.post("/teams/compute", Forms.with(values, "members", "lifeless\nnobody-here"))
                        .with(user(chair)))
                .andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(unknown).selectFirst("#members-error").text())
                .isEqualTo("Nobody here has the IRC nick nobody-here.");
        assertThat(unknown.getResponse().getContentAsString()).isNotEmpty();
        var taken = mvc.perform(Forms.post(
                                "/teams/compute", Forms.with(values, "repos", "openstack/nova\nopenstack/oslo.config"))
                        .with(user(chair)))
                .andReturn();
        assertThat(taken.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(taken).selectFirst("#repos-error").text())
                .isEqualTo("openstack/oslo.config belongs to Oslo.");
        assertThat(mvc.perform(Forms.post("/teams/compute", values).with(user(osloMember)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        mvc.perform(Forms.post("/teams/compute", Forms.with(values, "mailingTag", "[nova]", "members", "helper"))
                .with(user(chair)));
        Document team = Html.parse(mvc.perform(get("/teams/compute")).andReturn());
        assertThat(team.text()).contains("Mailing-list tag: [nova]");
        assertThat(Html.texts(team, "ul.repos li")).containsExactly("openstack/nova", "openstack/python-novaclient");
        assertThat(teams.teamsOf(helper.getId()))
                .containsExactly(teams.get("compute").id());
    }

    @Test
    void rowsNobodyChangedForAWeekAreStaleAndTheDigestTellsTheWeeksChanges(@Autowired Goals goals) throws Exception {
        var planned = Map.of(
                "state", List.of("PLANNED"),
                "planningUrl", List.of("https://review.opendev.org/c/openstack/oslo-specs/+/300000"),
                "byHand", List.of("true"));
        mvc.perform(Forms.post("/goals/" + goal + "/teams/oslo", planned).with(user(osloMember)));

        String digest = mvc.perform(get("/cycles/mitaka/report.md").param("week", "2015-W46"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(digest)
                .contains("## Goals, team by team")
                .contains(" Support Python 3.5 (" + made.get()
                        + "): 0 of 4 teams done now\n\n- Oslo: Planned (owner-ed)\n");
        String nextWeek = mvc.perform(get("/cycles/mitaka/report.md").param("week", "2015-W47"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(nextWeek)
                .contains(" Support Python 3.5 (" + made.get()
                        + "): 0 of 4 teams done now\n\nNo team's row changed this week.\n");

        String feed = mvc.perform(get("/cycles/mitaka/feed.atom"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(feed)
                .contains("<title>Support Python 3.5 (" + made.get() + "): Oslo Planned</title>")
                .contains("<name>owner-ed</name>")
                .contains("/goals/" + goal + "\"");

        clock.set(LocalDateTime.of(2015, 11, 25, 9, 0));
        Document page = Html.parse(mvc.perform(get("/goals/" + goal)).andReturn());
        assertThat(page.selectFirst(".goal-progress").text()).isEqualTo("0 of 4 teams done · 4 not updated lately");
        assertThat(page.select("tr.stale-row")).hasSize(4);
        assertThat(goals.board(goal, java.time.LocalDate.of(2015, 11, 25), java.time.Duration.ofDays(30))
                        .orElseThrow()
                        .staleCount())
                .isZero();
    }

    @Test
    void theApiTellsTheGoalRowByRowAndEachTeamsStanding() throws Exception {
        gerritAnswersTwoPages();
        topics.refresh();
        var json = tools.jackson.databind.json.JsonMapper.builder().build();

        var goalJson = json.readTree(mvc.perform(get("/api/v1/goals/" + goal))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(goalJson.path("teamsDone").asInt()).isEqualTo(1);
        assertThat(goalJson.path("teams").asInt()).isEqualTo(4);
        assertThat(goalJson.path("topic").asString()).isEqualTo(topic);
        assertThat(goalJson.path("champion").asString()).isEqualTo("lifeless");
        assertThat(goalJson.path("counts").path("IN_PROGRESS").asInt()).isEqualTo(1);
        assertThat(goalJson.path("rows")
                        .valueStream()
                        .map(r -> r.path("team").asString() + "="
                                + r.path("state").asString()))
                .containsExactly(
                        "documentation=NOT_STARTED",
                        "puppet-openstack=NOT_STARTED",
                        "compute=IN_PROGRESS",
                        "oslo=DONE");
        assertThat(goalJson.path("unownedRepos").get(0).path("repo").asString()).isEqualTo("openstack/unknown-thing");
        assertThat(goalJson.path("doneByWeek").get(0).path("week").asString()).isEqualTo("2015-W46");

        var team = json.readTree(mvc.perform(get("/api/v1/teams/oslo"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(team.path("members").get(0).asString()).isEqualTo("lifeless");
        assertThat(team.path("goals")
                        .valueStream()
                        .filter(g -> g.path("goal").asLong() == goal)
                        .map(g -> g.path("state").asString()))
                .containsExactly("DONE");
        assertThat(mvc.perform(get("/api/v1/goals/999999"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/teams/nobody"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aRowsPlanningLinkToAGerritChangeShowsWhatGerritSaysAndForgetsItWhenTheAddressChanges() throws Exception {
        String spec = gerrit.base() + "/gerrit/c/openstack/oslo-specs/+/300000";
        gerrit.answer("/gerrit/changes/openstack%2Foslo-specs~300000", Answer.gerrit("""
                        {"project": "openstack/oslo-specs", "status": "MERGED", "_number": 300000,
                         "subject": "Python 3.5 plan", "submitted": "2015-11-10 16:02:11.000000000",
                         "updated": "2015-11-10 16:02:11.000000000", "extra_field": {"ignored": true}}"""));
        var planned = Map.of("state", List.of("PLANNED"), "planningUrl", List.of(spec), "byHand", List.of("true"));
        mvc.perform(Forms.post("/goals/" + goal + "/teams/oslo", planned).with(user(osloMember)));

        topics.refresh();

        Document page = Html.parse(mvc.perform(get("/goals/" + goal)).andReturn());
        assertThat(page.selectFirst("tr[data-team=oslo] td:nth-of-type(2) .link-state")
                        .text())
                .startsWith("Approved · Merged");
        var moved = Map.of(
                "state", List.of("PLANNED"),
                "planningUrl", List.of(gerrit.base() + "/gerrit/c/openstack/oslo-specs/+/300001"),
                "byHand", List.of("true"));
        mvc.perform(Forms.post("/goals/" + goal + "/teams/oslo", moved).with(user(osloMember)));
        assertThat(Html.parse(mvc.perform(get("/goals/" + goal)).andReturn()).select("tr[data-team=oslo] .link-state"))
                .as("what Gerrit said of the old address is not shown beside the new one")
                .isEmpty();
    }
}
