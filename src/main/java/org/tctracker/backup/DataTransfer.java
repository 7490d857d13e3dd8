package org.tctracker.backup;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tctracker.account.Role;
import org.tctracker.account.Usernames;
import org.tctracker.commitment.CheckIn;
import org.tctracker.commitment.Commitment;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.LinkState;
import org.tctracker.commitment.SourceKind;
import org.tctracker.commitment.SpecLink;
import org.tctracker.commitment.Status;
import org.tctracker.commitment.WebAddress;
import org.tctracker.cycle.Cycle;
import org.tctracker.cycle.CycleAddress;
import org.tctracker.cycle.IsoWeek;
import org.tctracker.cycle.Milestone;
import org.tctracker.goal.Goals;
import org.tctracker.goal.ProjectsFile;
import org.tctracker.goal.TeamState;
import org.tctracker.goal.Teams;
import org.tctracker.people.Person;
import org.tctracker.system.PlainText;
import org.tctracker.system.PlausibleDate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every record of the tracker as one JSON document, and back. The export names its format and
 * version; the import checks the whole document against the same rules the database keeps before
 * it changes anything, then writes it in one transaction.
 */
public final class DataTransfer {

    public static final String FORMAT = "tc-tracker-export";

    /** Far beyond any real tracker, and far from the database's limits when counters restart. */
    static final long MAX_ID = 1_000_000_000_000L;

    public static final int VERSION = 1;

    enum Kind {
        ID,
        TEXT,
        DATE,
        INSTANT,
        INT,
        BOOL
    }

    /** One column of one table, with what the database allows in it. */
    record Column(
            String name,
            Kind kind,
            boolean required,
            int maxLength,
            @Nullable Set<String> allowed) {
        String field() {
            StringBuilder camel = new StringBuilder();
            boolean upper = false;
            for (char c : name.toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    camel.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return camel.toString();
        }
    }

    /** A table as the export lists it: its name in the document, its columns, its order. */
    record Table(String section, String name, List<Column> columns, String orderBy) {}

    private static Column id(String name, boolean required) {
        return new Column(name, Kind.ID, required, 0, null);
    }

    private static Column text(String name, boolean required, int max) {
        return new Column(name, Kind.TEXT, required, max, null);
    }

    private static Column choice(String name, Set<String> allowed) {
        return new Column(name, Kind.TEXT, true, 16, allowed);
    }

    private static Column of(String name, Kind kind, boolean required) {
        return new Column(name, kind, required, 0, null);
    }

    private static Set<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }

    static final List<Table> TABLES = List.of(
            new Table(
                    "cycles",
                    "cycle",
                    List.of(
                            id("id", true),
                            text("slug", true, Cycle.MAX_SLUG_LENGTH),
                            text("name", true, Cycle.MAX_NAME_LENGTH),
                            text("summit", false, Cycle.MAX_SUMMIT_LENGTH),
                            of("starts_on", Kind.DATE, true),
                            of("ends_on", Kind.DATE, true),
                            of("created_at", Kind.INSTANT, true),
                            of("updated_at", Kind.INSTANT, true)),
                    "id"),
            new Table(
                    "milestones",
                    "milestone",
                    List.of(
                            id("id", true),
                            id("cycle_id", true),
                            text("name", true, Milestone.MAX_NAME_LENGTH),
                            of("due_on", Kind.DATE, true)),
                    "id"),
            new Table(
                    "people",
                    "person",
                    List.of(
                            id("id", true),
                            text("display_name", true, Person.MAX_NAME_LENGTH),
                            text("irc_nick", true, Person.MAX_NICK_LENGTH),
                            text("email", false, Person.MAX_EMAIL_LENGTH),
                            text("affiliation", false, Person.MAX_AFFILIATION_LENGTH),
                            of("created_at", Kind.INSTANT, true),
                            of("updated_at", Kind.INSTANT, true)),
                    "id"),
            new Table(
                    "commitments",
                    "commitment",
                    List.of(
                            id("id", true),
                            id("cycle_id", true),
                            of("position", Kind.INT, true),
                            text("title", true, Commitment.MAX_TITLE_LENGTH),
                            text("summary", true, Commitment.MAX_SUMMARY_LENGTH),
                            id("owner_id", true),
                            choice("status", names(Status.values())),
                            of("target_date", Kind.DATE, false),
                            id("carried_to_id", false),
                            of("created_at", Kind.INSTANT, true),
                            of("updated_at", Kind.INSTANT, true)),
                    "id"),
            new Table(
                    "collaborators",
                    "commitment_collaborator",
                    List.of(id("commitment_id", true), id("person_id", true)),
                    "commitment_id, person_id"),
            new Table(
                    "specLinks",
                    "spec_link",
                    List.of(
                            id("id", true),
                            id("commitment_id", true),
                            text("title", true, SpecLink.MAX_TITLE_LENGTH),
                            text("url", true, WebAddress.MAX_LENGTH),
                            choice("kind", names(LinkKind.values())),
                            choice("state", names(LinkState.values())),
                            new Column("source_kind", Kind.TEXT, false, 16, names(SourceKind.values())),
                            text("source", false, 300),
                            of("detached", Kind.BOOL, false),
                            text("source_status", false, 60),
                            of("source_since", Kind.INSTANT, false),
                            text("source_detail", false, 200),
                            of("source_patch_set", Kind.INT, false),
                            of("source_blocked", Kind.BOOL, false),
                            text("source_name", false, 200),
                            of("synced_at", Kind.INSTANT, false),
                            text("sync_error", false, 300),
                            of("sync_failed_at", Kind.INSTANT, false),
                            of("created_at", Kind.INSTANT, true),
                            of("updated_at", Kind.INSTANT, true)),
                    "id"),
            new Table(
                    "checkIns",
                    "check_in",
                    List.of(
                            id("id", true),
                            id("commitment_id", true),
                            text("iso_week", true, 8),
                            of("checked_on", Kind.DATE, true),
                            text("author", true, CheckIn.MAX_AUTHOR_LENGTH),
                            choice("status", names(Status.values())),
                            text("note", true, CheckIn.MAX_NOTE_LENGTH),
                            of("percent_done", Kind.INT, false),
                            of("created_at", Kind.INSTANT, true),
                            of("updated_at", Kind.INSTANT, true)),
                    "id"));

    /**
     * The project teams and the goals, team by team. An export made before they existed has none
     * of these sections; such a file loads with no teams and no goals.
     */
    static final List<Table> GOAL_TABLES = List.of(
            new Table(
                    "teams",
                    "project_team",
                    List.of(
                            id("id", true),
                            text("slug", true, 80),
                            text("name", true, ProjectsFile.MAX_NAME_LENGTH),
                            text("mailing_tag", false, Teams.MAX_TAG_LENGTH),
                            of("created_at", Kind.INSTANT, true),
                            of("updated_at", Kind.INSTANT, true)),
                    "id"),
            new Table(
                    "teamRepos",
                    "team_repo",
                    List.of(
                            text("repo", true, ProjectsFile.MAX_REPO_LENGTH),
                            id("team_id", true),
                            text("deliverable", false, 120)),
                    "repo"),
            new Table(
                    "teamMembers",
                    "team_member",
                    List.of(id("team_id", true), id("person_id", true)),
                    "team_id, person_id"),
            new Table(
                    "goals",
                    "goal",
                    List.of(
                            id("commitment_id", true),
                            of("every_team", Kind.BOOL, true),
                            text("topic", false, 200),
                            text("criteria", true, Goals.MAX_CRITERIA_LENGTH),
                            of("synced_at", Kind.INSTANT, false),
                            text("sync_error", false, 300),
                            of("created_at", Kind.INSTANT, true),
                            of("updated_at", Kind.INSTANT, true)),
                    "commitment_id"),
            new Table(
                    "goalTeams",
                    "goal_team",
                    List.of(
                            id("goal_id", true),
                            id("team_id", true),
                            choice("state", names(TeamState.values())),
                            text("reason", false, Goals.MAX_REASON_LENGTH),
                            text("planning_url", false, WebAddress.MAX_LENGTH),
                            text("completion_url", false, WebAddress.MAX_LENGTH),
                            text("planning_state", false, 200),
                            text("completion_state", false, 200),
                            of("by_hand", Kind.BOOL, true),
                            text("source_words", false, 200),
                            text("updated_by", true, 80),
                            of("updated_at", Kind.INSTANT, true)),
                    "goal_id, team_id"),
            new Table(
                    "goalTeamEvents",
                    "goal_team_event",
                    List.of(
                            id("id", true),
                            id("goal_id", true),
                            id("team_id", true),
                            choice("state", names(TeamState.values())),
                            text("changed_by", true, 80),
                            of("changed_at", Kind.INSTANT, true)),
                    "id"),
            new Table(
                    "goalUnownedRepos",
                    "goal_unowned_repo",
                    List.of(
                            id("goal_id", true),
                            text("repo", true, ProjectsFile.MAX_REPO_LENGTH),
                            of("open_changes", Kind.INT, true),
                            of("merged_changes", Kind.INT, true),
                            text("url", true, WebAddress.MAX_LENGTH)),
                    "goal_id, repo"));

    static final Table ACCOUNTS = new Table(
            "accounts",
            "account",
            List.of(
                    id("id", true),
                    text("username", true, Usernames.MAX_LENGTH),
                    text("password_hash", false, 200),
                    choice("role", names(Role.values())),
                    of("enabled", Kind.BOOL, true),
                    id("person_id", false),
                    of("password_changed_at", Kind.INSTANT, true),
                    text("provider_issuer", false, 500),
                    text("provider_subject", false, 255),
                    text("provider_name", false, 200),
                    text("provider_email", false, 254),
                    of("awaiting_link", Kind.BOOL, false),
                    of("created_at", Kind.INSTANT, true),
                    of("updated_at", Kind.INSTANT, true)),
            "id");

    /** The text columns that may hold line breaks and tabs. */
    private static final Set<String> MULTI_LINE = Set.of("summary", "note", "criteria");

    private static final java.util.regex.Pattern NICK = java.util.regex.Pattern.compile(Person.NICK_SHAPE);
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile(Person.EMAIL_SHAPE);

    /** Hashes the tracker itself writes, with the id of the encoder that made them. */
    private static final java.util.regex.Pattern TRACKER_HASH =
            java.util.regex.Pattern.compile("\\{(bcrypt|argon2)\\}\\S+");

    private final JdbcClient jdbc;

    public DataTransfer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- export ----------------------------------------------------------------------------

    public ObjectNode export(boolean includeAccounts) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("format", FORMAT);
        document.put("version", VERSION);
        for (Table table : tables(includeAccounts)) {
            var rows = document.putArray(table.section());
            String columns = table.columns().stream().map(Column::name).collect(Collectors.joining(", "));
            jdbc.sql("select " + columns + " from " + table.name() + " order by " + table.orderBy())
                    .query(rs -> {
                        ObjectNode row = rows.addObject();
                        for (Column column : table.columns()) {
                            put(row, column, rs.getObject(column.name()));
                        }
                    });
        }
        return document;
    }

    private static List<Table> tables(boolean includeAccounts) {
        List<Table> tables = new ArrayList<>(TABLES);
        if (includeAccounts) {
            tables.add(ACCOUNTS);
        }
        tables.addAll(GOAL_TABLES);
        return tables;
    }

    /** The tables of this document: a goal section an older export lacks counts as empty. */
    private static List<Table> tablesOf(JsonNode document) {
        return tables(document.has(ACCOUNTS.section())).stream()
                .filter(table -> !GOAL_TABLES.contains(table) || document.has(table.section()))
                .toList();
    }

    private static void put(ObjectNode row, Column column, @Nullable Object value) {
        String field = column.field();
        if (value == null) {
            row.putNull(field);
            return;
        }
        switch (column.kind()) {
            case ID -> row.put(field, ((Number) value).longValue());
            case INT -> row.put(field, ((Number) value).intValue());
            case BOOL -> row.put(field, (Boolean) value);
            case DATE ->
                row.put(field, value instanceof Date date ? date.toLocalDate().toString() : value.toString());
            case INSTANT -> row.put(field, instantOf(value).toString());
            case TEXT -> row.put(field, value.toString());
        }
    }

    private static Instant instantOf(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        throw new IllegalStateException(
                "Unexpected timestamp type " + value.getClass().getName());
    }

    // ---- import ----------------------------------------------------------------------------

    /** Everything wrong with the document, each problem on a line of its own; empty when it can be loaded. */
    public List<String> problemsWith(JsonNode document) {
        List<String> problems = new ArrayList<>();
        if (!document.isObject()) {
            problems.add("the file is not a JSON object");
            return problems;
        }
        if (!FORMAT.equals(document.path("format").asString(""))) {
            problems.add("format: expected \"" + FORMAT + "\"");
        }
        if (!document.path("version").isIntegralNumber()
                || document.path("version").asInt() != VERSION) {
            problems.add("version: expected " + VERSION);
        }
        Map<String, Set<Long>> ids = new HashMap<>();
        for (Table table : tablesOf(document)) {
            JsonNode rows = document.path(table.section());
            if (!rows.isArray()) {
                problems.add(table.section() + ": missing, or not a list");
                continue;
            }
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                JsonNode row = rows.get(i);
                String where = table.section() + "[" + i + "]";
                if (!row.isObject()) {
                    problems.add(where + ": not an object");
                    continue;
                }
                for (Column column : table.columns()) {
                    checkValue(problems, where + "." + column.field(), column, row.get(column.field()));
                }
                if (row.path("id").isIntegralNumber()
                        && !seen.add(row.path("id").asLong())) {
                    problems.add(where + ".id: " + row.path("id").asLong() + " appears twice");
                }
            }
            ids.put(table.section(), seen);
        }
        if (problems.isEmpty()) {
            checkRelations(document, ids, problems);
        }
        return problems;
    }

    private static void checkValue(List<String> problems, String where, Column column, @Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            if (column.required()) {
                problems.add(where + ": required");
            }
            return;
        }
        switch (column.kind()) {
            case ID -> {
                if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                    problems.add(where + ": expected a whole number");
                } else if (value.asLong() < 1 || value.asLong() > MAX_ID) {
                    problems.add(where + ": ids run from 1 to " + MAX_ID);
                }
            }
            case INT -> {
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    problems.add(where + ": expected a whole number");
                }
            }
            case BOOL -> {
                if (!value.isBoolean()) {
                    problems.add(where + ": expected true or false");
                }
            }
            case DATE -> {
                try {
                    LocalDate date = LocalDate.parse(value.asString(""));
                    if (!PlausibleDate.Check.isPlausibleYear(date.getYear())) {
                        problems.add(where + ": a date between " + PlausibleDate.FIRST_YEAR + " and "
                                + PlausibleDate.LAST_YEAR);
                    }
                } catch (DateTimeParseException e) {
                    problems.add(where + ": expected a date such as 2015-10-19");
                }
            }
            case INSTANT -> {
                try {
                    Instant.parse(value.asString(""));
                } catch (DateTimeParseException e) {
                    problems.add(where + ": expected a time such as 2015-11-05T09:00:00Z");
                }
            }
            case TEXT -> {
                if (!value.isString()) {
                    problems.add(where + ": expected text");
                    return;
                }
                String text = value.asString();
                if (column.required() && text.isBlank() && !MULTI_LINE.contains(column.name())) {
                    problems.add(where + ": must not be blank");
                }
                if (text.length() > column.maxLength()) {
                    problems.add(where + ": at most " + column.maxLength() + " characters");
                }
                if (text.indexOf('\0') >= 0) {
                    problems.add(where + ": contains a NUL character");
                } else if (!PlainText.Check.isPlain(text, MULTI_LINE.contains(column.name()))) {
                    // As the pages refuse them: they would reach check's and report's output as typed.
                    problems.add(where + ": contains a control character");
                }
                if (column.allowed() != null && !column.allowed().contains(text)) {
                    problems.add(where + ": one of "
                            + column.allowed().stream().sorted().toList());
                }
                if (column.name().endsWith("_url")) {
                    WebAddress.problemWith(text).ifPresent(problem -> problems.add(where + ": " + problem));
                }
                if (column.name().equals("url")) {
                    WebAddress.problemWith(text).ifPresent(problem -> problems.add(where + ": " + problem));
                    if (!text.startsWith("http://") && !text.startsWith("https://")) {
                        problems.add(where + ": the address must start with http:// or https://, in lower case");
                    }
                }
                if (column.name().equals("slug")) {
                    CycleAddress.Check.problemWith(text).ifPresent(problem -> problems.add(where + ": " + problem));
                }
                if (column.name().equals("username")
                        && (Usernames.problemWith(text).isPresent() || !text.equals(Usernames.normalize(text)))) {
                    problems.add(where + ": usernames are lower-case letters, digits, dots, dashes and underscores");
                }
                if (column.name().equals("irc_nick") && !NICK.matcher(text).matches()) {
                    problems.add(where + ": an IRC nick is up to 40 characters without spaces, as the person form"
                            + " takes it");
                }
                if (column.name().equals("email")
                        && !text.isEmpty()
                        && !EMAIL.matcher(text).matches()) {
                    problems.add(where + ": expected an address such as someone@example.org");
                }
                if (column.name().equals("password_hash")
                        && !TRACKER_HASH.matcher(text).matches()) {
                    problems.add(where + ": only password hashes the tracker makes ({bcrypt}… or {argon2}…) are"
                            + " accepted");
                }
                if (column.name().equals("iso_week") && !isWeek(text)) {
                    problems.add(where + ": expected a week such as 2015-W46");
                }
            }
        }
    }

    private static boolean isWeek(String text) {
        try {
            return PlausibleDate.Check.isPlausibleYear(IsoWeek.parse(text).year());
        } catch (IllegalArgumentException notAWeek) {
            return false;
        }
    }

    /** References that must point at records of the file, and what must be unique. */
    private static void checkRelations(JsonNode document, Map<String, Set<Long>> ids, List<String> problems) {
        refers(document, "milestones", "cycleId", ids.get("cycles"), problems);
        refers(document, "commitments", "cycleId", ids.get("cycles"), problems);
        refers(document, "commitments", "ownerId", ids.get("people"), problems);
        refers(document, "commitments", "carriedToId", ids.get("commitments"), problems);
        refers(document, "collaborators", "commitmentId", ids.get("commitments"), problems);
        refers(document, "collaborators", "personId", ids.get("people"), problems);
        refers(document, "specLinks", "commitmentId", ids.get("commitments"), problems);
        refers(document, "checkIns", "commitmentId", ids.get("commitments"), problems);
        Set<Long> teams = ids.getOrDefault("teams", Set.of());
        refers(document, "teamRepos", "teamId", teams, problems);
        refers(document, "teamMembers", "teamId", teams, problems);
        refers(document, "teamMembers", "personId", ids.get("people"), problems);
        refers(document, "goals", "commitmentId", ids.get("commitments"), problems);
        Set<Long> goals = new HashSet<>();
        document.path("goals")
                .forEach(goal -> goals.add(goal.path("commitmentId").asLong()));
        refers(document, "goalTeams", "goalId", goals, problems);
        refers(document, "goalTeams", "teamId", teams, problems);
        refers(document, "goalUnownedRepos", "goalId", goals, problems);
        Set<String> rows = new HashSet<>();
        document.path("goalTeams")
                .forEach(row -> rows.add(
                        row.path("goalId").asLong() + "/" + row.path("teamId").asLong()));
        JsonNode events = document.path("goalTeamEvents");
        for (int i = 0; i < events.size(); i++) {
            String row = events.get(i).path("goalId").asLong() + "/"
                    + events.get(i).path("teamId").asLong();
            if (!rows.contains(row)) {
                problems.add("goalTeamEvents[" + i + "]: goal " + row.replace("/", " has no row for team "));
            }
        }
        unique(document, "teams", problems, "slug");
        unique(document, "teams", problems, "name");
        unique(document, "teamRepos", problems, "repo");
        if (ids.containsKey("accounts")) {
            refers(document, "accounts", "personId", ids.get("people"), problems);
            unique(document, "accounts", problems, "username");
            uniqueWhenSet(document, "accounts", "personId", problems);
            JsonNode accounts = document.path("accounts");
            for (int i = 0; i < accounts.size(); i++) {
                JsonNode account = accounts.get(i);
                if (given(account, "providerIssuer") != given(account, "providerSubject")) {
                    problems.add("accounts[" + i + "]: providerIssuer and providerSubject go together: give both or"
                            + " neither");
                }
                if (!given(account, "passwordHash") && !given(account, "providerSubject")) {
                    problems.add("accounts[" + i + "]: an account signs in with a passwordHash, a providerSubject or"
                            + " both");
                }
            }
        }
        uniqueWhenSet(document, "commitments", "carriedToId", problems);
        unique(document, "cycles", problems, "slug");
        unique(document, "people", problems, "ircNick");
        // Usernames are lower-case already; nicks may be written either way.
        uniqueIgnoringCase(document, "people", "ircNick", problems);
        unique(document, "milestones", problems, "cycleId", "name");
        unique(document, "commitments", problems, "cycleId", "position");
        unique(document, "collaborators", problems, "commitmentId", "personId");
        unique(document, "checkIns", problems, "commitmentId", "isoWeek");
        Map<Long, Integer> linksOf = new HashMap<>();
        JsonNode links = document.path("specLinks");
        for (int i = 0; i < links.size(); i++) {
            if (given(links.get(i), "sourceKind") != given(links.get(i), "source")) {
                problems.add("specLinks[" + i + "]: sourceKind and source go together: give both or neither");
            }
            long commitment = links.get(i).path("commitmentId").asLong();
            if (linksOf.merge(commitment, 1, Integer::sum) == Commitment.MAX_LINKS + 1) {
                problems.add("specLinks[" + i + "]: commitment " + commitment + " has more than " + Commitment.MAX_LINKS
                        + " links");
            }
        }
        JsonNode cycles = document.path("cycles");
        for (int i = 0; i < cycles.size(); i++) {
            JsonNode cycle = cycles.get(i);
            if (!LocalDate.parse(cycle.path("endsOn").asString())
                    .isAfter(LocalDate.parse(cycle.path("startsOn").asString()))) {
                problems.add("cycles[" + i + "].endsOn: a cycle ends after it starts");
            }
        }
        JsonNode commitments = document.path("commitments");
        for (int i = 0; i < commitments.size(); i++) {
            JsonNode commitment = commitments.get(i);
            if (commitment.path("position").asInt() < 1) {
                problems.add("commitments[" + i + "].position: positions start at 1");
            }
            JsonNode next = commitment.path("carriedToId");
            if (next.isIntegralNumber()
                    && next.asLong() == commitment.path("id").asLong()) {
                problems.add("commitments[" + i + "].carriedToId: a commitment cannot be carried over to itself");
            }
        }
        JsonNode checkIns = document.path("checkIns");
        for (int i = 0; i < checkIns.size(); i++) {
            JsonNode percent = checkIns.get(i).path("percentDone");
            if (percent.isIntegralNumber() && (percent.asInt() < 0 || percent.asInt() > 100)) {
                problems.add("checkIns[" + i + "].percentDone: from 0 to 100");
            }
        }
    }

    private static void refers(
            JsonNode document, String section, String field, Set<Long> targets, List<String> problems) {
        JsonNode rows = document.path(section);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode value = rows.get(i).get(field);
            if (value != null && !value.isNull() && !targets.contains(value.asLong())) {
                problems.add(section + "[" + i + "]." + field + ": " + value.asLong() + " is not in the file");
            }
        }
    }

    /** Names that differ only in case are one name to a person reading them. */
    private static void uniqueIgnoringCase(JsonNode document, String section, String field, List<String> problems) {
        JsonNode rows = document.path(section);
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String value = rows.get(i).path(field).asString("");
            String before = seen.putIfAbsent(value.toLowerCase(java.util.Locale.ROOT), value);
            if (before != null && !before.equals(value)) {
                problems.add(section + "[" + i + "]." + field + ": \"" + value + "\" differs from \"" + before
                        + "\" only in case");
            }
        }
    }

    private static void unique(JsonNode document, String section, List<String> problems, String... fields) {
        JsonNode rows = document.path(section);
        Set<List<String>> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> key = new ArrayList<>();
            for (String field : fields) {
                key.add(rows.get(i).path(field).asString(""));
            }
            if (!seen.add(key)) {
                problems.add(section + "[" + i + "]: another record has the same " + String.join(" and ", fields));
            }
        }
    }

    private static void uniqueWhenSet(JsonNode document, String section, String field, List<String> problems) {
        JsonNode rows = document.path(section);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode value = rows.get(i).path(field);
            if (value.isIntegralNumber() && !seen.add(value.asLong())) {
                problems.add(section + "[" + i + "]." + field + ": another record has the same " + field);
            }
        }
    }

    public boolean databaseHoldsData() {
        return jdbc.sql("select (select count(*) from cycle) + (select count(*) from person)"
                                + " + (select count(*) from commitment)")
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Replaces every record with the document's, in one transaction; history restarts with the import. */
    public void load(JsonNode document, TransactionTemplate transactions) {
        boolean withAccounts = document.has(ACCOUNTS.section());
        transactions.executeWithoutResult(status -> {
            for (String sql : List.of(
                    "delete from goal_unowned_repo",
                    "delete from goal_team_event",
                    "delete from goal_team",
                    "delete from goal",
                    "delete from team_member",
                    "delete from team_repo",
                    "delete from project_team",
                    "delete from check_in_aud",
                    "delete from spec_link_aud",
                    "delete from commitment_collaborator_aud",
                    "delete from commitment_aud",
                    "delete from person_aud",
                    "delete from milestone_aud",
                    "delete from cycle_aud",
                    "delete from revision",
                    "delete from check_in",
                    "delete from spec_link",
                    "delete from commitment_collaborator",
                    "update commitment set carried_to_id = null",
                    "delete from commitment",
                    "delete from milestone",
                    "delete from cycle")) {
                jdbc.sql(sql).update();
            }
            if (withAccounts) {
                jdbc.sql("delete from login_failure").update();
                jdbc.sql("delete from account").update();
            } else {
                jdbc.sql("update account set person_id = null").update();
            }
            jdbc.sql("delete from person").update();
            for (Table table : tablesOf(document)) {
                insert(table, document.path(table.section()));
            }
            JsonNode commitments = document.path("commitments");
            for (JsonNode commitment : commitments) {
                if (!commitment.path("carriedToId").isNull() && commitment.has("carriedToId")) {
                    jdbc.sql("update commitment set carried_to_id = ? where id = ?")
                            .params(
                                    commitment.path("carriedToId").asLong(),
                                    commitment.path("id").asLong())
                            .update();
                }
            }
            recordHistory();
        });
        for (Table table : tablesOf(document)) {
            if (table.columns().get(0).name().equals("id")) {
                restartIdentity(table.name());
            }
        }
        restartIdentity("revision");
    }

    private void insert(Table table, JsonNode rows) {
        List<Column> columns = table.columns().stream()
                .filter(c -> !c.name().equals("carried_to_id"))
                .toList();
        String sql = "insert into " + table.name() + " ("
                + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ") values ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        for (JsonNode row : rows) {
            List<@Nullable Object> values = new ArrayList<>();
            for (Column column : columns) {
                values.add(valueOf(column, row.get(column.field())));
            }
            jdbc.sql(sql).params(values).update();
        }
    }

    private static boolean given(JsonNode row, String field) {
        return !row.path(field).isMissingNode() && !row.path(field).isNull();
    }

    private static @Nullable Object valueOf(Column column, @Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            // A flag an older export did not have is off.
            return column.kind() == Kind.BOOL && !column.required() ? Boolean.FALSE : null;
        }
        return switch (column.kind()) {
            case ID -> value.asLong();
            case INT -> value.asInt();
            case BOOL -> value.asBoolean();
            case DATE -> LocalDate.parse(value.asString());
            case INSTANT -> OffsetDateTime.ofInstant(Instant.parse(value.asString()), ZoneOffset.UTC);
            case TEXT -> value.asString();
        };
    }

    /** The imported records become the first revision of the history, signed "import". */
    private void recordHistory() {
        jdbc.sql("insert into revision (changed_at, username) values (?, 'import')")
                .param(System.currentTimeMillis())
                .update();
        String rev = "(select max(id) from revision)";
        jdbc.sql("insert into cycle_aud (id, rev, revtype, slug, name, summit, starts_on, ends_on)" + " select id, "
                        + rev + ", 0, slug, name, summit, starts_on, ends_on from cycle")
                .update();
        jdbc.sql("insert into milestone_aud (id, rev, revtype, cycle_id, name, due_on)" + " select id, " + rev
                        + ", 0, cycle_id, name, due_on from milestone")
                .update();
        jdbc.sql("insert into person_aud (id, rev, revtype, display_name, irc_nick, email, affiliation)"
                        + " select id, " + rev + ", 0, display_name, irc_nick, email, affiliation from person")
                .update();
        jdbc.sql("insert into commitment_aud (id, rev, revtype, cycle_id, position, title, summary, owner_id, status,"
                        + " target_date, carried_to_id) select id, " + rev + ", 0, cycle_id, position, title, summary,"
                        + " owner_id, status, target_date, carried_to_id from commitment")
                .update();
        jdbc.sql("insert into commitment_collaborator_aud (rev, revtype, commitment_id, person_id)" + " select " + rev
                        + ", 0, commitment_id, person_id from commitment_collaborator")
                .update();
        jdbc.sql("insert into spec_link_aud (id, rev, revtype, commitment_id, title, url, kind, state, source_kind,"
                        + " source, detached, source_status, source_since, source_detail, source_patch_set,"
                        + " source_blocked) select id, " + rev + ", 0, commitment_id, title, url, kind, state,"
                        + " source_kind, source, detached, source_status, source_since, source_detail,"
                        + " source_patch_set, source_blocked from spec_link")
                .update();
        jdbc.sql("insert into check_in_aud (id, rev, revtype, commitment_id, iso_week, checked_on, author, status,"
                        + " note, percent_done) select id, " + rev + ", 0, commitment_id, iso_week, checked_on,"
                        + " author, status, note, percent_done from check_in")
                .update();
    }

    /** New records made after an import get ids past the imported ones. */
    private void restartIdentity(String table) {
        long next = jdbc.sql("select coalesce(max(id), 0) + 1 from " + table)
                .query(Long.class)
                .single();
        jdbc.sql("alter table " + table + " alter column id restart with " + next)
                .update();
    }

    public static Map<String, Object> summary(JsonNode document) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Table table : tables(document.has(ACCOUNTS.section()))) {
            counts.put(table.section(), document.path(table.section()).size());
        }
        return counts;
    }
}
