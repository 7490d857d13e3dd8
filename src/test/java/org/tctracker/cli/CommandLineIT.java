package org.tctracker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tctracker.support.Postgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command-line mode, tested on the packaged jar as cron and operators run it: each test
 * starts a separate process and looks only at its exit status, stdout and stderr.
 */
class CommandLineIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    Path data() {
        return dir.resolve("data");
    }

    /**
     * A cycle under way today: #1 blocked but checked in yesterday, #2 never checked in, #3 done,
     * #4 last checked in ten days ago.
     */
    Path underWay() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        String file = """
                {"format":"tc-tracker-export","version":1,
                 "cycles":[{"id":1,"slug":"newton","name":"Newton","summit":"Austin","startsOn":"%s","endsOn":"%s",
                            "createdAt":"2016-04-11T09:00:00Z","updatedAt":"2016-04-11T09:00:00Z"}],
                 "milestones":[],
                 "people":[{"id":1,"displayName":"Thierry Carrez","ircNick":"ttx","email":null,"affiliation":null,
                            "createdAt":"2016-04-11T09:00:00Z","updatedAt":"2016-04-11T09:00:00Z"}],
                 "commitments":[
                   {"id":1,"cycleId":1,"position":1,"title":"Blocked one","summary":"","ownerId":1,"status":"BLOCKED",
                    "targetDate":null,"carriedToId":null,"createdAt":"2016-04-11T09:00:00Z","updatedAt":"2016-04-11T09:00:00Z"},
                   {"id":2,"cycleId":1,"position":2,"title":"Forgotten one","summary":"","ownerId":1,"status":"IN_PROGRESS",
                    "targetDate":null,"carriedToId":null,"createdAt":"2016-04-11T09:00:00Z","updatedAt":"2016-04-11T09:00:00Z"},
                   {"id":3,"cycleId":1,"position":3,"title":"Finished one","summary":"","ownerId":1,"status":"DONE",
                    "targetDate":null,"carriedToId":null,"createdAt":"2016-04-11T09:00:00Z","updatedAt":"2016-04-11T09:00:00Z"},
                   {"id":4,"cycleId":1,"position":4,"title":"Slow one","summary":"","ownerId":1,"status":"IN_PROGRESS",
                    "targetDate":null,"carriedToId":null,"createdAt":"2016-04-11T09:00:00Z","updatedAt":"2016-04-11T09:00:00Z"}],
                 "collaborators":[],
                 "specLinks":[{"id":1,"commitmentId":1,"title":"Spec","url":"https://specs.example.org/1","kind":"SPEC",
                               "state":"DRAFT","createdAt":"2016-04-11T09:00:00Z","updatedAt":"2016-04-11T09:00:00Z"}],
                 "checkIns":[{"id":1,"commitmentId":1,"isoWeek":"%s","checkedOn":"%s","author":"ttx","status":"BLOCKED",
                              "note":"Waiting on infra","percentDone":null,
                              "createdAt":"2016-04-11T09:00:00Z","updatedAt":"2016-04-11T09:00:00Z"},
                             {"id":2,"commitmentId":4,"isoWeek":"%s","checkedOn":"%s","author":"ttx","status":"IN_PROGRESS",
                              "note":"Some progress","percentDone":30,
                              "createdAt":"2016-04-11T09:00:00Z","updatedAt":"2016-04-11T09:00:00Z"}]}
                """.formatted(
                        today.minusDays(30),
                        today.plusDays(60),
                        org.tctracker.cycle.IsoWeek.of(today.minusDays(1)),
                        today.minusDays(1),
                        org.tctracker.cycle.IsoWeek.of(today.minusDays(10)),
                        today.minusDays(10));
        Path path = dir.resolve("under-way.json");
        Files.writeString(path, file);
        return path;
    }

    @Test
    void checkExits0AndSaysSoWhenNothingNeedsAttention() throws Exception {
        Jar.Result result = Jar.run(data(), "check");

        assertThat(result.status()).isEqualTo(0);
        assertThat(result.out()).isEqualTo("Nothing needs attention in Mitaka.\n");
        assertThat(result.err()).doesNotContain("Started", "Spring Boot");
        // The folder the command made, and the database in it, are the owner's alone.
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(data())))
                .isEqualTo("rwx------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(data().resolve("database-password"))))
                .isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(data().resolve("tracker.mv.db"))))
                .isEqualTo("rw-------");
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(
                                "jdbc:h2:file:" + data().toAbsolutePath() + "/tracker;AUTO_SERVER=TRUE", "sa", "")
                        .close())
                .hasMessageContaining("Wrong user name or password");
    }

    @Test
    void checkExits3AndListsTheStaleAndBlocked() throws Exception {
        assertThat(Jar.run(data(), "import", underWay().toString(), "--replace").status())
                .isEqualTo(0);

        Jar.Result text = Jar.run(data(), "check");
        Jar.Result json = Jar.run(data(), "check", "--format", "json");

        assertThat(text.status()).isEqualTo(3);
        assertThat(text.out().lines()).hasSize(4).first().isEqualTo("3 commitments need attention in Newton:");
        assertThat(text.out())
                .contains("#1 Blocked one (ttx, Blocked", "#2 Forgotten one (ttx, In progress, last check-in never)")
                .contains("#4 Slow one (ttx, In progress, last check-in "
                        + LocalDate.now(java.time.ZoneOffset.UTC).minusDays(10))
                .doesNotContain("Finished one");
        assertThat(json.status()).isEqualTo(3);
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.path("cycle").asString()).isEqualTo("newton");
        assertThat(report.path("attention")).hasSize(3);
        assertThat(report.path("attention").get(0).path("reasons").get(0).asString())
                .isEqualTo("blocked");
        assertThat(report.path("attention").get(1).path("reasons").get(0).asString())
                .isEqualTo("stale");
        // Statuses are spelt as the API spells them, for scripts that read both.
        assertThat(java.util.stream.IntStream.range(0, 3)
                        .mapToObj(i ->
                                report.path("attention").get(i).path("status").asString()))
                .containsExactly("BLOCKED", "IN_PROGRESS", "IN_PROGRESS");
        Jar.Result lenient = Jar.run(data(), "check", "--stale-after", "14d");
        assertThat(lenient.status()).isEqualTo(3);
        assertThat(lenient.out()).doesNotContain("Slow one").contains("Forgotten one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "report", "export", "import", "backup", "frobnicate"})
    void anUnknownOptionOrCommandExits2(String command) throws Exception {
        Jar.Result result = Jar.run(data(), command, "--no-such-option");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("tc-tracker");
    }

    @Test
    void checkCountsAGoalWhoseTeamRowsWentStale() throws Exception {
        String quiet = java.time.Instant.now()
                .minus(java.time.Duration.ofDays(20))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        String fresh = java.time.Instant.now()
                .minus(java.time.Duration.ofDays(1))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        String file = Files.readString(underWay()).strip();
        String goals = """
                ,"teams":[{"id":1,"slug":"oslo","name":"Oslo","mailingTag":null,"createdAt":"%1$s","updatedAt":"%1$s"},
                          {"id":2,"slug":"compute","name":"Compute","mailingTag":null,"createdAt":"%1$s","updatedAt":"%1$s"}],
                 "teamRepos":[],"teamMembers":[],
                 "goals":[{"commitmentId":3,"everyTeam":true,"topic":null,"criteria":"","syncedAt":null,"syncError":null,
                           "createdAt":"%1$s","updatedAt":"%1$s"},
                          {"commitmentId":4,"everyTeam":true,"topic":null,"criteria":"","syncedAt":null,"syncError":null,
                           "createdAt":"%1$s","updatedAt":"%1$s"}],
                 "goalTeams":[{"goalId":3,"teamId":1,"state":"NOT_STARTED","reason":null,"planningUrl":null,"planningState":null,
                               "completionUrl":null,"completionState":null,"byHand":false,"sourceWords":null,
                               "updatedBy":"tracker","updatedAt":"%1$s"},
                              {"goalId":4,"teamId":1,"state":"PLANNED","reason":null,"planningUrl":null,"planningState":null,
                               "completionUrl":null,"completionState":null,"byHand":true,"sourceWords":null,
                               "updatedBy":"ttx","updatedAt":"%1$s"},
                              {"goalId":4,"teamId":2,"state":"DONE","reason":null,"planningUrl":null,"planningState":null,
                               "completionUrl":null,"completionState":null,"byHand":true,"sourceWords":null,
                               "updatedBy":"ttx","updatedAt":"%2$s"}],
                 "goalTeamEvents":[],"goalUnownedRepos":[]}""".formatted(quiet, fresh);
        Path withGoals = dir.resolve("with-goals.json");
        Files.writeString(withGoals, file.substring(0, file.length() - 1) + goals);
        Jar.Result imported = Jar.run(data(), "import", withGoals.toString(), "--replace");
        assertThat(imported.status()).as(imported.err()).isEqualTo(0);

        Jar.Result text = Jar.run(data(), "check");
        JsonNode json =
                JSON.readTree(Jar.run(data(), "check", "--format", "json").out());

        assertThat(text.status()).isEqualTo(3);
        // #3 is done, so its rows are history; #4 is open with one row still to do and quiet for 20 days.
        assertThat(text.out()).doesNotContain("Finished one");
        assertThat(text.out().lines().filter(l -> l.contains("#4 Slow one")))
                .singleElement()
                .asString()
                .startsWith("stale+1 team stale");
        assertThat(json.path("attention")
                        .valueStream()
                        .filter(a -> a.path("position").asInt() == 4)
                        .findFirst()
                        .orElseThrow()
                        .path("reasons")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly("stale", "1 team stale");
    }

    @Test
    void importTeamsLoadsAProjectsFileAndRejectsAMalformedOneWithExit4ChangingNothing() throws Exception {
        Path projects = dir.resolve("projects.yaml");
        try (var in = CommandLineIT.class.getResourceAsStream("/goal/projects.yaml")) {
            Files.write(projects, in.readAllBytes());
        }
        Path malformed = dir.resolve("malformed.yaml");
        Files.writeString(malformed, """
                Brand New:
                  deliverables:
                    thing:
                      repos: [openstack/brand-new]
                Compute:
                  deliverables:
                    nova:
                      repos: [openstack/nova, "../../etc/passwd"]
                """);

        Jar.Result loaded = Jar.run(data(), "import-teams", projects.toString());
        Jar.Result rejected = Jar.run(data(), "import-teams", malformed.toString());
        Jar.Result again = Jar.run(data(), "import-teams", projects.toString());

        assertThat(loaded.status()).isEqualTo(0);
        assertThat(loaded.err()).contains("Imported " + projects + ": 4 teams (4 new, 0 updated), 8 repositories.");
        assertThat(rejected.status()).isEqualTo(4);
        assertThat(rejected.err())
                .contains(
                        "tc-tracker import-teams: the file was rejected and nothing was changed:",
                        "team \"Compute\", deliverable \"nova\": \"../../etc/passwd\" is not a repository name");
        // Had "Brand New" been loaded, the good file would now leave it behind and say so.
        assertThat(again.status()).isEqualTo(0);
        assertThat(again.err()).contains("4 teams (0 new, 4 updated)").doesNotContain("Kept");
        assertThat(Jar.run(data(), "import-teams", dir.resolve("missing.yaml").toString())
                        .status())
                .isEqualTo(2);
    }

    @Test
    void anUnknownCommandIsNamedOnce() throws Exception {
        Jar.Result result = Jar.run(data(), "frobnicate");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().findFirst()).contains("tc-tracker: Unknown command 'frobnicate'.");
        assertThat(result.err().split("frobnicate", -1)).hasSize(2);
        assertThat(result.err())
                .contains(
                        "Commands: check, report, export, import, import-teams, backup, reset-admin, sync, remind, send-digest.");
    }

    /**
     * The weekly nag in the README, run as cron runs it (sh, with a stand-in for mail that writes
     * down what it is given): it mails only when there is something to say, and exits 0 when all
     * went well, so cron does not report a failure every week.
     */
    @Test
    void theReadmesCronLineMailsOnlyWhenThereIsSomethingToSayAndExits0() throws Exception {
        String line = Files.readAllLines(Path.of("README.md")).stream()
                .dropWhile(l -> !l.equals("```cron"))
                .skip(1)
                .findFirst()
                .orElseThrow(() -> new AssertionError("The README has no cron block"));
        String command = line.replaceFirst("^(\\S+\\s+){5}", "")
                .replace("cd /srv/tc-tracker", "cd " + dir)
                .replace("java -jar tc-tracker.jar", "java -jar " + Jar.FILE.toAbsolutePath());
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path mail = bin.resolve("mail");
        Files.writeString(mail, "#!/bin/sh\necho \"mail $*\" >> \"$MAILED\"\ncat >> \"$MAILED\"\n");
        mail.toFile().setExecutable(true);
        Path mailed = dir.resolve("mailed.txt");

        int quiet = cron(command, bin, mailed);
        assertThat(quiet).as("nothing needs attention").isEqualTo(0);
        assertThat(mailed).doesNotExist();

        assertThat(Jar.run(data(), "import", underWay().toString(), "--replace").status())
                .isEqualTo(0);
        int attention = cron(command, bin, mailed);
        assertThat(attention).as("stale and blocked work, mailed to the owners").isEqualTo(0);
        assertThat(Files.readString(mailed))
                .startsWith("mail -s TC commitments needing attention tc-owners@example.org\n")
                .contains("3 commitments need attention in Newton:");

        Files.delete(mailed);
        Files.writeString(data().resolve("tracker.mv.db"), "not a database");
        int broken = cron(command, bin, mailed);
        assertThat(broken).as("a failed check is cron's failure too").isNotEqualTo(0);
        assertThat(Files.readString(mailed)).startsWith("mail -s tc-tracker check failed admin@example.org\n");
    }

    private int cron(String command, Path bin, Path mailed) throws Exception {
        ProcessBuilder sh = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
        sh.environment().put("PATH", bin + ":" + Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        sh.environment().put("TRACKER_DATA_DIR", data().toString());
        sh.environment().put("MAILED", mailed.toString());
        Process process = sh.start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    @Test
    void badValuesForKnownOptionsExit2() throws Exception {
        assertThat(Jar.run(data(), "check", "--format", "xml").status()).isEqualTo(2);
        assertThat(Jar.run(data(), "check", "--stale-after", "soon").status()).isEqualTo(2);
        assertThat(Jar.run(data(), "check", "--cycle", "nope").status()).isEqualTo(2);
        assertThat(Jar.run(data(), "report", "--week", "W46").status()).isEqualTo(2);
        Jar.Result outside = Jar.run(data(), "report", "--cycle", "mitaka", "--week", "2020-W01");
        assertThat(outside.status()).isEqualTo(2);
        assertThat(outside.err()).contains("Mitaka runs from 2015-W43 to 2016-W14");
        assertThat(Jar.run(data(), "import", dir.resolve("missing.json").toString())
                        .status())
                .isEqualTo(2);
    }

    @Test
    void aMalformedOrInvalidImportExits4AndChangesNothing() throws Exception {
        String before = Jar.run(data(), "export").out();
        Path malformed = Files.writeString(dir.resolve("malformed.json"), "{\"format\": \"tc-tracker-export\", ");
        String valid = Files.readString(underWay());
        Path invalid = Files.writeString(
                dir.resolve("invalid.json"),
                valid.replace("https://specs.example.org/1", "javascript:alert(1)")
                        .replace("\"status\":\"DONE\"", "\"status\":\"FINISHED\"")
                        .replace(
                                "\"ownerId\":1,\"status\":\"IN_PROGRESS\"",
                                "\"ownerId\":7,\"status\":\"IN_PROGRESS\""));

        Jar.Result notJson = Jar.run(data(), "import", malformed.toString(), "--replace");
        Jar.Result wrong = Jar.run(data(), "import", invalid.toString(), "--replace");

        assertThat(notJson.status()).isEqualTo(4);
        assertThat(notJson.err()).contains("nothing was changed", "not valid JSON");
        assertThat(wrong.status()).isEqualTo(4);
        assertThat(wrong.err())
                .contains("specLinks[0].url: Only http:// and https:// addresses are allowed.")
                .contains("commitments[2].status: one of")
                .doesNotContain("Exception");
        assertThat(Jar.run(data(), "export").out()).isEqualTo(before);
    }

    @Test
    void syncSavesWhatItCouldReadAndExits5WhenASourceCannotBeReached() throws Exception {
        try (org.tctracker.support.SourceServer gerrit = new org.tctracker.support.SourceServer()) {
            gerrit.answer(
                    "/gerrit/changes/openstack%2Foslo-specs~245422",
                    org.tctracker.support.SourceServer.Answer.gerrit("""
                            {"project": "openstack/oslo-specs", "status": "MERGED", "_number": 245422,
                             "submitted": "2015-12-14 09:12:47.000000000", "updated": "2015-12-14 09:12:47.000000000",
                             "labels": {}, "an_unknown_field": [1, 2]}"""));
            String refused = "http://127.0.0.1:" + freePort();
            String file = Files.readString(underWay())
                    .replace(
                            "\"url\":\"https://specs.example.org/1\"",
                            "\"url\":\"" + gerrit.base() + "/gerrit/c/openstack/oslo-specs/+/245422\"");
            Path withLinks = Files.writeString(
                    dir.resolve("links.json"),
                    file.replace(
                            "\"specLinks\":[",
                            "\"specLinks\":[{\"id\":2,\"commitmentId\":2,\"title\":\"Gone\",\"url\":\"" + refused
                                    + "/gerrit/c/openstack/nova/+/1\",\"kind\":\"REVIEW\",\"state\":\"IN_REVIEW\","
                                    + "\"createdAt\":\"2016-04-11T09:00:00Z\",\"updatedAt\":\"2016-04-11T09:00:00Z\"},"));
            java.util.Map<String, String> sources =
                    java.util.Map.of("TRACKER_LINKS_GERRIT_SERVERS", gerrit.base() + "/gerrit," + refused + "/gerrit");
            assertThat(Jar.run(sources, data(), "import", withLinks.toString(), "--replace")
                            .status())
                    .isZero();

            Jar.Result first = Jar.run(sources, data(), "sync");

            assertThat(first.status()).isEqualTo(5);
            assertThat(first.out())
                    .isEqualTo("oslo-specs 245422: Draft → Approved (Merged) <" + gerrit.base()
                            + "/gerrit/c/openstack/oslo-specs/+/245422>\n");
            assertThat(first.err())
                    .contains("could not read " + refused
                            + "/gerrit/c/openstack/nova/+/1 at 127.0.0.1: connection refused")
                    .doesNotContain("Exception");
            JsonNode links = JSON.readTree(Jar.run(data(), "export").out()).path("specLinks");
            assertThat(links.findValuesAsString("state")).containsExactlyInAnyOrder("APPROVED", "IN_REVIEW");
            assertThat(links.findValuesAsString("syncError")).contains("connection refused");

            Jar.Result again = Jar.run(
                    java.util.Map.of("TRACKER_LINKS_GERRIT_SERVERS", gerrit.base() + "/gerrit"),
                    data(),
                    "sync",
                    "--cycle",
                    "newton",
                    "--format",
                    "json");
            assertThat(again.status()).as(again.err()).isZero();
            assertThat(JSON.readTree(again.out()).path("changed").size()).isZero();
            assertThat(Jar.run(data(), "sync", "--cycle", "nope").status()).isEqualTo(2);
        }
    }

    @Test
    void remindMailsOnceAWeekAndExits5WhenTheMailServerIsAway() throws Exception {
        int port = freePort();
        com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
        Path file = Files.writeString(
                dir.resolve("with-email.json"),
                Files.readString(underWay())
                        .replace(
                                "\"ircNick\":\"ttx\",\"email\":null",
                                "\"ircNick\":\"ttx\",\"email\":\"ttx@example.org\""));
        assertThat(Jar.run(data(), "import", file.toString(), "--replace").status())
                .isZero();
        java.util.Map<String, String> mail = java.util.Map.of(
                "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", String.valueOf(port),
                "TRACKER_MAIL_BASE_URL", "https://tc.example.org");

        Jar.Result away = Jar.run(mail, data(), "remind");
        assertThat(away.status()).isEqualTo(5);
        assertThat(away.err()).contains("not sent: reminder to ttx@example.org").doesNotContain("Exception");

        Jar.Result dry = Jar.run(mail, data(), "remind", "--dry-run");
        assertThat(dry.status()).isZero();
        assertThat(dry.out())
                .contains("Would send reminder to ttx@example.org: [tc] Newton: 2 commitments need a check-in")
                .contains("#2 Forgotten one (you own it)", "#4 Slow one (you own it)")
                .contains("https://tc.example.org/cycles/newton/check-in");

        smtp.start();
        try {
            Jar.Result sent = Jar.run(mail, data(), "remind");
            Jar.Result again = Jar.run(mail, data(), "remind", "--cycle", "newton");

            assertThat(sent.status()).as(sent.err()).isZero();
            assertThat(sent.out()).contains("Sent reminder to ttx@example.org");
            assertThat(again.status()).isZero();
            assertThat(again.out()).contains("Not sent again: reminder to ttx@example.org");
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(Jar.run(mail, data(), "send-digest", "--week", "1999-W01")
                            .status())
                    .isEqualTo(2);
            Jar.Result digest = Jar.run(
                    java.util.Map.of(
                            "SPRING_MAIL_HOST", "127.0.0.1",
                            "SPRING_MAIL_PORT", String.valueOf(port),
                            "TRACKER_MAIL_DIGEST_TO", "list@example.org"),
                    data(),
                    "send-digest");
            assertThat(digest.status()).as(digest.err()).isZero();
            assertThat(digest.out()).contains("Sent digest to list@example.org: [tc] Newton commitments, ");
            assertThat(smtp.getReceivedMessages()).hasSize(2);
        } finally {
            smtp.stop();
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void exportWritesOnlyJsonToStdout() throws Exception {
        Jar.Result result = Jar.run(data(), "export");

        assertThat(result.status()).isEqualTo(0);
        JsonNode document = JSON.readTree(result.out());
        assertThat(document.path("format").asString()).isEqualTo("tc-tracker-export");
        assertThat(document.path("commitments")).hasSize(9);
        assertThat(document.has("accounts")).isFalse();
        assertThat(JSON.readTree(Jar.run(data(), "export", "--include-accounts").out())
                        .path("accounts")
                        .isArray())
                .isTrue();
    }

    @Test
    void resetAdminTakesThePasswordFromStandardInputOnly() throws Exception {
        Jar.Result nothingPiped = Jar.run(data(), "reset-admin", "--username", "rescuer");
        assertThat(nothingPiped.status()).isEqualTo(2);
        assertThat(nothingPiped.err()).contains("Give the new password on standard input");

        Jar.Result piped =
                Jar.runWithInput("a fresh start for the chair\n", data(), "reset-admin", "--username", "rescuer");
        assertThat(piped.status()).isEqualTo(0);
        assertThat(piped.err()).contains("Created rescuer, an enabled admin with the new password.");
        assertThat(piped.out()).isEmpty();

        JsonNode accounts = JSON.readTree(
                        Jar.run(data(), "export", "--include-accounts").out())
                .path("accounts");
        assertThat(accounts).anySatisfy(account -> {
            assertThat(account.path("username").asString()).isEqualTo("rescuer");
            assertThat(account.path("role").asString()).isEqualTo("ADMIN");
            assertThat(account.path("enabled").asBoolean()).isTrue();
            assertThat(account.path("passwordHash").asString()).startsWith("{bcrypt}");
        });
    }

    @Test
    void exportThenImportIntoAnEmptyDatabaseGivesAnIdenticalExport() throws Exception {
        Path first = dir.resolve("first");
        assertThat(Jar.run(first, "import", underWay().toString(), "--replace").status())
                .isEqualTo(0);
        Path file = dir.resolve("export.json");
        assertThat(Jar.run(first, "export", "--output", file.toString()).status())
                .isEqualTo(0);

        Path second = dir.resolve("second");
        Jar.Result imported = Jar.run(second, "import", file.toString(), "--replace");

        assertThat(imported.status()).isEqualTo(0);
        assertThat(Jar.run(second, "export").out()).isEqualTo(Files.readString(file) + "\n");
    }

    @Test
    void aDeploymentMovesFromH2ToPostgresWithAnIdenticalExport() throws Exception {
        Map<String, String> postgres = Map.of(
                "SPRING_DATASOURCE_URL", Postgres.newDatabase(),
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "");
        Path h2 = dir.resolve("h2");
        assertThat(Jar.run(h2, "import", underWay().toString(), "--replace").status())
                .isEqualTo(0);
        Path file = dir.resolve("from-h2.json");
        assertThat(Jar.run(h2, "export", "--include-accounts", "--output", file.toString())
                        .status())
                .isEqualTo(0);

        Jar.Result imported = Jar.run(postgres, dir.resolve("unused"), "import", file.toString(), "--replace");

        assertThat(imported.status()).isEqualTo(0);
        Jar.Result fromPostgres = Jar.run(postgres, dir.resolve("unused"), "export", "--include-accounts");
        assertThat(fromPostgres.status()).isEqualTo(0);
        assertThat(fromPostgres.out()).isEqualTo(Files.readString(file) + "\n");
        assertThat(JSON.readTree(fromPostgres.out()).path("checkIns")).isNotEmpty();
        assertThat(Files.exists(dir.resolve("unused"))).isFalse();
    }

    @Test
    void aBackupRestoredIntoAnEmptyFolderHasTheSameRecords() throws Exception {
        Path live = dir.resolve("live");
        assertThat(Jar.run(live, "import", underWay().toString(), "--replace").status())
                .isEqualTo(0);
        Path zip = dir.resolve("tracker-backup.zip");

        Jar.Result backup = Jar.run(live, "backup", "--output", zip.toString());

        assertThat(backup.status()).isEqualTo(0);
        assertThat(Jar.run(live, "backup", "--output", zip.toString()).status())
                .as("never overwrites a backup")
                .isEqualTo(2);
        Path restored = Files.createDirectories(dir.resolve("restored"));
        try (java.util.zip.ZipInputStream entries = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Files.copy(entries, restored.resolve(entry.getName()));
            }
        }
        assertThat(restored.resolve("tracker.mv.db")).exists();
        String original = Jar.run(live, "export", "--include-accounts").out();
        assertThat(Jar.run(restored, "export", "--include-accounts").out()).isEqualTo(original);
        assertThat(JSON.readTree(original).path("checkIns")).isNotEmpty();

        // A backup copies the database as it is: it never migrates it first.
        Path untouched = Files.createDirectories(dir.resolve("untouched"));
        assertThat(Jar.run(
                                untouched,
                                "backup",
                                "--output",
                                dir.resolve("untouched.zip").toString())
                        .status())
                .isEqualTo(0);
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(
                        "jdbc:h2:file:" + untouched.toAbsolutePath() + "/tracker",
                        "sa",
                        Jar.databasePassword(untouched));
                java.sql.ResultSet tables = db.createStatement()
                        .executeQuery("select count(*) from information_schema.tables where table_schema = 'PUBLIC'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
    }

    @Test
    void anExportThatCannotBeWrittenNeverEndsIn0() throws Exception {
        Jar.Result full = Jar.run(data(), "export", "--output", "/dev/full/export.json");
        assertThat(full.status()).isNotEqualTo(0);

        ProcessBuilder toDevFull = Jar.command(data(), "export")
                .redirectOutput(Path.of("/dev/full").toFile());
        Process process = toDevFull.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(new String(process.getErrorStream().readAllBytes())).contains("could not be written");
    }

    @Test
    void anExportWhoseReaderStopsAfterOneByteEndsIn1() throws Exception {
        Path big = dir.resolve("big.json");
        String valid = Files.readString(underWay());
        String summary = "x".repeat(9_000);
        StringBuilder many = new StringBuilder();
        for (int i = 10; i < 200; i++) {
            many.append(",{\"id\":")
                    .append(i)
                    .append(",\"cycleId\":1,\"position\":")
                    .append(i)
                    .append(",\"title\":\"Filler\",\"summary\":\"")
                    .append(summary)
                    .append("\",\"ownerId\":1,\"status\":\"NOT_STARTED\",\"targetDate\":null,\"carriedToId\":null,")
                    .append("\"createdAt\":\"2016-04-11T09:00:00Z\",\"updatedAt\":\"2016-04-11T09:00:00Z\"}");
        }
        Files.writeString(
                big,
                valid.replace("\"collaborators\":[]", "\"collaborators\":[]")
                        .replaceFirst("\\}\\],\\s*\"collaborators\"", "}" + many + "],\n \"collaborators\""));
        assertThat(Jar.run(data(), "import", big.toString(), "--replace").status())
                .isEqualTo(0);

        Process process = Jar.command(data(), "export").start();
        try (InputStream out = process.getInputStream()) {
            assertThat(out.read()).isEqualTo('{');
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(1);
    }

    @Test
    void aCommandWorksBesideTheRunningServerOnTheSameFile() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server = Jar.command(data(), "--server.port=" + port)
                .redirectOutput(dir.resolve("server.log").toFile())
                .redirectErrorStream(true)
                .start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            boolean up = false;
            for (int i = 0; i < 120 && !up; i++) {
                try {
                    up = http.send(
                                            HttpRequest.newBuilder(
                                                            URI.create("http://localhost:" + port + "/actuator/health"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .statusCode()
                            == 200;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(500);
                }
            }
            assertThat(up).as("the server started").isTrue();

            Jar.Result check = Jar.run(data(), "check");
            Jar.Result report = Jar.run(data(), "report", "--cycle", "mitaka", "--week", "2015-W46");

            assertThat(check.status()).isEqualTo(0);
            assertThat(report.status()).isEqualTo(0);
            String web = http.send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://localhost:" + port + "/cycles/mitaka/report.md?week=2015-W46"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(report.out()).isEqualTo(web).startsWith("# Mitaka cycle: week 2015-W46 (R-21)");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
