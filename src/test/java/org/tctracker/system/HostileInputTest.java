package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tctracker.account.AccountService;
import org.tctracker.people.People;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.Team;
import org.tctracker.support.WebClient;

/**
 * Every form and API address, sent what no honest browser sends: each answer is a 4xx that says
 * what was wrong (on a page, beside a field, or as problem+json), never a 5xx, and the stored
 * records are exactly as before. Text that is merely unusual (script tags, SQL quotes) is not
 * hostile: it is stored as typed and shown as text, which {@code MarkdownTest} and the page tests
 * cover.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
@Import(MutableClock.InMitaka.class)
class HostileInputTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebClient chair;
    String csrf;

    @BeforeEach
    void signedInAsAdmin(
            @Autowired AccountService accounts, @Autowired People people, @Autowired UserDetailsService users)
            throws Exception {
        new Team(accounts, people, users).assemble();
        chair = new WebClient(port);
        chair.signIn("chair", Team.PASSWORD);
        csrf = Jsoup.parse(chair.get("/commitments/new").body())
                .select("input[name=_csrf]")
                .attr("value");
    }

    /** One hostile request: a name for the report, and how to send it. */
    record Case(String name, HttpRequest.Builder request) {}

    static final List<String> FORMS = List.of(
            "/commitments",
            "/commitments/2",
            "/commitments/2/move",
            "/commitments/2/check-ins",
            "/commitments/2/links",
            "/commitments/2/links/1",
            "/cycles",
            "/cycles/mitaka",
            "/cycles/mitaka/check-in",
            "/cycles/mitaka/carry-over",
            "/people",
            "/people/1",
            "/account/password",
            "/admin/users",
            "/admin/users/1/role",
            "/admin/users/1/password");

    List<Case> cases() {
        String big = "x".repeat(1_000_000);
        List<Case> cases = new ArrayList<>();
        for (String form : FORMS) {
            cases.add(post(form + " 1 MB fields", form, "title=" + big + "&summary=" + big + "&note=" + big));
            cases.add(post(form + " NUL", form, "title=a%00b&name=a%00b&note=a%00b&displayName=a%00b"));
            cases.add(post(form + " bell and escape", form, "title=a%07b&name=%1B%5B2J&note=a%07&displayName=%08"));
            cases.add(post(form + " malformed UTF-8", form, "title=%C3%28&name=%FF%FE&note=%E2%82"));
            cases.add(post(
                    form + " javascript: and data: links",
                    form,
                    "url=javascript%3Aalert(1)&title=x&kind=SPEC&state=DRAFT&version=0"));
            cases.add(post(form + " unknown enum values", form, "status=FINISHED&kind=TELEGRAM&state=LOST&role=GOD"));
            cases.add(
                    post(form + " negative and huge numbers", form, "version=-1&position=99999999999&percentDone=-5"));
            cases.add(post(form + " non-numeric numbers", form, "version=abc&position=x&percentDone=lots&ownerId=me"));
            cases.add(post(form + " missing fields", form, ""));
            cases.add(post(form + " repeated fields", form, "status=DONE&status=BLOCKED&version=0&version=1"));
            cases.add(new Case(
                    form + " JSON body",
                    chair.request(form)
                            .header("Content-Type", "application/json")
                            .header("X-CSRF-TOKEN", csrf)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}"))));
            cases.add(new Case(
                    form + " without its CSRF token",
                    chair.request(form)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("title=x&note=y&name=z"))));
            cases.add(new Case(
                    form + " 2 MB body",
                    chair.request(form)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&note=" + big + big))));
        }
        for (String path : List.of(
                "/commitments/-1",
                "/commitments/99999999999999999999",
                "/commitments/abc",
                "/commitments/1e3/edit",
                "/people/-5",
                "/cycles/%27%20or%201%3D1--",
                "/cycles/mitaka?status=FINISHED",
                "/cycles/mitaka/report?week=2015-W99",
                "/cycles/mitaka/report.md?week=%3Cscript%3E",
                "/api/v1/commitments/-1",
                "/api/v1/commitments/abc",
                "/api/v1/commitments/99999999999999999999",
                "/api/v1/cycles/%27%3Bdrop%20table%20cycle--/commitments",
                "/api/v1/cycles/mitaka?week=%00")) {
            cases.add(new Case("GET " + path, chair.request(path).GET()));
        }
        return cases;
    }

    Case post(String name, String path, String body) {
        return new Case(
                name,
                chair.request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + csrf)));
    }

    @Test
    void everyHostileRequestIsRefusedWithAMessageAndChangesNothing() throws Exception {
        String before = records();
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (Case hostile : cases()) {
            HttpResponse<String> answer = chair.send(hostile.request());
            int status = answer.statusCode();
            String message = messageIn(answer);
            if (status < 400 || status >= 500) {
                failures.add(hostile.name() + ": status " + status);
            } else if (message.isBlank()) {
                failures.add(hostile.name() + ": " + status + " without a message");
            } else {
                refused++;
            }
        }
        System.out.println("hostile requests: " + (refused + failures.size()) + ", refused with a message: " + refused);

        assertThat(failures).isEmpty();
        assertThat(records()).isEqualTo(before);
    }

    /** What the answer tells the person: the error page's message, a field's error, or the problem's detail. */
    private static String messageIn(HttpResponse<String> answer) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("application/problem+json")) {
            return answer.body().contains("\"detail\"") ? answer.body() : "";
        }
        if (type.startsWith("text/plain")) {
            // The digest's Markdown, the spreadsheets and the feeds answer scripts in one line.
            return answer.body().strip();
        }
        Document page = Jsoup.parse(answer.body());
        return String.join(
                " ",
                page.select(".error-message, .field-error, .flash-error, #login-error")
                        .eachText());
    }

    /** Every stored record of the tracker's own tables, in a fixed order. */
    private String records() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of(
                "cycle", "milestone", "person", "commitment", "commitment_collaborator", "spec_link", "check_in")) {
            all.append(table)
                    .append(jdbc.sql("select * from " + table + " order by 1, 2")
                            .query()
                            .listOfRows())
                    .append('\n');
        }
        all.append(jdbc.sql("select id, username, role, enabled, person_id, password_hash from account order by id")
                .query()
                .listOfRows());
        return all.toString();
    }
}
