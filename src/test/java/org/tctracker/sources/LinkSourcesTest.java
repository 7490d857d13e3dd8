package org.tctracker.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CheckInDraft;
import org.tctracker.commitment.CheckInService;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentDraft;
import org.tctracker.commitment.CommitmentHistory;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.LinkDraft;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.LinkState;
import org.tctracker.commitment.Status;
import org.tctracker.commitment.WebAddress;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.people.Person;
import org.tctracker.support.Forms;
import org.tctracker.support.Html;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.SourceServer;
import org.tctracker.support.SourceServer.Answer;
import org.tctracker.support.Team;

/**
 * Links that keep their own state: each source's answer, as its API documents it, maps to the
 * tracker's states; a source that is missing, failing, slow, gone or asking to wait leaves the
 * last state in place and says why. A local server plays the sources.
 */
@SpringBootTest
@AutoConfigureMockMvc
@OwnDatabase
@Import(MutableClock.InMitaka.class)
class LinkSourcesTest {

    static final SourceServer sources = new SourceServer();

    /** A port nothing listens on: connections to it are refused. */
    static final String REFUSING = "http://127.0.0.1:" + closedPort();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("tracker.links.gerrit-servers", () -> sources.base() + "/gerrit," + REFUSING + "/gerrit");
        registry.add("tracker.links.launchpad-api", () -> sources.base() + "/launchpad");
        registry.add(
                "tracker.links.storyboard-servers", () -> sources.base() + "/storyboard," + sources.base() + "/busy");
    }

    @AfterAll
    static void stop() {
        sources.close();
    }

    @Autowired
    CommitmentService commitments;

    @Autowired
    LinkRefresh refresh;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Cycles cycles;

    @Autowired
    MutableClock clock;

    TrackerUser chair;
    Person lifeless;

    @BeforeEach
    void team(@Autowired AccountService accounts, @Autowired People people, @Autowired UserDetailsService users) {
        Team team = new Team(accounts, people, users);
        lifeless = team.assemble().get("owner-ed");
        chair = team.user("chair");
        clock.set(LocalDateTime.of(2015, 11, 12, 10, 0));
        sources.forget();
    }

    static String change(String status, String extra) {
        return """
                {"id": "openstack%%2Foslo-specs~master~I84", "project": "openstack/oslo-specs", "branch": "master",
                 "change_id": "I8473b95934b5732ac55d26311a706c9c2bde9940", "subject": "Unstable APIs", "status": "%s",
                 "created": "2015-07-01 10:12:47.000000000", "updated": "2015-11-20 09:12:47.000000000",
                 "mergeable": true, "insertions": 120, "deletions": 0, "_number": 245422,
                 "owner": {"_account_id": 1000096, "name": "Doug Hellmann", "email": "doug@example.org"},
                 "current_revision": "27cc4558b5a3d3387dd11ee2df7a117e7e581822",
                 "revisions": {"27cc4558b5a3d3387dd11ee2df7a117e7e581822": {"kind": "REWORK", "_number": 3}},
                 "requirements": [], "submit_records": [{"status": "OK"}]%s}""".formatted(status, extra);
    }

    static String labels(String review, String workflow) {
        return ", \"labels\": {\"Code-Review\": {\"all\": [" + review + "], \"default_value\": 0},"
                + " \"Verified\": {\"all\": [{\"value\": 1, \"_account_id\": 9}]},"
                + " \"Workflow\": {\"all\": [" + workflow + "]}}";
    }

    static String vote(int value, int account) {
        return "{\"value\": " + value + ", \"_account_id\": " + account + ", \"name\": \"Reviewer " + account + "\"}";
    }

    long link(LinkKind kind, String url) {
        Commitment made = commitments.create(
                chair,
                cycles.findBySlug("mitaka").orElseThrow().getId(),
                new CommitmentDraft("Kept by its source", "", lifeless.getId(), List.of(), Status.IN_PROGRESS, null),
                List.of(new LinkDraft("The work", new WebAddress(url), kind, LinkState.DRAFT)));
        return made.getLinks().get(0).getId();
    }

    Map<String, Object> row(long linkId) {
        return jdbc.sql("select state, source_status, source_detail, source_patch_set, source_blocked, source_name,"
                        + " synced_at, sync_error, source_kind from spec_link where id = ?")
                .param(linkId)
                .query()
                .singleRow();
    }

    /** The link was read once, right after it was added (the listener), successfully or not. */
    void readOnce(long linkId) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> row(linkId).get("synced_at") != null || row(linkId).get("sync_error") != null);
    }

    String gerrit(int number) {
        return sources.base() + "/gerrit/c/openstack/oslo-specs/+/" + number;
    }

    static String gerritApi(int number) {
        return "/gerrit/changes/openstack%2Foslo-specs~" + number;
    }

    @Test
    void gerritChangesMapToTheTrackersStates() {
        sources.answer(gerritApi(1), Answer.gerrit(change("NEW", ", \"work_in_progress\": true")));
        sources.answer(gerritApi(2), Answer.gerrit(change("NEW", labels(vote(1, 1), ""))));
        sources.answer(gerritApi(3), Answer.gerrit(change("NEW", labels(vote(2, 1) + "," + vote(2, 2), vote(1, 1)))));
        sources.answer(
                gerritApi(4),
                Answer.gerrit(change(
                        "MERGED",
                        ", \"submitted\": \"2015-12-14 09:12:47.000000000\"" + labels(vote(2, 1), vote(1, 1)))));
        sources.answer(
                gerritApi(5), Answer.gerrit(change("MERGED", ", \"submitted\": \"2015-12-14 09:12:47.000000000\"")));
        sources.answer(gerritApi(6), Answer.gerrit(change("ABANDONED", "")));
        sources.answer(gerritApi(7), Answer.gerrit(change("NEW", labels(vote(-2, 3) + "," + vote(1, 1), ""))));

        long wip = link(LinkKind.REVIEW, gerrit(1));
        long review = link(LinkKind.REVIEW, gerrit(2));
        long approved = link(LinkKind.REVIEW, gerrit(3));
        long mergedSpec = link(LinkKind.SPEC, gerrit(4));
        long mergedCode = link(LinkKind.REVIEW, gerrit(5));
        long abandoned = link(LinkKind.REVIEW, gerrit(6));
        long vetoed = link(LinkKind.REVIEW, gerrit(7));
        for (long id : List.of(wip, review, approved, mergedSpec, mergedCode, abandoned, vetoed)) {
            readOnce(id);
        }

        assertThat(row(wip)).containsEntry("state", "DRAFT").containsEntry("source_status", "Work in progress");
        assertThat(row(review))
                .containsEntry("state", "IN_REVIEW")
                .containsEntry("source_detail", "Code-Review +1, Verified +1")
                .containsEntry("source_patch_set", 3)
                .containsEntry("source_name", "oslo-specs 245422")
                .containsEntry("source_kind", "GERRIT");
        assertThat(row(approved))
                .containsEntry("state", "APPROVED")
                .containsEntry("source_detail", "Code-Review +2 ×2, Verified +1, Workflow +1");
        assertThat(row(mergedSpec)).containsEntry("state", "APPROVED").containsEntry("source_status", "Merged");
        assertThat(row(mergedCode)).containsEntry("state", "IMPLEMENTED");
        assertThat(row(abandoned)).containsEntry("state", "ABANDONED");
        assertThat(row(vetoed))
                .containsEntry("state", "IN_REVIEW")
                .containsEntry("source_blocked", true)
                .containsEntry("source_detail", "Code-Review +1 −2, Verified +1");
        assertThat(sources.requests())
                .filteredOn(r -> r.startsWith(gerritApi(2) + "?"))
                .singleElement()
                .asString()
                .contains("o=LABELS")
                .contains("o=DETAILED_ACCOUNTS");
    }

    @Test
    void theOlderGerritAddressesAndOnesWithoutProjectAreReadByNumber() {
        sources.answer("/gerrit/changes/245423", Answer.gerrit(change("ABANDONED", "")));
        long old = link(LinkKind.REVIEW, sources.base() + "/gerrit/#/c/245423/");
        readOnce(old);
        assertThat(row(old)).containsEntry("state", "ABANDONED");
    }

    @Test
    void launchpadBlueprintsAndBugs() {
        String blueprint = """
                {"self_link": "x", "name": "%s", "title": "A blueprint", "definition_status": "%s",
                 "implementation_status": "%s", "lifecycle_status": "%s", "date_completed": %s,
                 "priority": "High", "web_link": "x", "whiteboard": null}""";
        sources.answer(
                "/launchpad/nova/+spec/done",
                Answer.json(blueprint.formatted(
                        "done", "Approved", "Implemented", "Complete", "\"2015-12-14T09:12:47.123456+00:00\"")));
        sources.answer(
                "/launchpad/nova/+spec/going",
                Answer.json(blueprint.formatted("going", "Approved", "Good progress", "Started", "null")));
        sources.answer(
                "/launchpad/nova/+spec/old",
                Answer.json(blueprint.formatted("old", "Obsolete", "Unknown", "Complete", "null")));
        sources.answer(
                "/launchpad/nova/+spec/idea",
                Answer.json(blueprint.formatted("idea", "Drafting", "Unknown", "Not started", "null")));
        sources.answer("/launchpad/bugs/1526145/bug_tasks", Answer.json("""
                {"start": 0, "total_size": 2, "entries": [
                  {"bug_target_name": "nova", "status": "Fix Released", "importance": "High",
                   "date_fix_released": "2015-12-20T10:00:00+00:00"},
                  {"bug_target_name": "cinder", "status": "In Progress", "importance": "Low"}]}"""));

        long done = link(LinkKind.SPEC, sources.base() + "/launchpad/nova/+spec/done");
        long going = link(LinkKind.SPEC, sources.base() + "/launchpad/nova/+spec/going");
        long old = link(LinkKind.SPEC, sources.base() + "/launchpad/nova/+spec/old");
        long idea = link(LinkKind.SPEC, sources.base() + "/launchpad/nova/+spec/idea");
        long novaBug = link(LinkKind.OTHER, sources.base() + "/launchpad/nova/+bug/1526145");
        long anyBug = link(LinkKind.OTHER, sources.base() + "/launchpad/+bug/1526145");
        for (long id : List.of(done, going, old, idea, novaBug, anyBug)) {
            readOnce(id);
        }

        assertThat(row(done)).containsEntry("state", "IMPLEMENTED").containsEntry("source_name", "nova blueprint done");
        assertThat(row(going))
                .containsEntry("state", "APPROVED")
                .containsEntry("source_detail", "implementation: Good progress");
        assertThat(row(old)).containsEntry("state", "ABANDONED").containsEntry("source_status", "Obsolete");
        assertThat(row(idea)).containsEntry("state", "DRAFT");
        assertThat(row(novaBug)).containsEntry("state", "IMPLEMENTED").containsEntry("source_status", "Fix Released");
        assertThat(row(anyBug))
                .containsEntry("state", "IN_REVIEW")
                .containsEntry("source_detail", "nova: Fix Released, cinder: In Progress");
    }

    @Test
    void storyBoardStoriesAndPublishedSpecs() {
        String story = """
                {"id": %d, "title": "A story", "status": "%s", "updated_at": "2015-11-20T09:12:47+00:00",
                 "created_at": "2015-11-01T09:12:47+00:00", "is_bug": false, "tags": [],
                 "task_statuses": [{"key": "todo", "name": "Todo", "count": 1},
                                   {"key": "review", "name": "Review", "count": %d},
                                   {"key": "merged", "name": "Merged", "count": 2}]}""";
        sources.answer("/storyboard/api/v1/stories/2004321", Answer.json(story.formatted(2004321, "active", 1)));
        sources.answer("/storyboard/api/v1/stories/2004322", Answer.json(story.formatted(2004322, "active", 0)));
        sources.answer("/storyboard/api/v1/stories/2004323", Answer.json(story.formatted(2004323, "merged", 0)));
        sources.answer("/storyboard/api/v1/stories/2004324", Answer.json(story.formatted(2004324, "invalid", 0)));
        long reviewing = link(LinkKind.OTHER, sources.base() + "/storyboard/#!/story/2004321");
        long waiting = link(LinkKind.OTHER, sources.base() + "/storyboard/#!/story/2004322");
        long merged = link(LinkKind.OTHER, sources.base() + "/storyboard/#!/story/2004323");
        long invalid = link(LinkKind.OTHER, sources.base() + "/storyboard/#!/story/2004324");
        long approvedSpec = link(
                LinkKind.SPEC, "https://specs.openstack.org/openstack/nova-specs/specs/mitaka/approved/cells.html");
        long implementedSpec = link(
                LinkKind.SPEC, "https://specs.openstack.org/openstack/nova-specs/specs/liberty/implemented/cells.html");
        for (long id : List.of(reviewing, waiting, merged, invalid, approvedSpec, implementedSpec)) {
            readOnce(id);
        }

        assertThat(row(reviewing))
                .containsEntry("state", "IN_REVIEW")
                .containsEntry("source_detail", "tasks: 2 merged, 1 in review, 1 to do")
                .containsEntry("source_name", "story 2004321");
        assertThat(row(waiting)).containsEntry("state", "DRAFT");
        assertThat(row(merged)).containsEntry("state", "IMPLEMENTED");
        assertThat(row(invalid)).containsEntry("state", "ABANDONED");
        assertThat(row(approvedSpec))
                .containsEntry("state", "APPROVED")
                .containsEntry("source_kind", "SPECS_SITE")
                .containsEntry("source_detail", "for mitaka");
        assertThat(row(implementedSpec)).containsEntry("state", "IMPLEMENTED");
    }

    @Test
    void aSourceThatCannotBeReadLeavesTheLastStateAndSaysWhy(@Autowired MockMvc mvc) throws Exception {
        sources.answer(gerritApi(20), Answer.gerrit(change("NEW", labels(vote(1, 1), ""))));
        sources.answer(gerritApi(21), Answer.gerrit(change("NEW", "")));
        sources.answer(gerritApi(22), Answer.gerrit(change("NEW", "")));
        long missing = link(LinkKind.REVIEW, gerrit(20));
        long failing = link(LinkKind.REVIEW, gerrit(21));
        long slow = link(LinkKind.REVIEW, gerrit(22));
        long refused = link(LinkKind.REVIEW, REFUSING + "/gerrit/c/openstack/nova/+/23");
        for (long id : List.of(missing, failing, slow, refused)) {
            readOnce(id);
        }
        assertThat(row(missing)).containsEntry("state", "IN_REVIEW");

        long failingCommitment = (Long) jdbc.sql("select commitment_id from spec_link where id = ?")
                .param(failing)
                .query()
                .singleValue();
        String page = "/commitments/" + failingCommitment;
        assertThat(mvc.perform(get(page)).andReturn().getResponse().getContentAsString())
                .as("kept for anonymous readers")
                .contains("Read from 127.0.0.1 at 10:00.");
        clock.set(LocalDateTime.of(2015, 11, 12, 10, 30));
        sources.answer(gerritApi(20), Answer.status(404));
        sources.answer(gerritApi(21), Answer.status(500));
        sources.answer(gerritApi(22), Answer.gerrit(change("MERGED", "")).after(Duration.ofSeconds(8)));
        LinkRefresh.Report report = refresh.refresh(null);

        assertThat(report.failures())
                .extracting(LinkRefresh.Failure::linkId, LinkRefresh.Failure::reason)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(missing, "not found there"),
                        org.assertj.core.groups.Tuple.tuple(failing, "answered 500"),
                        org.assertj.core.groups.Tuple.tuple(slow, "timeout"),
                        org.assertj.core.groups.Tuple.tuple(refused, "connection refused"));
        assertThat(row(missing)).containsEntry("state", "IN_REVIEW").containsEntry("sync_error", "not found there");
        assertThat(row(failing)).containsEntry("state", "IN_REVIEW").containsEntry("sync_error", "answered 500");
        assertThat(row(slow)).containsEntry("state", "IN_REVIEW").containsEntry("sync_error", "timeout");
        assertThat(row(missing).get("synced_at")).isNotNull();
        assertThat(Html.texts(Html.parse(mvc.perform(get(page)).andReturn()), "table.links td small"))
                .as("the kept page was rendered again: a failed reading makes no revision, yet readers see it")
                .containsExactly(
                        "In review · patch set 3",
                        "Read from 127.0.0.1 at 10:00.",
                        "Could not reach 127.0.0.1 at 10:30 (answered 500); showing the state of 12 Nov.");

        sources.answer(gerritApi(21), Answer.gerrit(change("MERGED", "")));
        refresh.refresh(null);
        assertThat(row(failing)).containsEntry("state", "IMPLEMENTED").containsEntry("sync_error", null);
    }

    @Test
    void aServerThatAsksToWaitIsLeftAloneUntilThen() {
        String busy = sources.base() + "/busy";
        long first = link(LinkKind.OTHER, busy + "/#!/story/1");
        long second = link(LinkKind.OTHER, busy + "/#!/story/2");
        readOnce(first);
        readOnce(second);
        sources.forget();
        sources.answer("/busy/api/v1/stories/1", Answer.status(429).with("Retry-After", "120"));
        sources.answer("/busy/api/v1/stories/2", Answer.status(429).with("Retry-After", "120"));

        LinkRefresh.Report report = refresh.refresh(null);
        long asked = sources.requests().stream()
                .filter(r -> r.startsWith("/busy/api/v1/stories/"))
                .count();

        assertThat(report.failures())
                .filteredOn(f -> f.linkId() == first || f.linkId() == second)
                .extracting(LinkRefresh.Failure::reason)
                .allMatch(reason -> reason.startsWith("asked to wait"));
        assertThat(asked).as("requests after the 429").isLessThanOrEqualTo(SourceClient.PER_SERVER);
        long before = sources.requests().size();
        refresh.refresh(null);
        assertThat(sources.requests().stream().skip(before).filter(r -> r.startsWith("/busy/")))
                .as("asked again before Retry-After passed")
                .isEmpty();
    }

    static String change(String status, int patchSet, String updated, String extra) {
        return """
                {"project": "openstack/oslo-specs", "status": "%s", "_number": 245422, "updated": "%s",
                 "current_revision": "c%d", "revisions": {"c%d": {"_number": %d, "kind": "REWORK"}}%s}""".formatted(status, updated, patchSet, patchSet, patchSet, extra);
    }

    @Test
    void whatTheSourceChangedIsSignedSyncDatedByTheSourceAndShownInHistoryFeedAndWeeklyForm(
            @Autowired MockMvc mvc,
            @Autowired CheckInService checkIns,
            @Autowired CommitmentHistory history,
            @Autowired UserDetailsService users)
            throws Exception {
        sources.answer(gerritApi(245422), Answer.gerrit(change("NEW", 1, "2015-11-01 08:00:00.000000000", "")));
        long linkId = link(LinkKind.REVIEW, gerrit(245422));
        readOnce(linkId);
        long commitmentId = (Long) jdbc.sql("select commitment_id from spec_link where id = ?")
                .param(linkId)
                .query()
                .singleValue();
        TrackerUser owner = (TrackerUser) users.loadUserByUsername("owner-ed");
        clock.set(LocalDateTime.of(2015, 11, 12, 11, 0));
        checkIns.record(owner, new CheckInDraft(commitmentId, Status.IN_PROGRESS, "Spec up for review.", null));

        clock.set(LocalDateTime.of(2015, 12, 16, 10, 0));
        String reviewed = ", \"labels\": {\"Code-Review\": {\"all\": [" + vote(2, 1) + "]}}";
        sources.answer(gerritApi(245422), Answer.gerrit(change("NEW", 2, "2015-11-20 09:12:47.000000000", reviewed)));
        refresh.refresh(null);
        sources.answer(
                gerritApi(245422),
                Answer.gerrit(change(
                        "MERGED",
                        2,
                        "2015-12-14 09:12:47.000000000",
                        ", \"submitted\": \"2015-12-14 09:12:47.000000000\"" + reviewed)));
        refresh.refresh(null);

        assertThat(history.of(commitmentId))
                .filteredOn(c -> c.who().equals("sync")
                        && c.fields().stream()
                                .anyMatch(f ->
                                        f.field().equals("state") && f.after().equals("Implemented")))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.who()).isEqualTo("sync");
                    assertThat(c.when())
                            .isEqualTo(LocalDateTime.of(2015, 12, 14, 9, 12, 47).toInstant(java.time.ZoneOffset.UTC));
                    assertThat(c.fields())
                            .contains(new CommitmentHistory.FieldChange("state", "In review", "Implemented"));
                });
        String feed = mvc.perform(get("/feed.atom")).andReturn().getResponse().getContentAsString();
        assertThat(feed).contains("oslo-specs 245422 merged").contains("<name>sync</name>");

        var weekly = Html.parse(
                mvc.perform(get("/cycles/mitaka/check-in").with(user(owner))).andReturn());
        assertThat(Html.texts(
                        weekly, "fieldset.check-in-row:has(a[href=/commitments/" + commitmentId + "]) .link-news li"))
                .containsExactly(
                        "oslo-specs 245422: new patch set 2, 20 Nov",
                        "oslo-specs 245422: now Code-Review +2, 20 Nov",
                        "oslo-specs 245422: merged, 14 Dec");

        var page = Html.parse(mvc.perform(get("/commitments/" + commitmentId)).andReturn());
        assertThat(Html.texts(page, "table.links td small"))
                .containsExactly("Merged 14 Dec 2015 · patch set 2 · Code-Review +2", "Read from 127.0.0.1 at 10:00.");
        assertThat(mvc.perform(get("/cycles/mitaka/report.md"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("· Review, Implemented (Merged 14 Dec 2015 · patch set 2 · Code-Review +2)");
        var api = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(mvc.perform(get("/api/v1/commitments/" + commitmentId))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .path("links")
                .get(0);
        assertThat(api.path("state").asString()).isEqualTo("IMPLEMENTED");
        assertThat(api.path("source").asString()).isEqualTo(sources.base() + "/gerrit");
        assertThat(api.path("sourceState").asString()).isEqualTo("Merged 14 Dec 2015 · patch set 2 · Code-Review +2");
        assertThat(api.path("syncedAt").asString()).isEqualTo("2015-12-16T10:00:00Z");
        assertThat(api.path("syncError").isNull()).isTrue();
    }

    @Test
    void aPersonMayDetachALinkAndSetItsStateByHandAndTheHistorySaysSo(
            @Autowired MockMvc mvc, @Autowired CommitmentHistory history) throws Exception {
        sources.answer(gerritApi(40), Answer.gerrit(change("NEW", "")));
        long linkId = link(LinkKind.REVIEW, gerrit(40));
        readOnce(linkId);
        long commitmentId = (Long) jdbc.sql("select commitment_id from spec_link where id = ?")
                .param(linkId)
                .query()
                .singleValue();
        String edit = "/commitments/" + commitmentId + "/links/" + linkId + "/edit";
        var form = Html.parse(mvc.perform(get(edit).with(user(chair))).andReturn());
        assertThat(form.text())
                .contains(
                        "State kept by Gerrit at 127.0.0.1",
                        "It says In review",
                        "reads it there again when the sync command runs (the background refresh is off)");
        assertThat(form.selectFirst("input#follow").hasAttr("checked")).isTrue();

        var typed = Forms.with(Forms.values(form, "form[action$=/links/" + linkId + "]"), "state", "ABANDONED");
        mvc.perform(Forms.post("/commitments/" + commitmentId + "/links/" + linkId, typed)
                .with(user(chair)));
        assertThat(row(linkId)).as("the source keeps the state").containsEntry("state", "IN_REVIEW");

        form = Html.parse(mvc.perform(get(edit).with(user(chair))).andReturn());
        var detached = Forms.values(form, "form[action$=/links/" + linkId + "]");
        detached.remove("follow");
        detached.put("state", List.of("APPROVED"));
        mvc.perform(Forms.post("/commitments/" + commitmentId + "/links/" + linkId, detached)
                .with(user(chair)));
        sources.forget();
        refresh.refresh(null);

        assertThat(row(linkId)).containsEntry("state", "APPROVED");
        assertThat(sources.requestsFor(gerritApi(40))).isZero();
        assertThat(history.of(commitmentId))
                .filteredOn(c -> c.who().equals("chair") && c.kind() == CommitmentHistory.Kind.CHANGED)
                .singleElement()
                .extracting(CommitmentHistory.Change::fields)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(CommitmentHistory.FieldChange.class))
                .contains(
                        new CommitmentHistory.FieldChange("state", "In review", "Approved"),
                        new CommitmentHistory.FieldChange(
                                "kept by", "Gerrit at 127.0.0.1", "nobody: detached from 127.0.0.1"));
    }

    @Test
    void aSourceThatHangsNeverSlowsThePageThatAddsItsLink(@Autowired MockMvc mvc) throws Exception {
        sources.answer(gerritApi(50), Answer.gerrit(change("MERGED", "")).after(Duration.ofSeconds(20)));
        Commitment made = commitments.create(
                chair,
                cycles.findBySlug("mitaka").orElseThrow().getId(),
                new CommitmentDraft(
                        "Waiting on a slow server", "", lifeless.getId(), List.of(), Status.IN_PROGRESS, null),
                List.of());

        long started = System.nanoTime();
        mvc.perform(Forms.post(
                        "/commitments/" + made.getId() + "/links",
                        Map.of(
                                "url",
                                List.of(gerrit(50)),
                                "title",
                                List.of(""),
                                "kind",
                                List.of(""),
                                "state",
                                List.of("DRAFT")))
                .with(user(chair)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took)
                .as("the source answers after 20 s; the page must not wait for it")
                .isLessThan(Duration.ofSeconds(4));
        var page = Html.parse(mvc.perform(get("/commitments/" + made.getId())).andReturn());
        assertThat(Html.texts(page, "table.links td small")).containsExactly("Being read from 127.0.0.1…");
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
