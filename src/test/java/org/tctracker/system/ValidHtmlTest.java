package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tctracker.account.AccountService;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.support.Forms;
import org.tctracker.support.HtmlChecker;
import org.tctracker.support.MoreCycles;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.Team;
import org.tctracker.support.WebClient;

/**
 * Every kind of page, as the server sends it, passes the Nu Html Checker with no errors: pages
 * anyone reads, every form empty and sent back with errors, the conflict page and the error pages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
@Import(MutableClock.InMitaka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidHtmlTest {

    @LocalServerPort
    int port;

    HtmlChecker checker;

    final Map<String, List<String>> errors = new LinkedHashMap<>();

    @BeforeAll
    void setUp(
            @Autowired AccountService accounts,
            @Autowired People people,
            @Autowired UserDetailsService users,
            @Autowired Cycles cycles,
            @Autowired org.tctracker.goal.Teams teams,
            @Autowired org.tctracker.goal.GoalMaking goals)
            throws Exception {
        new Team(accounts, people, users).assemble();
        MoreCycles.add(cycles);
        try (var in = ValidHtmlTest.class.getResourceAsStream("/goal/projects.yaml")) {
            teams.load(org.tctracker.goal.ProjectsFile.read(
                            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .teams());
        }
        goals.save(
                (org.tctracker.account.TrackerUser) users.loadUserByUsername("chair"),
                2,
                new org.tctracker.goal.Goals.GoalDraft(
                        true, java.util.Set.of(), "goal-py35", "Tests pass.\nDocs too."));
        checker = new HtmlChecker();
    }

    @Test
    void theCheckerFindsErrorsWhenThereAreSome() throws Exception {
        assertThat(
                        checker.errorsIn(
                                "<!DOCTYPE html><html lang=en><head><title>x</title></head>"
                                        + "<body><p><div>block in a paragraph</div></p><a href=\"x\" href=\"y\">twice</a></body></html>"))
                .isNotEmpty();
    }

    @Test
    void everyKindOfPageIsValidHtml() throws Exception {
        WebClient visitor = new WebClient(port);
        for (String path : List.of(
                "/",
                "/cycles",
                "/cycles/mitaka",
                "/cycles/mitaka?status=blocked&owner=lifeless",
                "/commitments/2",
                "/commitments/2/history",
                "/cycles/mitaka/report",
                "/people",
                "/people/1",
                "/goals",
                "/goals/2",
                "/goals/2?state=not-started&state=done",
                "/teams",
                "/teams/oslo",
                "/login",
                "/no-such-page",
                "/commitments/abc",
                "/?status=bogus")) {
            check(path, visitor.get(path));
        }
        check("sign-in refused", visitor.signIn("owner-ed", "not the password"));
        check("405 page", visitor.send(visitor.request("/commitments/2/history").DELETE()));

        WebClient editor = new WebClient(port);
        editor.signIn("other-ed", Team.PASSWORD);
        check("403 page", editor.get("/admin/users"));
        check(
                "403 after a change refused",
                editor.submit(
                        "/commitments/2", "/commitments/2/check-ins", Map.of("status", "DONE", "note", "Not mine")));

        WebClient chair = new WebClient(port);
        chair.signIn("chair", Team.PASSWORD);
        for (String path : List.of(
                "/commitments/new",
                "/commitments/2/edit",
                "/commitments/2/delete",
                "/commitments/2/check-ins/new",
                "/commitments/2/links/1/edit",
                "/commitments/2/links/1/delete",
                "/cycles/new",
                "/cycles/mitaka/edit",
                "/cycles/mitaka/delete",
                "/cycles/mitaka/check-in",
                "/people/new",
                "/people/1/edit",
                "/people/1/delete",
                "/commitments/2/goal",
                "/goals/2/teams/oslo/edit",
                "/teams/oslo/edit",
                "/account",
                "/admin/users",
                "/admin/users/1",
                "/cycles/mitaka?group=status",
                "/cycles/mitaka?sort=check-in&group=owner",
                "/cycles/2016.1-newton",
                "/cycles/kilo",
                "/cycles/2016.1-newton/carry-over?from=mitaka",
                "/cycles/kilo/carry-over")) {
            check(path, chair.get(path));
        }

        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("/commitments/new", "/commitments");
        forms.put("/commitments/2/edit", "/commitments/2");
        forms.put("/commitments/2/check-ins/new", "/commitments/2/check-ins");
        forms.put("/commitments/2", "/commitments/2/links");
        forms.put("/cycles/new", "/cycles");
        forms.put("/cycles/mitaka/edit", "/cycles/mitaka");
        forms.put("/people/new", "/people");
        forms.put("/people/1/edit", "/people/1");
        forms.put("/account", "/account/password");
        forms.put("/admin/users", "/admin/users");
        for (Map.Entry<String, String> form : forms.entrySet()) {
            Document page = Jsoup.parse(chair.get(form.getKey()).body());
            Map<String, String> empty = new LinkedHashMap<>();
            Forms.values(page, "form[action='" + form.getValue() + "']").forEach((name, values) -> {
                String type = page.select("form[action='" + form.getValue() + "'] [name='" + name + "']")
                        .attr("type");
                empty.put(name, type.equals("hidden") && !values.isEmpty() ? values.get(0) : "");
            });
            HttpResponse<String> answer = chair.submit(form.getKey(), form.getValue(), empty);
            assertThat(answer.statusCode()).as(form.getKey() + " refused").isBetween(400, 499);
            check(form.getKey() + " with errors", answer);
        }

        Document weekly = Jsoup.parse(chair.get("/cycles/mitaka/check-in").body());
        Map<String, String> rows = Forms.firstValues(weekly, "form[action='/cycles/mitaka/check-in']");
        rows.put("rows[0].status", "BLOCKED");
        rows.put("rows[0].note", "");
        check("weekly check-in with errors", chair.submit("/cycles/mitaka/check-in", "/cycles/mitaka/check-in", rows));
        check(
                "weekly check-in with a row marked no change",
                chair.submit(
                        "/cycles/mitaka/check-in",
                        "/cycles/mitaka/check-in?noChange=1",
                        Forms.firstValues(weekly, "form[action='/cycles/mitaka/check-in']")));
        Map<String, String> newCommitment =
                Forms.firstValues(Jsoup.parse(chair.get("/commitments/new").body()), "form[action='/commitments']");
        newCommitment.put("title", "With a bad link");
        newCommitment.put("links[0].url", "javascript:alert(1)");
        HttpResponse<String> badLink = chair.submit("/commitments/new", "/commitments", newCommitment);
        assertThat(badLink.statusCode()).isEqualTo(400);
        check("new commitment with a bad link", badLink);

        Map<String, String> stale = Forms.firstValues(
                Jsoup.parse(chair.get("/commitments/3/edit").body()), "form[action='/commitments/3']");
        Map<String, String> fresh = new LinkedHashMap<>(stale);
        fresh.put("summary", "Saved first.");
        assertThat(chair.submit("/commitments/3/edit", "/commitments/3", fresh).statusCode())
                .isEqualTo(302);
        stale.put("summary", "Saved second, from a stale form.");
        HttpResponse<String> conflict = chair.submit("/commitments/3/edit", "/commitments/3", stale);
        assertThat(conflict.statusCode()).isEqualTo(409);
        check("edit conflict", conflict);

        assertThat(errors)
                .as(() -> "Nu Html Checker errors:\n"
                        + errors.entrySet().stream()
                                .filter(e -> !e.getValue().isEmpty())
                                .map(e -> e.getKey() + ":\n  " + String.join("\n  ", e.getValue()))
                                .collect(Collectors.joining("\n")))
                .allSatisfy((page, found) -> assertThat(found).isEmpty());
        assertThat(errors).hasSize(61);
    }

    private void check(String name, HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type"))
                .as(name)
                .get()
                .asString()
                .startsWith("text/html");
        errors.put(name, checker.errorsIn(response.body()));
    }
}
