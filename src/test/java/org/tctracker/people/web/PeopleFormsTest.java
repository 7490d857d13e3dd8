package org.tctracker.people.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tctracker.account.AccountService;
import org.tctracker.account.TrackerUser;
import org.tctracker.people.People;
import org.tctracker.people.Person;
import org.tctracker.support.Forms;
import org.tctracker.support.Html;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.Team;

/** Admins add, change and remove the people who own and help with commitments. */
@SpringBootTest
@OwnDatabase
@AutoConfigureMockMvc
class PeopleFormsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    People people;

    TrackerUser admin;

    @BeforeEach
    void signIn(@Autowired AccountService accounts, @Autowired UserDetailsService users) {
        Team team = new Team(accounts, people, users);
        team.assemble();
        admin = team.user("chair");
    }

    static Map<String, List<String>> person(String name, String nick) {
        return Map.of(
                "displayName", List.of(name),
                "ircNick", List.of(nick),
                "email", List.of(""),
                "affiliation", List.of("OpenStack Foundation"));
    }

    @Test
    void anAdminAddsSomeoneWhoIsThenListed() throws Exception {
        MvcResult result = mvc.perform(
                        Forms.post("/people", person("Thierry Carrez", "ttx")).with(user(admin)))
                .andReturn();

        Person ttx = people.findByIrcNick("ttx").orElseThrow();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/people/" + ttx.getId());
        assertThat(ttx.getAffiliation()).isEqualTo("OpenStack Foundation");
        Document list = Html.parse(mvc.perform(get("/people")).andReturn());
        assertThat(Html.texts(list, "tbody td:nth-child(2)")).contains("ttx");
    }

    @Test
    void anEmailIsShownOnlyToPeopleWhoAreSignedIn() throws Exception {
        MvcResult added = mvc.perform(Forms.post(
                                "/people",
                                Forms.with(person("Doug Hellmann", "dhellmann"), "email", "doug@example.org"))
                        .with(user(admin)))
                .andReturn();
        assertThat(added.getResponse().getStatus())
                .as(added.getResponse().getContentAsString())
                .isEqualTo(302);
        assertThat(people.findByIrcNick("dhellmann").orElseThrow().getEmail()).isEqualTo("doug@example.org");
        String page =
                "/people/" + people.findByIrcNick("dhellmann").orElseThrow().getId();

        assertThat(Html.parse(mvc.perform(get(page)).andReturn()).text()).doesNotContain("doug@example.org");
        // A browser that is signed in sends its session cookie, so it never gets the readers' kept page.
        assertThat(Html.parse(mvc.perform(get(page)
                                        .cookie(new jakarta.servlet.http.Cookie("SESSION", "signed-in"))
                                        .with(user(admin)))
                                .andReturn())
                        .select("a[href='mailto:doug@example.org']"))
                .hasSize(1);
        assertThat(Html.parse(mvc.perform(get("/people/new").with(user(admin))).andReturn())
                        .selectFirst("#email-hint")
                        .text())
                .isEqualTo("Shown only to people who are signed in.");
    }

    @Test
    void mistakesAndTakenNicksAreExplainedBesideTheirFields() throws Exception {
        MvcResult bad = mvc.perform(
                        Forms.post("/people", Forms.with(person("", "has space"), "email", "not-an-address"))
                                .with(user(admin)))
                .andReturn();
        MvcResult taken = mvc.perform(Forms.post("/people", person("Another Robert", "lifeless"))
                        .with(user(admin)))
                .andReturn();

        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        Document page = Html.parse(bad);
        assertThat(page.selectFirst("#displayName-error").text()).isEqualTo("Enter the name people know them by.");
        assertThat(page.selectFirst("#ircNick-error").text()).startsWith("Enter their IRC nick");
        assertThat(page.selectFirst("#email-error").text()).startsWith("Enter an address such as");
        assertThat(page.selectFirst("input#ircNick").val()).isEqualTo("has space");
        assertThat(taken.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(taken).selectFirst("#ircNick-error").text())
                .isEqualTo("The nick lifeless already belongs to Robert Collins.");
    }

    @Test
    void editingChangesThePersonAndAStaleSaveConflicts() throws Exception {
        mvc.perform(Forms.post("/people", person("Doug Hellmann", "dhellmann")).with(user(admin)));
        long id = people.findByIrcNick("dhellmann").orElseThrow().getId();
        Map<String, List<String>> form = Forms.values(
                Html.parse(mvc.perform(get("/people/" + id + "/edit").with(user(admin)))
                        .andReturn()),
                "form[action=/people/" + id + "]");

        mvc.perform(Forms.post("/people/" + id, Forms.with(form, "affiliation", "Red Hat"))
                .with(user(admin)));
        MvcResult stale = mvc.perform(Forms.post("/people/" + id, Forms.with(form, "affiliation", "HP"))
                        .with(user(admin)))
                .andReturn();

        assertThat(people.findById(id).orElseThrow().getAffiliation()).isEqualTo("Red Hat");
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(Html.texts(Html.parse(stale), "td.stored")).contains("Red Hat");
    }

    @Test
    void someoneWhoOwnsCommitmentsCannotBeRemovedButAFreePersonCan() throws Exception {
        long lifeless = people.findByIrcNick("lifeless").orElseThrow().getId();
        mvc.perform(Forms.post("/people", person("Passing Visitor", "visitor")).with(user(admin)));
        long visitor = people.findByIrcNick("visitor").orElseThrow().getId();

        MvcResult refused = mvc.perform(
                        Forms.post("/people/" + lifeless + "/delete", Map.of()).with(user(admin)))
                .andReturn();
        MvcResult removed = mvc.perform(
                        Forms.post("/people/" + visitor + "/delete", Map.of()).with(user(admin)))
                .andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(Html.parse(refused).selectFirst(".flash-error").text()).startsWith("Robert Collins still owns");
        assertThat(people.findById(lifeless)).isPresent();
        assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/people");
        assertThat(people.findById(visitor)).isEmpty();
    }
}
