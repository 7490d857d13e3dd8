package org.tctracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tctracker.account.AccountService;
import org.tctracker.people.People;
import org.tctracker.support.Forms;
import org.tctracker.support.Postgres;
import org.tctracker.support.Team;
import org.tctracker.support.WebClient;

/**
 * Two instances of the application on one PostgreSQL database, as behind a load balancer: a
 * person signed in through one is signed in on the other, a refused password counts on both, and
 * an edit saved through one is a conflict for a stale form submitted through the other.
 */
class SeveralInstancesTest {

    /** Plays Gerrit for both instances, which read every link each second. */
    static final org.tctracker.support.SourceServer gerrit = new org.tctracker.support.SourceServer();

    /** The mail server both instances send through. */
    static final int SMTP_PORT = freePort();

    static final com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
            new com.icegreen.greenmail.util.ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    /** The community's identity provider, and the address a load balancer gives both instances. */
    static final identityprovider.IdentityProvider.Running provider = identityprovider.IdentityProvider.start();

    static final String BALANCER = "http://tracker.example.test";

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    /**
     * Both start at once on an empty database, as replicas of a fresh deployment do: they migrate
     * it and create the first account at the same time. In one JVM the logging system is shared,
     * so the second waits until the first has set it up (in a deployment each has its own JVM).
     */
    @BeforeAll
    static void startTwoInstances() throws Exception {
        smtp.start();
        String url = Postgres.newDatabase();
        CountDownLatch loggingReady = new CountDownLatch(1);
        // Listeners as classes, not lambdas: the event multicaster reads the event type a listener
        // takes from its class, and a lambda's is erased.
        CompletableFuture<ConfigurableApplicationContext> one = CompletableFuture.supplyAsync(() -> start(
                url,
                new ApplicationListener<ApplicationPreparedEvent>() {
                    @Override
                    public void onApplicationEvent(ApplicationPreparedEvent prepared) {
                        loggingReady.countDown();
                    }
                },
                new ApplicationListener<ApplicationFailedEvent>() {
                    @Override
                    public void onApplicationEvent(ApplicationFailedEvent failed) {
                        loggingReady.countDown();
                    }
                }));
        CompletableFuture<ConfigurableApplicationContext> two = CompletableFuture.supplyAsync(() -> {
            awaitQuietly(loggingReady);
            return start(url);
        });
        first = one.get(3, TimeUnit.MINUTES);
        second = two.get(3, TimeUnit.MINUTES);
        assertThat(first.getBean(JdbcClient.class)
                        .sql("select count(*) from account where username = 'admin'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        new Team(
                        first.getBean(AccountService.class),
                        first.getBean(People.class),
                        first.getBean(UserDetailsService.class))
                .assemble();
    }

    @AfterAll
    static void stop() {
        gerrit.close();
        smtp.stop();
        provider.close();
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ConfigurableApplicationContext start(String url, ApplicationListener<?>... listeners) {
        return new SpringApplicationBuilder(TcTrackerApplication.class)
                .listeners(listeners)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--server.forward-headers-strategy=native",
                        "--tracker.links.gerrit-servers=" + gerrit.base(),
                        "--tracker.links.refresh-every=1s",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + SMTP_PORT,
                        "--tracker.base-url=" + BALANCER,
                        "--tracker.oidc.issuer-uri=" + provider.issuer(),
                        "--tracker.oidc.client-id=" + identityprovider.IdentityProvider.CLIENT_ID,
                        "--tracker.oidc.client-secret=" + identityprovider.IdentityProvider.CLIENT_SECRET);
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void instancesSharingADatabaseReadEachLinkOncePerRound() throws Exception {
        var team = new Team(
                first.getBean(AccountService.class),
                first.getBean(People.class),
                first.getBean(UserDetailsService.class));
        var owner = team.assemble().get("owner-ed");
        var service = first.getBean(org.tctracker.commitment.CommitmentService.class);
        List<org.tctracker.commitment.LinkDraft> links = new java.util.ArrayList<>();
        for (int number = 1; number <= 3; number++) {
            gerrit.answer(
                    "/changes/openstack%2Fnova~" + number,
                    org.tctracker.support.SourceServer.Answer.gerrit(
                            "{\"project\": \"openstack/nova\", \"status\": \"NEW\", \"_number\": " + number + "}"));
            links.add(new org.tctracker.commitment.LinkDraft(
                    "Change " + number,
                    new org.tctracker.commitment.WebAddress(gerrit.base() + "/c/openstack/nova/+/" + number),
                    org.tctracker.commitment.LinkKind.REVIEW,
                    org.tctracker.commitment.LinkState.DRAFT));
        }
        service.create(
                team.user("chair"),
                first.getBean(org.tctracker.cycle.Cycles.class)
                        .findBySlug("mitaka")
                        .orElseThrow()
                        .getId(),
                new org.tctracker.commitment.CommitmentDraft(
                        "Read by two instances",
                        "",
                        owner.getId(),
                        List.of(),
                        org.tctracker.commitment.Status.IN_PROGRESS,
                        null),
                links);
        Thread.sleep(2_000);
        long before = gerrit.requests().size();
        long started = System.nanoTime();

        Thread.sleep(6_000);

        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> during =
                gerrit.requests().subList((int) before, gerrit.requests().size());
        java.util.Map<String, Long> perLink = new java.util.TreeMap<>();
        for (String request : during) {
            perLink.merge(request.substring(0, request.indexOf('?')), 1L, Long::sum);
        }
        assertThat(perLink).as("each link read in every round").hasSize(3);
        // A round under way as the window opens or closes may count for some links and not others.
        assertThat(java.util.Collections.max(perLink.values()) - java.util.Collections.min(perLink.values()))
                .as("every round reads every link once: %s", perLink)
                .isLessThanOrEqualTo(1);
        assertThat(perLink.get("/changes/openstack%2Fnova~1"))
                .as("rounds in %.1f s with a round a second, between two instances", seconds)
                .isBetween(3L, (long) Math.ceil(seconds) + 1);
    }

    @Test
    void twoInstancesRemindingAtTheSameMinuteSendOneCopy() throws Exception {
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        java.time.OffsetDateTime monthAgo =
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(30);
        jdbc.sql("insert into cycle (slug, name, starts_on, ends_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")
                .params("under-way", "Under way", today.minusDays(40), today.plusDays(60), monthAgo, monthAgo)
                .update();
        jdbc.sql("insert into person (display_name, irc_nick, email, created_at, updated_at) values (?, ?, ?, ?, ?)")
                .params("Quiet Owner", "quiet", "quiet@example.org", monthAgo, monthAgo)
                .update();
        jdbc.sql("""
                        insert into commitment (cycle_id, position, title, summary, owner_id, status, created_at, updated_at)
                        values ((select id from cycle where slug = 'under-way'), 1, 'Forgotten', '',
                                (select id from person where irc_nick = 'quiet'), 'IN_PROGRESS', ?, ?)""").params(monthAgo, monthAgo).update();
        var one = first.getBean(org.tctracker.mail.Reminders.class);
        var two = second.getBean(org.tctracker.mail.Reminders.class);
        var start = new java.util.concurrent.CyclicBarrier(2);

        CompletableFuture<org.tctracker.mail.MailRun> a = CompletableFuture.supplyAsync(() -> {
            awaitQuietly(start);
            return one.remind(null, false);
        });
        CompletableFuture<org.tctracker.mail.MailRun> b = CompletableFuture.supplyAsync(() -> {
            awaitQuietly(start);
            return two.remind(null, false);
        });
        var runs = List.of(a.get(1, TimeUnit.MINUTES), b.get(1, TimeUnit.MINUTES));

        long received = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().contains("quiet@example.org");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .count();
        assertThat(received).isEqualTo(1);
        assertThat(runs.stream().mapToLong(r -> r.sent().size()).sum()).isEqualTo(1);
        assertThat(runs.stream().mapToLong(r -> r.skipped().size()).sum()).isEqualTo(1);
    }

    static void awaitQuietly(java.util.concurrent.CyclicBarrier barrier) {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSessionStartedOnOneInstanceIsSignedInOnTheOther() throws Exception {
        WebClient throughFirst = new WebClient(port(first));
        WebClient throughSecond = throughFirst.at(port(second));

        assertThat(throughFirst.signIn("owner-ed", Team.PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> account = throughSecond.get("/account");

        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(account.body()).select("nav[aria-label=Main]").text())
                .contains("owner-ed");
        assertThat(first.getBean(JdbcClient.class)
                        .sql("select count(*) from spring_session where principal_name = 'owner-ed'")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(1);

        // Signing out through the second instance ends the session everywhere: the old cookie,
        // sent again on purpose to the first instance, no longer signs anyone in.
        String cookie = throughFirst.cookie("SESSION");
        assertThat(throughSecond.submit("/account", "/logout", Map.of()).statusCode())
                .isEqualTo(302);
        WebClient replay = new WebClient(port(first));
        assertThat(replay.send(replay.request("/account").header("Cookie", "SESSION=" + cookie))
                        .statusCode())
                .isEqualTo(302);
        assertThat(first.getBean(JdbcClient.class)
                        .sql("select count(*) from spring_session where principal_name = 'owner-ed'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aSignInThroughTheProviderStartedOnOneInstanceEndsOnTheOther() throws Exception {
        provider.allow(BALANCER);
        WebClient throughFirst = new WebClient(port(first));
        WebClient throughSecond = throughFirst.at(port(second));
        jdbc().sql("update person set email = 'rbtcollins@example.org' where irc_nick = 'lifeless'")
                .update();

        // The first instance sends the browser to the provider; the provider sends it back to the
        // balancer's address, and the balancer picks the second instance.
        org.tctracker.account.ProviderJourney journey = new org.tctracker.account.ProviderJourney();
        java.net.URI back = journey.atProvider(journey.start(throughFirst), "rcollins");
        assertThat(back.toString()).startsWith(BALANCER + "/login/oauth2/code/oidc?");
        HttpResponse<String> landed = throughSecond.get(back.getRawPath() + "?" + back.getRawQuery());

        assertThat(landed.statusCode()).isEqualTo(302);
        assertThat(landed.headers().firstValue("Location")).contains("/");
        assertThat(Jsoup.parse(throughFirst.get("/account").body())
                        .select("#signs-in-through")
                        .text())
                .isNotEmpty();
    }

    static JdbcClient jdbc() {
        return first.getBean(JdbcClient.class);
    }

    @Test
    void refusedPasswordsCountAcrossInstances() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            new WebClient(attempt % 2 == 0 ? port(first) : port(second), "198.51.100.7").signIn("other-ed", "wrong");
        }

        HttpResponse<String> sixth = new WebClient(port(second), "198.51.100.7").signIn("other-ed", Team.PASSWORD);

        assertThat(sixth.statusCode()).isEqualTo(429);
    }

    @Test
    void anEditSavedThroughOneInstanceIsAConflictForAStaleFormOnTheOther() throws Exception {
        WebClient alice = new WebClient(port(first));
        alice.signIn("chair", Team.PASSWORD);
        WebClient bob = new WebClient(port(second));
        bob.signIn("owner-ed", Team.PASSWORD);

        Map<String, String> alicesForm = form(alice.page("/commitments/4/edit"));
        Map<String, String> bobsForm = form(bob.page("/commitments/4/edit"));

        bobsForm.put("summary", "Bob's summary, saved through the second instance.");
        HttpResponse<String> bobSaves = bob.post("/commitments/4", bobsForm);
        assertThat(bobSaves.statusCode()).isEqualTo(302);

        alicesForm.put("summary", "Alice's careful summary, from a form opened before Bob saved.");
        HttpResponse<String> aliceSaves = alice.post("/commitments/4", alicesForm);

        assertThat(aliceSaves.statusCode()).isEqualTo(409);
        Document conflict = Jsoup.parse(aliceSaves.body());
        assertThat(conflict.selectFirst("h1").text()).isEqualTo("Someone else changed this first");
        assertThat(conflict.select("table.conflict td.yours").eachText())
                .contains("Alice's careful summary, from a form opened before Bob saved.");
        assertThat(conflict.select("table.conflict td.stored").eachText())
                .contains("Bob's summary, saved through the second instance.");
        assertThat(Jsoup.parse(alice.get("/commitments/4").body()).text())
                .contains("Bob's summary, saved through the second instance.");
    }

    /** The form's fields as the browser would send them, its CSRF token included. */
    private static Map<String, String> form(Document page) {
        Map<String, String> values = new LinkedHashMap<>();
        Forms.values(page, "main form[method=post]").forEach((name, list) -> {
            if (!list.isEmpty()) {
                values.put(name, list.get(0));
            }
        });
        values.put(
                "_csrf", page.select("main form[method=post] input[name=_csrf]").attr("value"));
        return values;
    }
}
