package org.tctracker.commitment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
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
import org.tctracker.support.Forms;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.Team;
import org.tctracker.support.WebClient;

/**
 * Eight people press save at the same moment, over real HTTP. Each gets either success or the
 * conflict page, never an error; what is stored is the last successful save; and the history has
 * every successful save.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
@Import(MutableClock.InMitaka.class)
class ConcurrentEditsTest {

    static final int CLIENTS = 8;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void team(@Autowired AccountService accounts, @Autowired People people, @Autowired UserDetailsService users) {
        new Team(accounts, people, users).assemble();
    }

    @Test
    void eightEditsOfOneCommitmentAtOnce() throws Exception {
        List<WebClient> clients = new ArrayList<>();
        List<Map<String, String>> forms = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            WebClient client = new WebClient(port);
            client.signIn(i % 2 == 0 ? "chair" : "owner-ed", Team.PASSWORD);
            org.jsoup.nodes.Document page =
                    Jsoup.parse(client.get("/commitments/5/edit").body());
            Map<String, String> form = Forms.firstValues(page, "form[action='/commitments/5']");
            form.put(
                    "_csrf",
                    page.select("form[action='/commitments/5'] input[name=_csrf]")
                            .attr("value"));
            form.put("summary", "Summary from client " + i);
            clients.add(client);
            forms.add(form);
        }

        List<Integer> statuses = allAtOnce(i -> clients.get(i).post("/commitments/5", forms.get(i)));

        System.out.println("concurrent edits: " + statuses);
        assertThat(statuses).allMatch(s -> s == 302 || s == 409);
        assertThat(statuses).filteredOn(s -> s == 302).hasSize(1);
        int winner = statuses.indexOf(302);
        assertThat(jdbc.sql("select summary from commitment where id = 5")
                        .query(String.class)
                        .single())
                .isEqualTo("Summary from client " + winner);
        assertThat(jdbc.sql("select summary from commitment_aud where id = 5")
                        .query(String.class)
                        .list())
                .contains("Summary from client " + winner);
    }

    @Test
    void eightCheckInsOnOneCommitmentInTheSameWeekAtOnce() throws Exception {
        List<WebClient> clients = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            WebClient client = new WebClient(port);
            client.signIn(i % 2 == 0 ? "chair" : "owner-ed", Team.PASSWORD);
            tokens.add(Jsoup.parse(client.get("/commitments/6/check-ins/new").body())
                    .select("input[name=_csrf]")
                    .attr("value"));
            clients.add(client);
        }

        List<Integer> statuses = allAtOnce(i -> clients.get(i)
                .post(
                        "/commitments/6/check-ins",
                        Map.of("status", "IN_PROGRESS", "note", "Note from client " + i, "_csrf", tokens.get(i))));

        System.out.println("concurrent check-ins: " + statuses);
        assertThat(statuses).allMatch(s -> s == 302 || s == 409);
        List<String> stored = jdbc.sql("select note from check_in where commitment_id = 6")
                .query(String.class)
                .list();
        assertThat(stored).hasSize(1);
        List<String> history = jdbc.sql("select note from check_in_aud where commitment_id = 6 order by rev")
                .query(String.class)
                .list();
        for (int i = 0; i < CLIENTS; i++) {
            if (statuses.get(i) == 302) {
                assertThat(history).as("history of check-ins").contains("Note from client " + i);
            }
        }
        // The stored note is the one saved last.
        assertThat(stored.get(0)).isEqualTo(history.get(history.size() - 1));
        assertThat(jdbc.sql("select status from commitment where id = 6")
                        .query(String.class)
                        .single())
                .isEqualTo("IN_PROGRESS");
    }

    interface Save {
        HttpResponse<String> by(int client) throws Exception;
    }

    private static List<Integer> allAtOnce(Save save) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CyclicBarrier start = new CyclicBarrier(CLIENTS);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return save.by(client).statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(2, TimeUnit.MINUTES));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
