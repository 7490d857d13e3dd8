package org.tctracker.commitment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentDraft;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.Commitments;
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
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.Team;

/** Changing commitments through their forms, as their owners and admins do. */
@SpringBootTest
@OwnDatabase
@AutoConfigureMockMvc
class CommitmentEditingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CommitmentService service;

    @Autowired
    Commitments commitments;

    @Autowired
    Cycles cycles;

    @Autowired
    People people;

    Team team;
    Person lifeless;

    @BeforeEach
    void team(@Autowired AccountService accounts, @Autowired UserDetailsService users) {
        team = new Team(accounts, people, users);
        lifeless = team.assemble().get("owner-ed");
    }

    /** A fresh commitment of lifeless's in Mitaka, so each test changes its own. */
    Commitment fresh(String title) {
        TrackerUser chair = team.user("chair");
        TestSecurityContextHolder.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(chair, null, chair.getAuthorities()));
        try {
            return service.create(
                    chair,
                    cycles.findBySlug("mitaka").orElseThrow().getId(),
                    new CommitmentDraft(
                            title, "Summary of " + title, lifeless.getId(), List.of(), Status.NOT_STARTED, null));
        } finally {
            TestSecurityContextHolder.clearContext();
        }
    }

    Map<String, List<String>> editForm(long id, TrackerUser as) throws Exception {
        Document page = Html.parse(
                mvc.perform(get("/commitments/" + id + "/edit").with(user(as))).andReturn());
        return Forms.values(page, "form[action=/commitments/" + id + "]");
    }

    MvcResult save(long id, TrackerUser as, Map<String, List<String>> values) throws Exception {
        return mvc.perform(Forms.post("/commitments/" + id, values).with(user(as)))
                .andReturn();
    }

    @Test
    void theOwnerChangesStatusAndTitleAndThePageShowsThem() throws Exception {
        Commitment commitment = fresh("Write the scaling survey");
        TrackerUser owner = team.user("owner-ed");

        MvcResult saved = save(
                commitment.getId(),
                owner,
                Forms.with(
                        editForm(commitment.getId(), owner), "title", "Run the scaling survey", "status", "BLOCKED"));

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/commitments/" + commitment.getId());
        assertThat(saved.getFlashMap().get("flash")).isEqualTo("Saved.");
        Document page = Html.parse(
                mvc.perform(get("/commitments/" + commitment.getId())).andReturn());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Run the scaling survey");
        assertThat(page.selectFirst("hgroup .status").text()).isEqualTo("Blocked");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "title|   |title-error|Give the commitment a title.",
                "title|" + "x" + "{121}|title-error|Keep the title to 120 characters.",
                "ownerId|987654|ownerId-error|Choose someone from the list.",
                "ownerId|not-a-number|ownerId-error|Choose from the list.",
                "status|FINISHED|status-error|Choose a status from the list.",
                "targetDate|2016-13-45|targetDate-error|Enter a date such as 2016-03-03.",
                "collaboratorIds|424242|collaboratorIds-error|Choose someone from the list.",
            })
    void badInputIsExplainedBesideItsFieldAndNothingChanges(
            String field, @Nullable String value, String errorId, String message) throws Exception {
        String typed = value == null ? "   " : value.equals("x{121}") ? "x".repeat(121) : value;
        Commitment commitment = fresh("Validation target " + field + typed.hashCode());
        TrackerUser owner = team.user("owner-ed");
        Map<String, List<String>> values = Forms.with(editForm(commitment.getId(), owner), field, typed);

        MvcResult result = save(commitment.getId(), owner, values);

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        Document page = Html.parse(result);
        assertThat(page.selectFirst("#" + errorId).text()).isEqualTo(message);
        if (field.equals("title")) {
            assertThat(page.selectFirst("input#title").val()).isEqualTo(typed.strip());
        }
        Commitment stored = service.get(commitment.getId());
        assertThat(stored.getTitle()).isEqualTo(commitment.getTitle());
        assertThat(stored.getVersion()).isEqualTo(commitment.getVersion());
    }

    @Test
    void aSummaryOverTenThousandCharactersIsRefusedAndKept() throws Exception {
        Commitment commitment = fresh("Long summary target");
        TrackerUser owner = team.user("owner-ed");
        String tooLong = "y".repeat(10_001);

        MvcResult result =
                save(commitment.getId(), owner, Forms.with(editForm(commitment.getId(), owner), "summary", tooLong));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        Document page = Html.parse(result);
        assertThat(page.selectFirst("#summary-error").text()).isEqualTo("Keep the summary to 10000 characters.");
        assertThat(page.selectFirst("textarea#summary").wholeText().strip()).isEqualTo(tooLong);
        assertThat(service.get(commitment.getId()).getSummary()).isEqualTo("Summary of Long summary target");
    }

    @Test
    void scriptInTextIsStoredAsTextAndShownEscaped() throws Exception {
        Commitment commitment = fresh("Escaping target");
        TrackerUser owner = team.user("owner-ed");
        String title = "<script>alert('title')</script>";
        String summary =
                "<img src=x onerror=alert(1)> **bold** [click](javascript:alert(2)) [spec](https://example.org/s)";

        save(
                commitment.getId(),
                owner,
                Forms.with(editForm(commitment.getId(), owner), "title", title, "summary", summary));

        assertThat(service.get(commitment.getId()).getTitle()).isEqualTo(title);
        Document page = Html.parse(
                mvc.perform(get("/commitments/" + commitment.getId())).andReturn());
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("img")).isEmpty();
        assertThat(page.selectFirst("h1").text()).isEqualTo(title);
        assertThat(page.selectFirst(".summary").text()).contains("<img src=x onerror=alert(1)>");
        assertThat(page.select(".summary strong").text()).isEqualTo("bold");
        assertThat(page.select(".summary a").eachAttr("href")).doesNotContain("javascript:alert(2)");
        assertThat(page.selectFirst(".summary a[href=https://example.org/s]").attr("rel"))
                .contains("nofollow");
        Document dashboard = Html.parse(mvc.perform(get("/cycles/mitaka")).andReturn());
        assertThat(dashboard.select("script")).isEmpty();
        assertThat(dashboard.text()).contains(title);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "java\tscript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "https://exa mple.org/",
                "ftp://example.org/spec",
                "/relative/path",
            })
    void unsafeLinkAddressesAreRefusedAndNotStored(String url) throws Exception {
        Commitment commitment = fresh("Link target " + url.hashCode());

        MvcResult result = mvc.perform(Forms.post(
                                "/commitments/" + commitment.getId() + "/links",
                                Map.of(
                                        "title", List.of("A link"),
                                        "url", List.of(url),
                                        "kind", List.of("SPEC"),
                                        "state", List.of("DRAFT")))
                        .with(user(team.user("owner-ed"))))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(result).selectFirst("#url-error")).isNotNull();
        assertThat(commitments.findLinksOf(commitment.getId())).isEmpty();
    }

    @Test
    void aCommitmentTakesAtMostFiftyLinks() throws Exception {
        Commitment commitment = fresh("Many links");
        TrackerUser owner = team.user("owner-ed");
        for (int i = 0; i < Commitment.MAX_LINKS; i++) {
            service.addLink(
                    owner,
                    commitment.getId(),
                    new LinkDraft(
                            "Review " + i,
                            new WebAddress("https://review.openstack.org/" + i),
                            LinkKind.REVIEW,
                            LinkState.IN_REVIEW));
        }

        MvcResult result = mvc.perform(Forms.post(
                                "/commitments/" + commitment.getId() + "/links",
                                Map.of(
                                        "title", List.of("One too many"),
                                        "url", List.of("https://review.openstack.org/51"),
                                        "kind", List.of("REVIEW"),
                                        "state", List.of("DRAFT")))
                        .with(user(owner)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(result).selectFirst("#url-error").text())
                .isEqualTo("A commitment has at most 50 links; remove one it no longer needs first.");
        assertThat(commitments.findLinksOf(commitment.getId())).hasSize(Commitment.MAX_LINKS);
    }

    @Test
    void aLinkIsAddedChangedAndRemoved() throws Exception {
        Commitment commitment = fresh("Link lifecycle");
        TrackerUser owner = team.user("owner-ed");
        mvc.perform(Forms.post(
                        "/commitments/" + commitment.getId() + "/links",
                        Map.of(
                                "title", List.of("Kafka driver spec"),
                                "url", List.of("https://review.openstack.org/#/c/189003/"),
                                "kind", List.of("REVIEW"),
                                "state", List.of("IN_REVIEW")))
                .with(user(owner)));
        long linkId = commitments.findLinksOf(commitment.getId()).get(0).getId();
        String linkPath = "/commitments/" + commitment.getId() + "/links/" + linkId;
        Map<String, List<String>> form = Forms.values(
                Html.parse(
                        mvc.perform(get(linkPath + "/edit").with(user(owner))).andReturn()),
                "form[action=" + linkPath + "]");

        mvc.perform(Forms.post(linkPath, Forms.with(form, "state", "APPROVED")).with(user(owner)));

        Document page = Html.parse(
                mvc.perform(get("/commitments/" + commitment.getId())).andReturn());
        assertThat(Html.texts(page, "table.links tbody td")).contains("Kafka driver spec", "Review", "Approved");
        mvc.perform(Forms.post(linkPath + "/delete", Map.of()).with(user(owner)));
        assertThat(commitments.findLinksOf(commitment.getId())).isEmpty();
        Document history = Html.parse(mvc.perform(get("/commitments/" + commitment.getId() + "/history"))
                .andReturn());
        assertThat(Html.texts(history, "ol.history > li > p strong"))
                .startsWith("Link “Kafka driver spec” deleted", "Link “Kafka driver spec” changed");
    }

    @Test
    void aLinkTypedWithACapitalisedSchemeIsStoredInLowerCase() throws Exception {
        Commitment commitment = fresh("Capitalised scheme");

        mvc.perform(Forms.post(
                        "/commitments/" + commitment.getId() + "/links",
                        Map.of(
                                "title", List.of("Etherpad"),
                                "url", List.of("HTTPS://etherpad.openstack.org/p/Mitaka"),
                                "kind", List.of("ETHERPAD"),
                                "state", List.of("DRAFT")))
                .with(user(team.user("owner-ed"))));

        assertThat(commitments.findLinksOf(commitment.getId()))
                .extracting(l -> l.getUrl())
                .containsExactly("https://etherpad.openstack.org/p/Mitaka");
    }

    @Test
    void aLinkPastedWithoutSchemeTitleOrKindIsCompletedFromItsAddress() throws Exception {
        Commitment commitment = fresh("Pasted links");
        TrackerUser owner = team.user("owner-ed");

        for (String[] link : new String[][] {
            {"review.opendev.org/c/openstack/nova-specs/+/12345", "", ""},
            {"https://review.opendev.org/c/openstack/nova/+/54321", "The patch", ""},
            {"https://example.org/notes", "Notes", "WIKI"},
        }) {
            mvc.perform(Forms.post(
                            "/commitments/" + commitment.getId() + "/links",
                            Map.of(
                                    "url", List.of(link[0]),
                                    "title", List.of(link[1]),
                                    "kind", List.of(link[2]),
                                    "state", List.of("DRAFT")))
                    .with(user(owner)));
        }

        assertThat(commitments.findLinksOf(commitment.getId()))
                .extracting(l -> l.getUrl() + " | " + l.getTitle() + " | " + l.getKind())
                .containsExactly(
                        "https://review.opendev.org/c/openstack/nova-specs/+/12345"
                                + " | review.opendev.org/c/openstack/nova-specs/+/12345 | SPEC",
                        "https://review.opendev.org/c/openstack/nova/+/54321 | The patch | REVIEW",
                        "https://example.org/notes | Notes | WIKI");
        Document page =
                Html.parse(mvc.perform(get("/commitments/" + commitment.getId()).with(user(owner)))
                        .andReturn());
        assertThat(page.selectFirst("#kind option").text()).isEqualTo("Guess from the address");
        assertThat(page.select("#kind option[selected]")).isEmpty();
    }

    @Test
    void aNewCommitmentTakesItsLinksAlong() throws Exception {
        TrackerUser owner = team.user("owner-ed");
        Map<String, List<String>> form = Forms.values(
                Html.parse(mvc.perform(get("/commitments/new?cycle=mitaka").with(user(owner)))
                        .andReturn()),
                "form[action=/commitments]");
        assertThat(form).containsKeys("links[0].url", "links[1].url", "links[2].url");

        MvcResult refused = mvc.perform(Forms.post(
                                "/commitments",
                                Forms.with(form, "title", "Stabilisation", "links[1].url", "javascript:alert(1)"))
                        .with(user(owner)))
                .andReturn();
        MvcResult created = mvc.perform(Forms.post(
                                "/commitments",
                                Forms.with(
                                        form,
                                        "title",
                                        "Stabilisation",
                                        "links[0].url",
                                        "lists.openstack.org/pipermail/openstack-dev/2016-January/084681.html",
                                        "links[0].title",
                                        "Stabilization cycles thread"))
                        .with(user(owner)))
                .andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document page = Html.parse(refused);
        assertThat(page.selectFirst("[id='links1.url-error']").text())
                .isEqualTo("Only http:// and https:// addresses are allowed.");
        assertThat(page.selectFirst("input[name='links[1].url']").val()).isEqualTo("javascript:alert(1)");
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replace("/commitments/", ""));
        assertThat(commitments.findLinksOf(id))
                .extracting(l -> l.getTitle() + " | " + l.getUrl() + " | " + l.getKind() + " | " + l.getState())
                .containsExactly("Stabilization cycles thread"
                        + " | https://lists.openstack.org/pipermail/openstack-dev/2016-January/084681.html"
                        + " | MAILING_LIST | DRAFT");
        assertThat(commitments.findByCycleInOrder(
                        cycles.findBySlug("mitaka").orElseThrow().getId()))
                .filteredOn(c -> c.getTitle().equals("Stabilisation"))
                .hasSize(1);
    }

    @Test
    void aCollaboratorCannotTakeOverACommitmentButItsOwnerCanHandItOver() throws Exception {
        Commitment commitment = fresh("Hand-over target");
        Person helper = people.findByIrcNick("helper").orElseThrow();
        TrackerUser owner = team.user("owner-ed");
        save(
                commitment.getId(),
                owner,
                Forms.with(editForm(commitment.getId(), owner), "collaboratorIds", String.valueOf(helper.getId())));
        TrackerUser collaborator = team.user("helper-ed");

        MvcResult takeover = save(
                commitment.getId(),
                collaborator,
                Forms.with(editForm(commitment.getId(), collaborator), "ownerId", String.valueOf(helper.getId())));

        assertThat(takeover.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(takeover).selectFirst("#ownerId-error").text())
                .isEqualTo("Only the owner or an admin can hand this commitment to someone else.");
        assertThat(service.get(commitment.getId()).getOwner().getIrcNick()).isEqualTo("lifeless");

        MvcResult handOver = save(
                commitment.getId(),
                owner,
                Forms.with(editForm(commitment.getId(), owner), "ownerId", String.valueOf(helper.getId())));

        assertThat(handOver.getResponse().getStatus()).isEqualTo(302);
        assertThat(service.get(commitment.getId()).getOwner().getIrcNick()).isEqualTo("helper");
    }

    @Test
    void deletingACommitmentInTheMiddleOfTheCycleClosesTheGap() throws Exception {
        fresh("Keeps the cycle long");
        Commitment third = commitments
                .findByCycleInOrder(cycles.findBySlug("mitaka").orElseThrow().getId())
                .get(2);
        TrackerUser admin = team.user("chair");

        MvcResult deleted = mvc.perform(Forms.post(
                                "/commitments/" + third.getId() + "/delete",
                                Map.of(
                                        "version",
                                        List.of(String.valueOf(
                                                service.get(third.getId()).getVersion()))))
                        .with(user(admin)))
                .andReturn();

        assertThat(deleted.getResponse().getStatus()).isEqualTo(302);
        assertThat(commitments.findDetailed(third.getId())).isEmpty();
        assertPositionsGapless();
    }

    @Test
    void aSecondEditorsStaleSaveGetsTheConflictPageAndCanApplyTheirsOnTop() throws Exception {
        Commitment commitment = fresh("Conflict target");
        TrackerUser first = team.user("owner-ed");
        TrackerUser second = team.user("chair");
        Map<String, List<String>> firstForm = editForm(commitment.getId(), first);
        Map<String, List<String>> secondForm = editForm(commitment.getId(), second);

        save(commitment.getId(), first, Forms.with(firstForm, "status", "IN_PROGRESS", "summary", "First save"));
        MvcResult conflict = save(
                commitment.getId(),
                second,
                Forms.with(secondForm, "status", "BLOCKED", "summary", "Second editor's careful text"));

        assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
        Document page = Html.parse(conflict);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Someone else changed this first");
        assertThat(Html.texts(page, "table.conflict td.yours")).contains("Second editor's careful text", "Blocked");
        assertThat(Html.texts(page, "table.conflict td.stored")).contains("First save", "In progress");
        Commitment stored = service.get(commitment.getId());
        assertThat(stored.getSummary()).isEqualTo("First save");
        assertThat(stored.getStatus()).isEqualTo(Status.IN_PROGRESS);

        MvcResult applied = mvc.perform(Forms.post(
                                "/commitments/" + commitment.getId(), Forms.values(page, "form[action^=/commitments/]"))
                        .with(user(second)))
                .andReturn();

        assertThat(applied.getResponse().getStatus()).isEqualTo(302);
        Commitment after = service.get(commitment.getId());
        assertThat(after.getSummary()).isEqualTo("Second editor's careful text");
        assertThat(after.getStatus()).isEqualTo(Status.BLOCKED);
        Document history = Html.parse(mvc.perform(get("/commitments/" + commitment.getId() + "/history"))
                .andReturn());
        assertThat(Html.texts(history, "ol.history > li"))
                .hasSize(3)
                .satisfiesExactly(
                        newest -> assertThat(newest).contains("by chair", "status: In progress → Blocked"),
                        middle -> assertThat(middle).contains("by owner-ed", "status: Not started → In progress"),
                        oldest -> assertThat(oldest).contains("Commitment created", "by chair"));
    }

    @Test
    void deletingAsksFirstThenClosesTheGap() throws Exception {
        Commitment doomed = fresh("Doomed");
        Commitment after = fresh("After the doomed one");
        TrackerUser owner = team.user("owner-ed");

        Document confirm = Html.parse(
                mvc.perform(get("/commitments/" + doomed.getId() + "/delete").with(user(owner)))
                        .andReturn());
        assertThat(confirm.selectFirst("h1").text()).isEqualTo("Delete this commitment?");
        MvcResult deleted = mvc.perform(Forms.post(
                                "/commitments/" + doomed.getId() + "/delete",
                                Forms.values(confirm, "form[action$=/delete]"))
                        .with(user(owner)))
                .andReturn();

        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/cycles/mitaka");
        assertThat(commitments.findDetailed(doomed.getId())).isEmpty();
        assertThat(service.get(after.getId()).getPosition()).isEqualTo(doomed.getPosition());
        assertPositionsGapless();
    }

    @Test
    void anAdminMovesACommitmentAndPositionsStayGapless() throws Exception {
        Commitment moving = fresh("Moving up");
        int before = moving.getPosition();

        mvc.perform(Forms.post("/commitments/" + moving.getId() + "/move", Map.of("to", List.of("1")))
                .with(user(team.user("chair"))));
        assertThat(service.get(moving.getId()).getPosition()).isEqualTo(1);
        mvc.perform(Forms.post("/commitments/" + moving.getId() + "/move", Map.of("to", List.of("2")))
                .with(user(team.user("chair"))));
        assertThat(service.get(moving.getId()).getPosition()).isEqualTo(2);
        mvc.perform(
                Forms.post("/commitments/" + moving.getId() + "/move", Map.of("to", List.of(String.valueOf(before))))
                        .with(user(team.user("chair"))));

        assertThat(service.get(moving.getId()).getPosition()).isEqualTo(before);
        assertPositionsGapless();
    }

    @Test
    void anEditorCreatesACommitmentOfTheirOwnAtTheEndButNotSomeoneElses() throws Exception {
        long mitaka = cycles.findBySlug("mitaka").orElseThrow().getId();
        Person other = people.findByIrcNick("other").orElseThrow();
        Map<String, List<String>> form = Forms.values(
                Html.parse(mvc.perform(get("/commitments/new?cycle=mitaka").with(user(team.user("helper-ed"))))
                        .andReturn()),
                "form[action=/commitments]");

        MvcResult mine = mvc.perform(Forms.post("/commitments", Forms.with(form, "title", "Helper's own"))
                        .with(user(team.user("helper-ed"))))
                .andReturn();
        MvcResult theirs = mvc.perform(Forms.post(
                                "/commitments",
                                Forms.with(form, "title", "For someone else", "ownerId", String.valueOf(other.getId())))
                        .with(user(team.user("helper-ed"))))
                .andReturn();

        assertThat(mine.getResponse().getStatus()).isEqualTo(302);
        long id = Long.parseLong(mine.getResponse().getRedirectedUrl().replace("/commitments/", ""));
        assertThat(service.get(id).getPosition()).isEqualTo(commitments.lastPositionIn(mitaka));
        assertThat(theirs.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(theirs).selectFirst("#ownerId-error").text())
                .isEqualTo("Editors can create commitments that they own or help with; add yourself.");
        assertPositionsGapless();
    }

    private void assertPositionsGapless() {
        List<Integer> positions =
                commitments
                        .findByCycleInOrder(
                                cycles.findBySlug("mitaka").orElseThrow().getId())
                        .stream()
                        .map(Commitment::getPosition)
                        .toList();
        assertThat(positions)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, positions.size())
                        .boxed()
                        .toList());
    }
}
