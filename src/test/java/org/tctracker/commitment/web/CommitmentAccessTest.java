package org.tctracker.commitment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.tctracker.account.AccountService;
import org.tctracker.account.Accounts;
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
import org.tctracker.support.Team;

/**
 * Who may change what, for every kind of change: each role tries each change, and a refused
 * change is answered as the role deserves and leaves the stored data as it was.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class CommitmentAccessTest {

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

    @Autowired
    Accounts accounts;

    Team team;
    Commitment target;
    long linkId;

    enum Who {
        ANONYMOUS,
        OWNER,
        COLLABORATOR,
        OTHER_EDITOR,
        UNLINKED_EDITOR,
        ADMIN,
        DISABLED_ADMIN
    }

    enum Outcome {
        ALLOWED,
        SIGN_IN_FIRST,
        FORBIDDEN
    }

    record Change(String name, Function<CommitmentAccessTest, MockHttpServletRequestBuilder> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void aCommitmentWithACollaboratorAndALink(
            @Autowired AccountService accountService, @Autowired UserDetailsService users) {
        team = new Team(accountService, people, users);
        Map<String, Person> persons = team.assemble();
        target = service.create(
                team.user("chair"),
                cycles.findBySlug("mitaka").orElseThrow().getId(),
                new CommitmentDraft(
                        "Access target",
                        "Before",
                        persons.get("owner-ed").getId(),
                        List.of(persons.get("helper-ed").getId()),
                        Status.NOT_STARTED,
                        null));
        linkId = service.addLink(
                        team.user("chair"),
                        target.getId(),
                        new LinkDraft(
                                "Original link",
                                new WebAddress("https://example.org/original"),
                                LinkKind.SPEC,
                                LinkState.DRAFT))
                .getId();
    }

    static final Change EDIT = new Change(
            "edit the commitment",
            t -> Forms.post(
                    "/commitments/" + t.target.getId(),
                    Map.of(
                            "title", List.of("Changed title"),
                            "summary", List.of("After"),
                            "ownerId",
                                    List.of(String.valueOf(t.target.getOwner().getId())),
                            "status", List.of("BLOCKED"),
                            "version",
                                    List.of(String.valueOf(
                                            t.service.get(t.target.getId()).getVersion())))));
    static final Change ADD_LINK = new Change(
            "add a link",
            t -> Forms.post(
                    "/commitments/" + t.target.getId() + "/links",
                    Map.of(
                            "title", List.of("New link"),
                            "url", List.of("https://example.org/new"),
                            "kind", List.of("WIKI"),
                            "state", List.of("DRAFT"))));
    static final Change CHANGE_LINK = new Change(
            "change a link",
            t -> Forms.post(
                    "/commitments/" + t.target.getId() + "/links/" + t.linkId,
                    Map.of(
                            "title", List.of("Renamed link"),
                            "url", List.of("https://example.org/original"),
                            "kind", List.of("SPEC"),
                            "state", List.of("APPROVED"),
                            "version", List.of("0"))));
    static final Change REMOVE_LINK = new Change(
            "remove a link",
            t -> Forms.post("/commitments/" + t.target.getId() + "/links/" + t.linkId + "/delete", Map.of()));
    static final Change DELETE = new Change(
            "delete the commitment",
            t -> Forms.post(
                    "/commitments/" + t.target.getId() + "/delete",
                    Map.of(
                            "version",
                            List.of(String.valueOf(
                                    t.service.get(t.target.getId()).getVersion())))));
    static final Change MOVE = new Change(
            "move the commitment",
            t -> Forms.post("/commitments/" + t.target.getId() + "/move", Map.of("to", List.of("1"))));
    static final Change CARRY_OVER = new Change(
            "carry a cycle over", t -> Forms.post("/cycles/mitaka/carry-over", Map.of("to", List.of("mitaka"))));

    static Stream<Arguments> matrix() {
        Outcome a = Outcome.ALLOWED;
        Outcome s = Outcome.SIGN_IN_FIRST;
        Outcome f = Outcome.FORBIDDEN;
        Object[][] rows = {
            // change          anonymous owner collaborator other unlinked admin disabled
            {EDIT, s, a, a, f, f, a, s},
            {ADD_LINK, s, a, a, f, f, a, s},
            {CHANGE_LINK, s, a, a, f, f, a, s},
            {REMOVE_LINK, s, a, a, f, f, a, s},
            {DELETE, s, a, f, f, f, a, s},
            {MOVE, s, f, f, f, f, a, s},
        };
        return Stream.of(rows)
                .flatMap(row -> Stream.of(Who.values()).map(who -> Arguments.of(who, row[0], row[1 + who.ordinal()])));
    }

    @ParameterizedTest(name = "{0} may {1}: {2}")
    @MethodSource("matrix")
    void commitmentChanges(Who who, Change change, Outcome expected) throws Exception {
        String before = snapshot();

        MvcResult result = mvc.perform(as(who, change.request().apply(this))).andReturn();

        switch (expected) {
            case ALLOWED -> {
                assertThat(result.getResponse().getStatus()).isEqualTo(302);
                assertThat(result.getResponse().getRedirectedUrl()).doesNotEndWith("/login");
                assertThat(snapshot()).isNotEqualTo(before);
            }
            case SIGN_IN_FIRST -> {
                assertThat(result.getResponse().getStatus()).isEqualTo(302);
                assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
                assertThat(snapshot()).isEqualTo(before);
            }
            case FORBIDDEN -> {
                assertThat(result.getResponse().getStatus()).isEqualTo(403);
                assertThat(snapshot()).isEqualTo(before);
            }
        }
    }

    static Stream<Arguments> adminOnly() {
        return Stream.of(
                Arguments.of(CARRY_OVER, Who.OWNER, Outcome.FORBIDDEN),
                Arguments.of(CARRY_OVER, Who.ANONYMOUS, Outcome.SIGN_IN_FIRST));
    }

    @ParameterizedTest(name = "{1} may {0}: {2}")
    @MethodSource("adminOnly")
    void carryingOverIsForAdmins(Change change, Who who, Outcome expected) throws Exception {
        long before = commitments.lastPositionIn(
                cycles.findBySlug("mitaka").orElseThrow().getId());

        MvcResult result = mvc.perform(as(who, change.request().apply(this))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(expected == Outcome.FORBIDDEN ? 403 : 302);
        assertThat(commitments.lastPositionIn(
                        cycles.findBySlug("mitaka").orElseThrow().getId()))
                .isEqualTo(before);
    }

    /** Everything a change could touch: the commitment, its links, the cycle's order. */
    private String snapshot() {
        return commitments
                        .findDetailed(target.getId())
                        .map(c -> c.getTitle() + "|" + c.getSummary() + "|" + c.getStatus() + "|" + c.getPosition())
                        .orElse("deleted")
                + "|"
                + commitments.findLinksOf(target.getId()).stream()
                        .map(l -> l.getTitle() + "/" + l.getState())
                        .toList();
    }

    private MockHttpServletRequestBuilder as(Who who, MockHttpServletRequestBuilder request) {
        request.accept("text/html");
        return switch (who) {
            case ANONYMOUS -> request;
            case OWNER -> request.with(user(team.user("owner-ed")));
            case COLLABORATOR -> request.with(user(team.user("helper-ed")));
            case OTHER_EDITOR -> request.with(user(team.user("other-ed")));
            case UNLINKED_EDITOR -> request.with(user(team.user("unlinked-ed")));
            case ADMIN -> request.with(user(team.user("chair")));
            case DISABLED_ADMIN -> {
                var signedIn = team.user("chair");
                accounts.findByUsername("chair").orElseThrow().disable();
                yield request.with(user(signedIn));
            }
        };
    }
}
