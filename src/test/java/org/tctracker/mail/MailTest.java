package org.tctracker.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tctracker.account.AccountService;
import org.tctracker.account.Role;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CheckInService;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.CommitmentDraft;
import org.tctracker.commitment.CommitmentService;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.cycle.Cycles;
import org.tctracker.people.People;
import org.tctracker.people.Person;
import org.tctracker.support.Html;
import org.tctracker.support.MutableClock;
import org.tctracker.support.OwnDatabase;
import org.tctracker.support.Team;

/**
 * The tracker's own mail, through a real SMTP server in the test (GreenMail): the weekly reminder
 * and digest, once a week each, their headers and links, and the pages those links lead to.
 */
@SpringBootTest
@AutoConfigureMockMvc
@OwnDatabase
@Import(MutableClock.InMitaka.class)
class MailTest {

    static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
        registry.add("tracker.mail.base-url", () -> "https://tc.example.org");
        registry.add("tracker.mail.from", () -> "TC Tracker <tc-tracker@example.org>");
        registry.add("tracker.mail.digest-to", () -> "openstack-dev@lists.example.org");
    }

    @Autowired
    Reminders reminders;

    @Autowired
    DigestMails digests;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CycleCatalog catalog;

    Person staler;
    Commitment quiet;
    TrackerUser stalerUser;

    @BeforeEach
    void staleWork(
            @Autowired People people,
            @Autowired AccountService accounts,
            @Autowired UserDetailsService users,
            @Autowired CommitmentService commitments,
            @Autowired Cycles cycles) {
        new Team(accounts, people, users).assemble();
        jdbc.sql("delete from sent_mail").update();
        jdbc.sql("delete from mail_choice").update();
        clock.set(LocalDateTime.of(2015, 11, 1, 10, 0));
        staler = people.findByIrcNick("staler").orElseGet(() -> {
            Person made = new Person("Stella \"Stale\" Owner\r\nBcc: everyone@example.org", "staler");
            made.revise(made.getDisplayName(), "staler", "stella@example.org", null);
            return people.save(made);
        });
        if (accounts.all().stream().noneMatch(a -> a.getUsername().equals("staler-ed"))) {
            accounts.create("staler-ed", Role.EDITOR, staler.getId(), Team.PASSWORD);
        }
        stalerUser = (TrackerUser) users.loadUserByUsername("staler-ed");
        quiet = commitments.create(
                team(accounts, people, users),
                cycles.findBySlug("mitaka").orElseThrow().getId(),
                new CommitmentDraft("Quiet for a while", "", staler.getId(), List.of(), Status.IN_PROGRESS, null));
        clock.set(LocalDateTime.of(2015, 11, 16, 9, 0));
    }

    static TrackerUser team(AccountService accounts, People people, UserDetailsService users) {
        return new Team(accounts, people, users).user("chair");
    }

    List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (java.util.Arrays.stream(message.getAllRecipients())
                    .anyMatch(r -> r.toString().contains(address))) {
                found.add(message);
            }
        }
        return found;
    }

    static String link(String body, String path) {
        Matcher m = Pattern.compile(Pattern.quote("https://tc.example.org" + path) + "\\?token=([A-Za-z0-9_.-]+)")
                .matcher(body);
        assertThat(m.find()).as("a link to %s in:%n%s", path, body).isTrue();
        return m.group(1);
    }

    @Test
    void aStaleOwnerGetsOneReminderAWeekWithLinksAndHeadersAndNoInjectedHeader() throws Exception {
        MailRun first = reminders.remind(catalog.bySlug("mitaka").orElseThrow(), false);
        MailRun second = reminders.remind(catalog.bySlug("mitaka").orElseThrow(), false);

        List<MimeMessage> mine = to("stella@example.org");
        assertThat(mine).hasSize(1);
        MimeMessage mail = mine.get(0);
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(mail.getSubject()).matches("\\[tc] Mitaka: \\d+ commitments? needs? a check-in \\(2015-W47\\)");
        assertThat(mail.getFrom()[0].toString()).contains("tc-tracker@example.org");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).startsWith("<https://tc.example.org/mail/unsubscribe?token=");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(mail.getHeader("Message-ID")[0]).matches("<[0-9a-f-]{36}@tc.example.org>");
        assertThat(mail.getSentDate()).isNotNull();
        assertThat(mail.getHeader("Bcc"))
                .as("a name with a line break adds no header")
                .isNull();
        assertThat(mail.getAllRecipients()).hasSize(1);
        assertThat(body)
                .contains("#" + quiet.getPosition() + " Quiet for a while (you own it)")
                .contains("Check in on all of them at once: https://tc.example.org/cycles/mitaka/check-in")
                .contains("No change this week? Say so in one click: https://tc.example.org/mail/no-change?token=");
        assertThat(first.sent()).anyMatch(s -> s.contains("stella@example.org"));
        assertThat(second.sent()).noneMatch(s -> s.contains("stella@example.org"));
        assertThat(second.skipped()).anyMatch(s -> s.contains("stella@example.org"));
        assertThat(jdbc.sql("select message_id from sent_mail where recipient = 'stella@example.org'")
                        .query(String.class)
                        .single())
                .isEqualTo(mail.getHeader("Message-ID")[0]);
    }

    @Test
    void aDryRunSaysWhatWouldGoAndSendsNothing() throws Exception {
        MailRun run = reminders.remind(catalog.bySlug("mitaka").orElseThrow(), true);

        assertThat(run.planned())
                .as("notes: %s", run.notes())
                .anyMatch(p -> p.startsWith("reminder to stella@example.org: [tc] Mitaka"));
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(jdbc.sql("select count(*) from sent_mail").query(Long.class).single())
                .isZero();
    }

    @Test
    void whenTheMailServerIsDownNothingIsRecordedAsSentAndTheNextRunSendsOne() throws Exception {
        smtp.stop();
        MailRun down = reminders.remind(catalog.bySlug("mitaka").orElseThrow(), false);
        assertThat(down.failed()).anyMatch(f -> f.contains("stella@example.org") && f.contains("could not be reached"));
        assertThat(jdbc.sql("select count(*) from sent_mail").query(Long.class).single())
                .isZero();

        smtp.start();
        MailRun back = reminders.remind(catalog.bySlug("mitaka").orElseThrow(), false);
        reminders.remind(catalog.bySlug("mitaka").orElseThrow(), false);

        assertThat(back.failed()).isEmpty();
        assertThat(to("stella@example.org")).hasSize(1);
    }

    @Test
    void oneClickUnsubscribeByPostWithoutASessionTurnsOffThatChoiceOnly(@Autowired MailChoices choices)
            throws Exception {
        choices.save(staler.getId(), new MailChoices.Choice(true, true, true));
        reminders.remind(catalog.bySlug("mitaka").orElseThrow(), false);
        String token = link((String) to("stella@example.org").get(0).getContent(), "/mail/unsubscribe");

        var confirm = Html.parse(
                mvc.perform(get("/mail/unsubscribe").param("token", token)).andReturn());
        assertThat(confirm.select("main button").text()).isEqualTo("Stop them");
        assertThat(choices.of(staler.getId()).reminders())
                .as("a GET changes nothing")
                .isTrue();

        // As a mail client sends it (RFC 8058): the address from List-Unsubscribe, and this body.
        MvcResult done = mvc.perform(post("/mail/unsubscribe?token=" + token)
                        .contentType("application/x-www-form-urlencoded")
                        .content("List-Unsubscribe=One-Click"))
                .andReturn();

        assertThat(done.getResponse().getStatus())
                .as(done.getResponse().getContentAsString())
                .isEqualTo(200);
        assertThat(choices.of(staler.getId())).isEqualTo(new MailChoices.Choice(false, true, true));

        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        MvcResult refused =
                mvc.perform(post("/mail/unsubscribe").param("token", tampered)).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("This link does not work");

        clock.set(LocalDateTime.of(2016, 3, 1, 9, 0));
        choices.save(staler.getId(), new MailChoices.Choice(true, true, true));
        assertThat(mvc.perform(post("/mail/unsubscribe").param("token", token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("expired after 90 days")
                .isEqualTo(400);
        assertThat(choices.of(staler.getId()).reminders()).isTrue();
    }

    @Test
    void noChangeFromTheMailRecordsExactlyOneCheckInAfterConfirmingAndNeverOnGet(@Autowired CheckInService checkIns)
            throws Exception {
        reminders.remind(catalog.bySlug("mitaka").orElseThrow(), false);
        String body = (String) to("stella@example.org").get(0).getContent();
        String token = link(body.substring(body.indexOf("#" + quiet.getPosition() + " Quiet")), "/mail/no-change");

        var confirm = Html.parse(
                mvc.perform(get("/mail/no-change").param("token", token)).andReturn());
        assertThat(confirm.text()).contains("Quiet for a while", "No change.");
        assertThat(checkIns.thisWeeksOf(quiet.getId()))
                .as("a GET records nothing")
                .isNull();

        mvc.perform(post("/mail/no-change").param("token", token));
        MvcResult again =
                mvc.perform(post("/mail/no-change").param("token", token)).andReturn();

        assertThat(jdbc.sql("select count(*) from check_in where commitment_id = ?")
                        .param(quiet.getId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(checkIns.thisWeeksOf(quiet.getId())).satisfies(c -> {
            assertThat(c.getNote()).isEqualTo("No change.");
            assertThat(c.getAuthor()).isEqualTo("staler-ed");
            assertThat(c.getStatus()).isEqualTo(Status.IN_PROGRESS);
        });
        assertThat(again.getResponse().getContentAsString()).contains("has a check-in for this week already");

        clock.set(LocalDateTime.of(2015, 11, 23, 9, 0));
        assertThat(mvc.perform(get("/mail/no-change").param("token", token))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("next week the link is over")
                .isEqualTo(410);
    }

    @Test
    void theDigestGoesToTheListOnceAWeekAsPlainText() throws Exception {
        var mitaka = catalog.bySlug("mitaka").orElseThrow();
        MailRun run = digests.send(mitaka, null, false);
        digests.send(mitaka, null, false);

        List<MimeMessage> list = to("openstack-dev@lists.example.org");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).getSubject()).isEqualTo("[tc] Mitaka commitments, 2015-W47 (R-20)");
        assertThat(list.get(0).getContentType()).startsWith("text/plain");
        assertThat((String) list.get(0).getContent())
                .contains("# Mitaka cycle: week 2015-W47 (R-20)")
                .contains("Quiet for a while");
        assertThat(list.get(0).getHeader("List-Unsubscribe"))
                .as("a list has nobody to unsubscribe")
                .isNull();
        assertThat(run.sent()).hasSize(1);
    }

    @Test
    void aWeekInWhichNothingHappenedGetsNoDigest() throws Exception {
        MailRun run = digests.send(
                catalog.bySlug("mitaka").orElseThrow(), org.tctracker.cycle.IsoWeek.parse("2015-W43"), false);

        assertThat(run.sent()).isEmpty();
        assertThat(run.notes())
                .containsExactly("nothing changed in Mitaka in 2015-W43 and nothing is stale: no digest");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void theScheduledRunSendsTheRemindersUnderItsLease(@Autowired MailSchedule schedule) throws Exception {
        schedule.remind();

        assertThat(to("stella@example.org")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'mail-reminders'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theChoicesPageSavesAPersonsChoices(@Autowired MailChoices choices) throws Exception {
        var page = Html.parse(
                mvc.perform(get("/account/mail").with(user(stalerUser))).andReturn());
        assertThat(page.text()).contains("Mails go to stella@example.org");
        assertThat(page.selectFirst("input#reminders").hasAttr("checked")).isTrue();

        mvc.perform(post("/account/mail")
                .with(user(stalerUser))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("digest", "on"));

        assertThat(choices.of(staler.getId())).isEqualTo(new MailChoices.Choice(false, false, true));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
