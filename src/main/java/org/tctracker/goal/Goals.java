package org.tctracker.goal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.CommitmentSummaries;
import org.tctracker.commitment.WebAddress;
import org.tctracker.people.PeopleDirectory;
import org.tctracker.people.PersonRef;
import org.tctracker.system.ChangeRefusedException;
import org.tctracker.system.RecordNotFoundException;
import org.tctracker.system.RecordsVersion;
import org.tctracker.system.TrackerProperties;

/**
 * Goals and their rows: making a commitment a goal, where each team stands, the rows a Gerrit
 * topic fills, and what the other pages count. A row a person set by hand stays as they set it
 * until they give it back to the topic.
 */
@Component
public class Goals {

    public static final int MAX_CRITERIA_LENGTH = 4000;
    public static final int MAX_REASON_LENGTH = 300;
    /** Gerrit topics are free text there; here the characters a topic query takes without quoting. */
    static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/+-]{0,199}");

    /** Who the topic's readings are signed by in a row's history. */
    public static final String TOPIC_AUTHOR = "gerrit";

    private final JdbcClient jdbc;
    private final CommitmentSummaries summaries;
    private final PeopleDirectory people;
    private final Teams teams;
    private final RecordsVersion records;
    private final Clock clock;
    private final TrackerProperties properties;
    private final TransactionTemplate transactions;

    public Goals(
            JdbcClient jdbc,
            CommitmentSummaries summaries,
            PeopleDirectory people,
            Teams teams,
            RecordsVersion records,
            Clock clock,
            TrackerProperties properties,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.summaries = summaries;
        this.people = people;
        this.teams = teams;
        this.records = records;
        this.clock = clock;
        this.properties = properties;
    }

    /** What makes a commitment a goal. */
    public record GoalDraft(
            boolean everyTeam, Set<Long> teamIds, @Nullable String topic, String criteria) {}

    /** A goal's settings as its form shows them. */
    public record Settings(boolean everyTeam, @Nullable String topic, String criteria, Set<Long> teamIds) {}

    /** What a person sets on a row. {@code byHand} false gives the row back to the topic. */
    public record RowDraft(
            TeamState state,
            @Nullable String reason,
            @Nullable String planningUrl,
            @Nullable String completionUrl,
            boolean byHand) {}

    /** A goal with a topic to read. */
    public record Topic(long goalId, String topic) {}

    /** A change that carries a goal's topic, as Gerrit tells it. */
    public record TopicChange(String project, long number, String status, String url) {}

    /** What a topic's reading changed: the teams whose state moved. */
    public record TopicOutcome(int changes, List<String> moved, List<String> unowned) {}

    /** A goal's row as a team's page lists it. */
    public record TeamGoal(
            long goalId,
            String title,
            TeamState state,
            boolean byHand,
            @Nullable String reason) {}

    /** A row whose state changed, for the digest and the feed. */
    public record RowChange(
            long eventId, long goalId, String goalTitle, String teamName, TeamState state, String by, Instant at) {}

    public boolean isGoal(long commitmentId) {
        return jdbc.sql("select count(*) from goal where commitment_id = ?")
                        .param(commitmentId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<Settings> settings(long commitmentId) {
        return jdbc.sql("select every_team, topic, criteria from goal where commitment_id = ?")
                .param(commitmentId)
                .query((rs, n) -> new Settings(
                        rs.getBoolean(1),
                        rs.getString(2),
                        rs.getString(3),
                        new LinkedHashSet<>(jdbc.sql("select team_id from goal_team where goal_id = ?")
                                .param(commitmentId)
                                .query(Long.class)
                                .list())))
                .optional();
    }

    /**
     * Makes a commitment a goal, or changes its scope, topic and criteria; {@link GoalMaking} checks
     * first that the person may change the commitment.
     */
    void save(long commitmentId, GoalDraft draft) {
        String topic = draft.topic() == null || draft.topic().isBlank()
                ? null
                : draft.topic().strip();
        if (topic != null && !TOPIC.matcher(topic).matches()) {
            throw new ChangeRefusedException(
                    "topic", "A topic is up to 200 letters, digits and . _ / + - (such as goal-python3).");
        }
        String criteria = draft.criteria().strip();
        if (criteria.length() > MAX_CRITERIA_LENGTH) {
            throw new ChangeRefusedException(
                    "criteria", "Keep the criteria to " + MAX_CRITERIA_LENGTH + " characters; link to the rest.");
        }
        Set<Long> known = teams.byIds(draft.teamIds()).keySet();
        if (!draft.everyTeam() && known.isEmpty()) {
            throw new ChangeRefusedException("teamIds", "Choose the teams, or every team.");
        }
        transactions.executeWithoutResult(status -> saveChecked(commitmentId, draft, topic, criteria, known));
    }

    private void saveChecked(
            long commitmentId, GoalDraft draft, @Nullable String topic, String criteria, Set<Long> known) {
        Instant now = clock.instant();
        OffsetDateTime at = Teams.at(now);
        if (isGoal(commitmentId)) {
            jdbc.sql("update goal set every_team = ?, topic = ?, criteria = ?, updated_at = ? where commitment_id = ?")
                    .params(draft.everyTeam(), topic, criteria, at, commitmentId)
                    .update();
        } else {
            jdbc.sql("insert into goal (commitment_id, every_team, topic, criteria, created_at, updated_at)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(commitmentId, draft.everyTeam(), topic, criteria, at, at)
                    .update();
        }
        if (draft.everyTeam()) {
            GoalRows.addMissingRows(jdbc, now);
        } else {
            jdbc.sql("delete from goal_team where goal_id = :goal and team_id not in (:teams)")
                    .param("goal", commitmentId)
                    .param("teams", List.copyOf(known))
                    .update();
            GoalRows.addRows(jdbc, commitmentId, known, now);
        }
        records.touch();
    }

    /** Whether this person may set this team's row: admins, and the team's members who speak for themselves. */
    public boolean mayUpdate(@Nullable TrackerUser user, long teamId) {
        return user != null && (user.isAdmin() || teams.teamsOf(user.personId()).contains(teamId));
    }

    /** The teams of this goal whose rows this person may set (one statement at most). */
    public Set<Long> updatableTeams(@Nullable TrackerUser user, GoalBoard goal) {
        if (user == null) {
            return Set.of();
        }
        if (user.isAdmin()) {
            return goal.rows().stream().map(GoalBoard.Row::teamId).collect(java.util.stream.Collectors.toSet());
        }
        return teams.teamsOf(user.personId());
    }

    /** Refuses (403) a person who may not set this team's row. */
    public void requireUpdate(TrackerUser user, long teamId, String teamName) {
        if (!mayUpdate(user, teamId)) {
            throw new AccessDeniedException("Only " + teamName + "'s members and admins may set its row.");
        }
    }

    public void setRow(TrackerUser user, long goalId, String teamSlug, RowDraft draft) {
        transactions.executeWithoutResult(status -> setRowChecked(user, goalId, teamSlug, draft));
    }

    private void setRowChecked(TrackerUser user, long goalId, String teamSlug, RowDraft draft) {
        Teams.Team team = teams.get(teamSlug);
        Row current = row(goalId, team.id())
                .orElseThrow(() -> new RecordNotFoundException("This goal has no row for " + team.name() + "."));
        requireUpdate(user, team.id(), team.name());
        String reason = blankToNull(draft.reason());
        if (draft.state() == TeamState.NOT_APPLICABLE && reason == null) {
            throw new ChangeRefusedException("reason", "Say why the goal does not apply to " + team.name() + ".");
        }
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new ChangeRefusedException("reason", "Keep the reason to " + MAX_REASON_LENGTH + " characters.");
        }
        String planning = address("planningUrl", draft.planningUrl());
        String completion = address("completionUrl", draft.completionUrl());
        Instant now = clock.instant();
        jdbc.sql("""
                        update goal_team set state = ?, reason = ?, by_hand = ?, updated_by = ?, updated_at = ?,
                               planning_state = case when planning_url = ? then planning_state end,
                               completion_state = case when completion_url = ? then completion_state end,
                               planning_url = ?, completion_url = ?
                        where goal_id = ? and team_id = ?""")
                .params(
                        draft.state().name(),
                        draft.state() == TeamState.NOT_APPLICABLE ? reason : null,
                        draft.byHand(),
                        user.getUsername(),
                        Teams.at(now),
                        planning,
                        completion,
                        planning,
                        completion,
                        goalId,
                        team.id())
                .update();
        if (current.state() != draft.state()) {
            event(goalId, team.id(), draft.state(), user.getUsername(), now);
        }
        records.touch();
    }

    private static @Nullable String address(String field, @Nullable String typed) {
        String text = blankToNull(typed);
        if (text == null) {
            return null;
        }
        String completed = WebAddress.completed(text);
        Optional<String> problem = WebAddress.problemWith(completed);
        if (problem.isPresent()) {
            throw new ChangeRefusedException(field, problem.get());
        }
        return completed;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private record Row(
            TeamState state, boolean byHand, @Nullable String completionUrl) {}

    private Optional<Row> row(long goalId, long teamId) {
        return jdbc.sql("select state, by_hand, completion_url from goal_team where goal_id = ? and team_id = ?")
                .params(goalId, teamId)
                .query((rs, n) -> new Row(TeamState.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getString(3)))
                .optional();
    }

    private void event(long goalId, long teamId, TeamState state, String by, Instant at) {
        jdbc.sql("insert into goal_team_event (goal_id, team_id, state, changed_by, changed_at) values (?, ?, ?, ?, ?)")
                .params(goalId, teamId, state.name(), by, Teams.at(at))
                .update();
    }

    // ---- the topic -------------------------------------------------------------------------

    public List<Topic> withTopics() {
        return jdbc.sql("select commitment_id, topic from goal where topic is not null order by commitment_id")
                .query((rs, n) -> new Topic(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /**
     * Saves what a topic's changes say: a team with an open change is in progress; one whose changes
     * are all merged or abandoned, at least one merged, is done. A team without a change, and a row
     * set by hand, keeps its state; a row set by hand still shows what the changes say.
     */
    public TopicOutcome recordTopic(long goalId, List<TopicChange> changes, Instant at) {
        return java.util.Objects.requireNonNull(transactions.execute(status -> recordTopicAtOnce(goalId, changes, at)));
    }

    private TopicOutcome recordTopicAtOnce(long goalId, List<TopicChange> changes, Instant at) {
        Map<String, Long> owners = teams.repoOwners();
        Map<Long, List<TopicChange>> byTeam = new LinkedHashMap<>();
        Map<String, List<TopicChange>> unowned = new LinkedHashMap<>();
        for (TopicChange change : changes) {
            Long team = owners.get(change.project());
            if (team == null) {
                unowned.computeIfAbsent(change.project(), p -> new ArrayList<>())
                        .add(change);
            } else {
                byTeam.computeIfAbsent(team, t -> new ArrayList<>()).add(change);
            }
        }
        Map<Long, Row> rows = new HashMap<>();
        jdbc.sql("select team_id, state, by_hand, completion_url from goal_team where goal_id = ?")
                .param(goalId)
                .query(rs -> {
                    rows.put(
                            rs.getLong(1),
                            new Row(TeamState.valueOf(rs.getString(2)), rs.getBoolean(3), rs.getString(4)));
                });
        Map<Long, Teams.Listed> named = teams.byIds(byTeam.keySet());
        List<String> moved = new ArrayList<>();
        OffsetDateTime when = Teams.at(at);
        for (Map.Entry<Long, List<TopicChange>> entry : byTeam.entrySet()) {
            Row row = rows.get(entry.getKey());
            if (row == null) {
                // The team is not in this goal's scope; its changes are counted as no team's.
                unowned.computeIfAbsent(entry.getValue().get(0).project(), p -> new ArrayList<>())
                        .addAll(entry.getValue());
                continue;
            }
            List<TopicChange> its = entry.getValue();
            long open = its.stream().filter(c -> c.status().equals("NEW")).count();
            List<TopicChange> merged =
                    its.stream().filter(c -> c.status().equals("MERGED")).toList();
            String words = words(open, merged.size(), its.size() - open - merged.size());
            TeamState said = open > 0 ? TeamState.IN_PROGRESS : !merged.isEmpty() ? TeamState.DONE : null;
            if (row.byHand() || said == null) {
                jdbc.sql("update goal_team set source_words = ? where goal_id = ? and team_id = ?")
                        .params(words, goalId, entry.getKey())
                        .update();
                continue;
            }
            String completion = said == TeamState.DONE
                    ? merged.stream()
                            .max(Comparator.comparingLong(TopicChange::number))
                            .orElseThrow()
                            .url()
                    : row.completionUrl();
            boolean changed = said != row.state() || !Objects.equals(completion, row.completionUrl());
            if (changed) {
                jdbc.sql("""
                                update goal_team set state = ?, source_words = ?, updated_by = ?, updated_at = ?,
                                       completion_state = case when completion_url = ? then completion_state end,
                                       completion_url = ?
                                where goal_id = ? and team_id = ?""")
                        .params(said.name(), words, TOPIC_AUTHOR, when, completion, completion, goalId, entry.getKey())
                        .update();
            } else {
                jdbc.sql("update goal_team set source_words = ? where goal_id = ? and team_id = ?")
                        .params(words, goalId, entry.getKey())
                        .update();
            }
            if (said != row.state()) {
                event(goalId, entry.getKey(), said, TOPIC_AUTHOR, at);
                moved.add(named.get(entry.getKey()).name() + ": " + said.label());
            }
        }
        jdbc.sql("delete from goal_unowned_repo where goal_id = ?")
                .param(goalId)
                .update();
        for (Map.Entry<String, List<TopicChange>> entry : unowned.entrySet()) {
            List<TopicChange> its = entry.getValue();
            jdbc.sql("insert into goal_unowned_repo (goal_id, repo, open_changes, merged_changes, url)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(
                            goalId,
                            entry.getKey(),
                            its.stream().filter(c -> c.status().equals("NEW")).count(),
                            its.stream()
                                    .filter(c -> c.status().equals("MERGED"))
                                    .count(),
                            its.get(0).url())
                    .update();
        }
        jdbc.sql("update goal set synced_at = ?, sync_error = null where commitment_id = ?")
                .params(when, goalId)
                .update();
        records.touch();
        return new TopicOutcome(changes.size(), List.copyOf(moved), List.copyOf(unowned.keySet()));
    }

    /** A row's planning or completion link, to be read at its source. */
    public record RowLink(long goalId, long teamId, boolean planning, String url) {}

    /** Every row link there is, planning and completion. */
    public List<RowLink> rowLinks() {
        List<RowLink> links = new ArrayList<>();
        jdbc.sql("select goal_id, team_id, planning_url, completion_url from goal_team"
                        + " where planning_url is not null or completion_url is not null order by goal_id, team_id")
                .query(rs -> {
                    if (rs.getString(3) != null) {
                        links.add(new RowLink(rs.getLong(1), rs.getLong(2), true, rs.getString(3)));
                    }
                    if (rs.getString(4) != null) {
                        links.add(new RowLink(rs.getLong(1), rs.getLong(2), false, rs.getString(4)));
                    }
                });
        return links;
    }

    /**
     * Saves what a link's source says of it, if the row still has that address (a person may have
     * changed it while it was read).
     */
    public void recordLinkState(RowLink link, String words) {
        String column = link.planning() ? "planning" : "completion";
        String text = words.length() > 200 ? words.substring(0, 199) + "…" : words;
        int saved = jdbc.sql("update goal_team set " + column + "_state = ? where goal_id = ? and team_id = ? and "
                        + column + "_url = ? and (" + column + "_state is null or " + column + "_state <> ?)")
                .params(text, link.goalId(), link.teamId(), link.url(), text)
                .update();
        if (saved > 0) {
            records.touch();
        }
    }

    /** The topic could not be read: the rows keep their state, and the page says why. */
    public void topicFailed(long goalId, String reason) {
        jdbc.sql("update goal set sync_error = ? where commitment_id = ?")
                .params(reason.length() > 300 ? reason.substring(0, 300) : reason, goalId)
                .update();
        records.touch();
    }

    static String words(long open, long merged, long abandoned) {
        List<String> parts = new ArrayList<>();
        if (merged > 0) {
            parts.add(merged + " merged");
        }
        if (open > 0) {
            parts.add(open + " open");
        }
        if (abandoned > 0) {
            parts.add(abandoned + " abandoned");
        }
        return String.join(", ", parts);
    }

    // ---- what the pages read -----------------------------------------------------------------

    /** A goal's board: six statements, whatever the number of teams. */
    public Optional<GoalBoard> board(long goalId, LocalDate today) {
        return board(goalId, today, properties.staleAfter());
    }

    /**
     * A goal's board, a row counting as stale when it is still to do, the goal is open, and nobody
     * (nor the topic) changed it for longer than {@code staleAfter}.
     */
    public Optional<GoalBoard> board(long goalId, LocalDate today, java.time.Duration staleAfter) {
        record Head(
                boolean everyTeam,
                @Nullable String topic,
                String criteria,
                Instant createdAt,
                @Nullable Instant syncedAt,
                @Nullable String syncError) {}
        Optional<Head> head = jdbc.sql(
                        "select every_team, topic, criteria, created_at, synced_at, sync_error from goal where commitment_id = ?")
                .param(goalId)
                .query((rs, n) -> new Head(
                        rs.getBoolean(1),
                        rs.getString(2),
                        rs.getString(3),
                        instant(rs, 4),
                        rs.getObject(5) == null ? null : instant(rs, 5),
                        rs.getString(6)))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        CommitmentSummaries.Summary commitment =
                summaries.byIds(List.of(goalId)).get(goalId);
        if (commitment == null) {
            return Optional.empty();
        }
        Instant staleBefore = today.minusDays(staleAfter.toDays())
                .atStartOfDay(properties.zone())
                .toInstant();
        boolean open = commitment.status().isOpen();
        List<GoalBoard.Row> rows = jdbc
                .sql("""
                        select t.id, t.slug, t.name, r.state, r.reason, r.planning_url, r.completion_url, r.by_hand,
                               r.source_words, r.updated_by, r.updated_at, r.planning_state, r.completion_state
                        from goal_team r join project_team t on t.id = r.team_id
                        where r.goal_id = ?""")
                .param(goalId)
                .query((rs, n) -> {
                    TeamState state = TeamState.valueOf(rs.getString(4));
                    Instant updated = instant(rs, 11);
                    return new GoalBoard.Row(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            state,
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(12),
                            rs.getString(7),
                            rs.getString(13),
                            rs.getBoolean(8),
                            rs.getString(9),
                            rs.getString(10),
                            updated,
                            LocalDate.ofInstant(updated, properties.zone()),
                            open && state.left() && updated.isBefore(staleBefore));
                })
                .list()
                .stream()
                .sorted(Comparator.comparing(GoalBoard.Row::state)
                        .thenComparing(GoalBoard.Row::teamName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<GoalBoard.Unowned> unowned = jdbc.sql(
                        "select repo, open_changes, merged_changes, url from goal_unowned_repo where goal_id = ? order by repo")
                .param(goalId)
                .query((rs, n) -> new GoalBoard.Unowned(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4)))
                .list();
        List<BurnUp.Event> events = jdbc.sql(
                        "select team_id, state, changed_at from goal_team_event where goal_id = ? order by changed_at, id")
                .param(goalId)
                .query((rs, n) -> new BurnUp.Event(rs.getLong(1), TeamState.valueOf(rs.getString(2)), instant(rs, 3)))
                .list();
        int applicable = (int)
                rows.stream().filter(r -> r.state() != TeamState.NOT_APPLICABLE).count();
        BurnUp burnUp = new BurnUp(
                events,
                applicable,
                LocalDate.ofInstant(head.get().createdAt(), properties.zone()),
                today,
                properties.zone());
        PersonRef champion = people.byIds(List.of(commitment.ownerId())).get(commitment.ownerId());
        Head h = head.get();
        return Optional.of(new GoalBoard(
                commitment,
                champion,
                h.everyTeam(),
                h.topic(),
                h.criteria(),
                h.syncedAt() == null
                        ? null
                        : java.time.LocalDateTime.ofInstant(h.syncedAt(), properties.zone())
                                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
                h.syncError(),
                rows,
                unowned,
                burnUp));
    }

    /** Every goal, newest cycle first, with how far it has come. */
    public List<Listed> all() {
        Map<Long, Progress> progress = progress(null);
        Map<Long, CommitmentSummaries.Summary> named = summaries.byIds(progress.keySet());
        return named.values().stream()
                .map(summary -> new Listed(summary, progress.get(summary.id())))
                .toList();
    }

    /** A goal in the list of goals. */
    public record Listed(CommitmentSummaries.Summary commitment, Progress progress) {}

    /** How far each of these commitments that are goals has come (all goals for null). */
    public Map<Long, Progress> progress(@Nullable Collection<Long> commitmentIds) {
        if (commitmentIds != null && commitmentIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Progress> found = new LinkedHashMap<>();
        String sql =
                """
                select g.commitment_id,
                       count(case when r.state = 'DONE' then 1 end),
                       count(case when r.state <> 'NOT_APPLICABLE' then 1 end)
                from goal g left join goal_team r on r.goal_id = g.commitment_id
                """ + (commitmentIds == null ? "" : "where g.commitment_id in (:ids) ") + "group by g.commitment_id";
        var statement = jdbc.sql(sql);
        if (commitmentIds != null) {
            statement = statement.param("ids", List.copyOf(commitmentIds));
        }
        statement.query(rs -> {
            found.put(rs.getLong(1), new Progress(rs.getInt(2), rs.getInt(3)));
        });
        return found;
    }

    /** Where a team stands on every goal that has a row for it. */
    public List<TeamGoal> ofTeam(long teamId) {
        List<TeamGoal> rows = new ArrayList<>();
        Map<Long, TeamGoal> byGoal = new LinkedHashMap<>();
        jdbc.sql("select goal_id, state, by_hand, reason from goal_team where team_id = ?")
                .param(teamId)
                .query(rs -> {
                    byGoal.put(
                            rs.getLong(1),
                            new TeamGoal(
                                    rs.getLong(1),
                                    "",
                                    TeamState.valueOf(rs.getString(2)),
                                    rs.getBoolean(3),
                                    rs.getString(4)));
                });
        summaries.byIds(byGoal.keySet()).forEach((id, summary) -> {
            TeamGoal row = byGoal.get(id);
            rows.add(new TeamGoal(id, summary.title(), row.state(), row.byHand(), row.reason()));
        });
        return rows;
    }

    /** The rows whose state a person or the topic changed in this time, oldest first. */
    public List<RowChange> changedBetween(Instant from, Instant until) {
        return changes(
                "e.changed_at >= :from and e.changed_at < :until",
                Map.of("from", Teams.at(from), "until", Teams.at(until)),
                "e.changed_at, e.id",
                Integer.MAX_VALUE,
                null);
    }

    /** The latest row changes, newest first, of every goal or of the goals of one cycle. */
    public List<RowChange> latestChanges(@Nullable Long cycleId, int limit) {
        return changes("1 = 1", Map.of(), "e.changed_at desc, e.id desc", limit, cycleId);
    }

    private List<RowChange> changes(
            String where, Map<String, Object> params, String order, int limit, @Nullable Long cycleId) {
        record Raw(long id, long goalId, String teamName, TeamState state, String by, Instant at) {}
        var statement = jdbc.sql("select e.id, e.goal_id, t.name, e.state, e.changed_by, e.changed_at"
                        + " from goal_team_event e join project_team t on t.id = e.team_id"
                        + " where " + where + " and e.changed_by <> :added"
                        + " order by " + order)
                .param("added", GoalRows.ADDED_BY);
        for (Map.Entry<String, Object> param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        List<Raw> raw = new ArrayList<>();
        statement.query(rs -> {
            raw.add(new Raw(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    TeamState.valueOf(rs.getString(4)),
                    rs.getString(5),
                    instant(rs, 6)));
        });
        Map<Long, CommitmentSummaries.Summary> named =
                summaries.byIds(raw.stream().map(Raw::goalId).collect(java.util.stream.Collectors.toSet()));
        return raw.stream()
                .filter(r -> named.containsKey(r.goalId()))
                .filter(r -> cycleId == null || named.get(r.goalId()).cycleId() == cycleId)
                .limit(limit)
                .map(r -> new RowChange(
                        r.id(), r.goalId(), named.get(r.goalId()).title(), r.teamName(), r.state(), r.by(), r.at()))
                .toList();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
