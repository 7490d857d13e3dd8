package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;
import org.tctracker.account.AccountService;
import org.tctracker.commitment.Commitments;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.support.Forms;
import org.tctracker.support.Html;
import org.tctracker.support.Team;

/** Input nobody types by accident is refused with a 4xx and a reason, and changes nothing. */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class BadInputTest {

    @Autowired
    MockMvc mvc;

    Team team;

    @BeforeEach
    void team(@Autowired AccountService accounts, @Autowired People people, @Autowired UserDetailsService users) {
        team = new Team(accounts, people, users);
        team.assemble();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/commitments/new",
                "/commitments/1/edit",
                "/commitments/1/delete",
                "/commitments/1/check-ins/new",
                "/commitments/1/links/1/edit",
                "/cycles/new",
                "/cycles/mitaka/edit",
                "/cycles/mitaka/delete",
                "/cycles/mitaka/check-in",
                "/people/new",
                "/people/1/edit",
                "/people/1/delete",
            })
    void formPagesSendStrangersToSignIn(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).accept("text/html")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void changesUnderTheReadOnlyApiAnswer405InsteadOfASignInPage() throws Exception {
        MvcResult result = mvc.perform(Forms.post("/api/v1/cycles", Map.of()).accept("application/json"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(405);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result.getResponse().getHeader("Location")).isNull();
    }

    @Test
    void aNulCharacterAnywhereIsABadRequest() throws Exception {
        MvcResult query = mvc.perform(get("/").param("owner", "life\u0000less")).andReturn();
        MvcResult form = mvc.perform(Forms.post(
                                "/people", Map.of("displayName", List.of("Nul\u0000Person"), "ircNick", List.of("nul")))
                        .with(user(team.user("chair"))))
                .andReturn();

        assertThat(query.getResponse().getStatus()).isEqualTo(400);
        assertThat(form.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void formFieldsThePageDoesNotHaveAreABadRequest(@Autowired Cycles cycles) throws Exception {
        MvcResult farRow = mvc.perform(Forms.post(
                                "/cycles",
                                Map.of(
                                        "name",
                                        List.of("Far"),
                                        "slug",
                                        List.of("far"),
                                        "milestones[300].name",
                                        List.of("x")))
                        .with(user(team.user("chair"))))
                .andReturn();
        MvcResult oddRow = mvc.perform(Forms.post("/cycles/mitaka/check-in", Map.of("rows[x].note", List.of("x")))
                        .with(user(team.user("owner-ed"))))
                .andReturn();

        assertThat(farRow.getResponse().getStatus()).isEqualTo(400);
        assertThat(oddRow.getResponse().getStatus()).isEqualTo(400);
        assertThat(cycles.findBySlug("far")).isEmpty();
    }

    @Test
    void datesFarOutsideAnyCycleAreRefused(@Autowired Commitments commitments) throws Exception {
        MvcResult result = mvc.perform(Forms.post(
                                "/cycles",
                                Map.of(
                                        "name", List.of("Ancient"),
                                        "slug", List.of("ancient"),
                                        "startsOn", List.of("-99999-10-07"),
                                        "endsOn", List.of("2016-04-07")))
                        .with(user(team.user("chair"))))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(Html.parse(result).selectFirst("#startsOn-error").text())
                .isEqualTo("Enter a date between 1990 and 2999.");
    }
}
