package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.Map;
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
 * Anonymous readers get pages already rendered, but never an out-of-date one: not after an edit,
 * not after a change written straight to the database, not on the next day; and nobody signed in
 * is ever served a kept page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
@Import(MutableClock.InMitaka.class)
class PageCacheTest {

    @LocalServerPort
    int port;

    @Autowired
    PageCache cache;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void team(@Autowired AccountService accounts, @Autowired People people, @Autowired UserDetailsService users) {
        new Team(accounts, people, users).assemble();
        clock.set(LocalDateTime.of(2015, 11, 12, 10, 0));
    }

    @Test
    void keptPagesTakeAnEighthOfASmallHeapAndNeverMoreThan32Megabytes() {
        assertThat(PageCache.budgetFor(96L << 20)).isEqualTo(12L << 20);
        assertThat(PageCache.budgetFor(2L << 30)).isEqualTo(32L << 20);
    }

    @Test
    void aSecondReaderGetsTheSamePageWithItsHeadersWithoutRenderingIt() throws Exception {
        WebClient reader = new WebClient(port);
        HttpResponse<String> first = reader.get("/commitments/2");
        PageCache.Stats before = cache.stats();

        HttpResponse<String> second = reader.get("/commitments/2");

        assertThat(cache.stats().hits()).isEqualTo(before.hits() + 1);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Content-Security-Policy"))
                .isEqualTo(first.headers().firstValue("Content-Security-Policy"));
        assertThat(second.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        String etag = second.headers().firstValue("ETag").orElseThrow();
        assertThat(reader.send(reader.request("/commitments/2").header("If-None-Match", etag))
                        .statusCode())
                .isEqualTo(304);
    }

    @Test
    void anEditIsSeenByTheNextReader() throws Exception {
        WebClient reader = new WebClient(port);
        reader.get("/commitments/4");
        reader.get("/commitments/4");

        WebClient chair = new WebClient(port);
        chair.signIn("chair", Team.PASSWORD);
        Map<String, String> form = Forms.firstValues(
                Jsoup.parse(chair.get("/commitments/4/edit").body()), "form[action='/commitments/4']");
        form.put("summary", "Rewritten a moment ago.");
        assertThat(chair.submit("/commitments/4/edit", "/commitments/4", form).statusCode())
                .isEqualTo(302);

        assertThat(reader.get("/commitments/4").body()).contains("Rewritten a moment ago.");
    }

    @Test
    void aChangeWrittenStraightToTheDatabaseIsSeenToo(@Autowired JdbcClient jdbc) throws Exception {
        WebClient reader = new WebClient(port);
        reader.get("/people");
        reader.get("/people");

        // As the command line's import does: new records, and a revision for them.
        jdbc.sql("update person set display_name = 'Robert Collins (imported)' where irc_nick = 'lifeless'")
                .update();
        jdbc.sql("insert into revision (changed_at, username) values (0, 'import')")
                .update();

        assertThat(reader.get("/people").body()).contains("Robert Collins (imported)");
        jdbc.sql("update person set display_name = 'Robert Collins' where irc_nick = 'lifeless'")
                .update();
        jdbc.sql("insert into revision (changed_at, username) values (0, 'import')")
                .update();
    }

    @Test
    void everyReaderGetsEnglishDatesWhateverTheirBrowserAsks() throws Exception {
        WebClient reader = new WebClient(port);
        String german = reader.send(reader.request("/cycles/mitaka").header("Accept-Language", "de-DE"))
                .body();
        String plain = reader.get("/cycles/mitaka").body();

        assertThat(german).contains("19 October 2015").doesNotContain("Oktober");
        assertThat(plain).contains("19 October 2015");
    }

    @Test
    void keptPagesAndApiAnswersAreGzippedForClientsThatAcceptIt() throws Exception {
        WebClient reader = new WebClient(port);
        reader.get("/commitments/2");
        for (String path : new String[] {"/commitments/2", "/api/v1/cycles/mitaka/commitments"}) {
            HttpResponse<String> answer = reader.send(reader.request(path).header("Accept-Encoding", "gzip"));
            assertThat(answer.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
        }
    }

    @Test
    void parametersNoPageReadsDoNotGetAFreshRender() throws Exception {
        WebClient reader = new WebClient(port);
        String kept = reader.get("/commitments/5/history").body();
        PageCache.Stats before = cache.stats();

        for (int i = 0; i < 6; i++) {
            HttpResponse<String> busted = reader.get("/commitments/5/history?x=" + System.nanoTime());
            assertThat(busted.statusCode()).isEqualTo(200);
            assertThat(busted.body()).isEqualTo(kept);
        }

        assertThat(cache.stats()).isEqualTo(new PageCache.Stats(before.hits() + 6, before.misses()));
    }

    @Test
    void tomorrowThePageIsRenderedAgain() throws Exception {
        WebClient reader = new WebClient(port);
        reader.get("/cycles/mitaka");
        PageCache.Stats before = cache.stats();

        clock.set(LocalDateTime.of(2015, 11, 13, 10, 0));
        reader.get("/cycles/mitaka");

        assertThat(cache.stats().misses()).isEqualTo(before.misses() + 1);
    }

    @Test
    void someoneSignedInAlwaysGetsTheirOwnPage() throws Exception {
        new WebClient(port).get("/");
        new WebClient(port).get("/");
        WebClient editor = new WebClient(port);
        editor.signIn("owner-ed", Team.PASSWORD);
        PageCache.Stats before = cache.stats();

        String page = editor.get("/").body();

        assertThat(cache.stats()).isEqualTo(before);
        assertThat(Jsoup.parse(page).select("nav[aria-label=Main]").text()).contains("owner-ed");
    }
}
