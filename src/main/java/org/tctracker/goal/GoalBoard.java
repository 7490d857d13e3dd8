package org.tctracker.goal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tctracker.commitment.CommitmentSummaries;
import org.tctracker.people.PersonRef;

/**
 * A goal as its page, its spreadsheet and the API tell it: the commitment, its champion, where each
 * team stands (the teams left first), the counts, the repositories the topic found that no team
 * owns, and the teams done week by week.
 */
public record GoalBoard(
        CommitmentSummaries.Summary commitment,
        PersonRef champion,
        boolean everyTeam,
        @Nullable String topic,
        String criteria,
        java.time.@Nullable LocalDateTime syncedAt,
        @Nullable String syncError,
        List<Row> rows,
        List<Unowned> unowned,
        BurnUp burnUp) {

    /** Where one team stands. */
    public record Row(
            long teamId,
            String teamSlug,
            String teamName,
            TeamState state,
            @Nullable String reason,
            @Nullable String planningUrl,
            @Nullable String planningState,
            @Nullable String completionUrl,
            @Nullable String completionState,
            boolean byHand,
            @Nullable String sourceWords,
            String updatedBy,
            Instant updatedAt,
            java.time.LocalDate updatedOn,
            boolean stale) {}

    /** A repository whose changes carry the topic, but that no team owns. */
    public record Unowned(String repo, int open, int merged, String url) {}

    public long id() {
        return commitment.id();
    }

    public String title() {
        return commitment.title();
    }

    public Map<TeamState, Integer> counts() {
        Map<TeamState, Integer> counts = new EnumMap<>(TeamState.class);
        for (TeamState state : TeamState.values()) {
            counts.put(state, 0);
        }
        rows.forEach(row -> counts.merge(row.state(), 1, Integer::sum));
        return counts;
    }

    public Progress progress() {
        Map<TeamState, Integer> counts = counts();
        return new Progress(counts.get(TeamState.DONE), rows.size() - counts.get(TeamState.NOT_APPLICABLE));
    }

    public long staleCount() {
        return rows.stream().filter(Row::stale).count();
    }

    public List<Row> rowsIn(List<TeamState> states) {
        return states.isEmpty()
                ? rows
                : rows.stream().filter(row -> states.contains(row.state())).toList();
    }
}
