package org.tctracker.sources;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.LinkState;
import org.tctracker.commitment.SourceReading;
import org.tctracker.goal.Goals;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what each source's API answers into a reading: the tracker's state, the source's own words,
 * and when. Fields the tracker does not know are ignored; an answer that is not the JSON the API
 * documents is refused with a reason, never taken for a state.
 */
final class SourceAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Gerrit's timestamps: UTC, "2015-12-14 09:12:47.000000000". */
    private static final DateTimeFormatter GERRIT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]", Locale.ROOT);

    private SourceAnswers() {}

    static class Malformed extends Exception {
        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    // ---- Gerrit --------------------------------------------------------------------------------

    /**
     * A change: work in progress is a draft, NEW is in review (approved with Workflow +1), MERGED
     * is approved for a spec and implemented for anything else, ABANDONED is abandoned. A
     * Code-Review −2 blocks it.
     */
    static SourceReading gerrit(String body, LinkKind kind, String number) throws Malformed {
        JsonNode change = parse(stripXssiPrefix(body));
        String status = change.path("status").asString("");
        boolean wip = change.path("work_in_progress").asBoolean(false);
        JsonNode labels = change.path("labels");
        Map<Integer, Integer> review = votes(labels.path("Code-Review"), 2);
        Map<Integer, Integer> workflow = votes(labels.path("Workflow"), 1);
        Map<Integer, Integer> verified = votes(labels.path("Verified"), 1);
        boolean blocked = review.keySet().stream().anyMatch(v -> v <= -2);
        boolean workflowApproved = workflow.keySet().stream().anyMatch(v -> v >= 1);
        LinkState state;
        String word;
        Instant since = null;
        switch (status) {
            case "MERGED" -> {
                state = kind == LinkKind.SPEC ? LinkState.APPROVED : LinkState.IMPLEMENTED;
                word = "Merged";
                since = gerritTime(change.path("submitted"));
            }
            case "ABANDONED" -> {
                state = LinkState.ABANDONED;
                word = "Abandoned";
            }
            case "NEW" -> {
                if (wip) {
                    state = LinkState.DRAFT;
                    word = "Work in progress";
                } else if (workflowApproved) {
                    state = LinkState.APPROVED;
                    word = "Approved";
                } else {
                    state = LinkState.IN_REVIEW;
                    word = "In review";
                }
            }
            case "DRAFT" -> {
                state = LinkState.DRAFT;
                word = "Draft";
            }
            default -> throw new Malformed("answered a change without a known status");
        }
        List<String> detail = new ArrayList<>();
        summary("Code-Review", review, detail);
        summary("Verified", verified, detail);
        summary("Workflow", workflow, detail);
        String project = change.path("project").asString("");
        String name = (project.isEmpty() ? "change" : project.substring(project.lastIndexOf('/') + 1)) + " "
                + change.path("_number").asString(number);
        return new SourceReading(
                state,
                word,
                since,
                String.join(", ", detail),
                patchSet(change),
                blocked,
                name,
                gerritTime(change.path("updated")));
    }

    /** Gerrit starts its JSON with {@code )]}'} and a line break, so that a browser cannot run it. */
    static String stripXssiPrefix(String body) {
        String trimmed = body.stripLeading();
        if (trimmed.startsWith(")]}'")) {
            int end = trimmed.indexOf('\n');
            return end < 0 ? "" : trimmed.substring(end + 1);
        }
        return body;
    }

    /**
     * The votes on a label, value to count. With DETAILED_LABELS the answer lists every vote;
     * otherwise it names who approved, recommended, disliked or rejected.
     */
    private static Map<Integer, Integer> votes(JsonNode label, int max) {
        Map<Integer, Integer> votes = new TreeMap<>(java.util.Comparator.reverseOrder());
        JsonNode all = label.path("all");
        if (all.isArray()) {
            for (JsonNode vote : all) {
                int value = vote.path("value").asInt(0);
                if (value != 0) {
                    votes.merge(value, 1, Integer::sum);
                }
            }
            return votes;
        }
        if (label.has("approved")) {
            votes.merge(max, 1, Integer::sum);
        }
        if (max > 1 && label.has("recommended")) {
            votes.merge(1, 1, Integer::sum);
        }
        if (max > 1 && label.has("disliked")) {
            votes.merge(-1, 1, Integer::sum);
        }
        if (label.has("rejected")) {
            votes.merge(-max, 1, Integer::sum);
        }
        return votes;
    }

    /** "Code-Review +2 ×2 −1": each value with how many gave it, highest first. */
    private static void summary(String label, Map<Integer, Integer> votes, List<String> into) {
        if (votes.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(label);
        votes.forEach((value, count) -> {
            text.append(' ').append(value > 0 ? "+" + value : "−" + (-value));
            if (count > 1) {
                text.append(" ×").append(count);
            }
        });
        into.add(text.toString());
    }

    private static @Nullable Integer patchSet(JsonNode change) {
        if (change.path("current_revision_number").isInt()) {
            return change.path("current_revision_number").asInt();
        }
        String current = change.path("current_revision").asString("");
        JsonNode revision = change.path("revisions").path(current);
        return revision.path("_number").isInt() ? revision.path("_number").asInt() : null;
    }

    private static @Nullable Instant gerritTime(JsonNode value) throws Malformed {
        if (!value.isString()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.asString(), GERRIT_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Malformed("answered a time that is not Gerrit's format: " + value.asString());
        }
    }

    // ---- Launchpad -----------------------------------------------------------------------------

    /**
     * A blueprint: implemented when its implementation is, abandoned when it is obsolete or
     * superseded, approved once its definition is, in review while it is reviewed, a draft before.
     */
    static SourceReading blueprint(String body, String name) throws Malformed {
        JsonNode spec = parse(body);
        String definition = spec.path("definition_status").asString("");
        String implementation = spec.path("implementation_status").asString("");
        if (definition.isEmpty()) {
            throw new Malformed("answered a blueprint without a definition status");
        }
        Instant completed = isoTime(spec.path("date_completed"));
        LinkState state;
        String word;
        Instant since = null;
        if (implementation.equals("Implemented")) {
            state = LinkState.IMPLEMENTED;
            word = "Implemented";
            since = completed;
        } else if (definition.equals("Obsolete") || definition.equals("Superseded")) {
            state = LinkState.ABANDONED;
            word = definition;
            since = completed;
        } else if (definition.equals("Approved")) {
            state = LinkState.APPROVED;
            word = "Approved";
        } else if (definition.equals("Review") || definition.equals("Pending Approval")) {
            state = LinkState.IN_REVIEW;
            word = definition;
        } else {
            state = LinkState.DRAFT;
            word = definition;
        }
        String detail = implementation.isEmpty() || implementation.equals("Implemented")
                ? ""
                : "implementation: " + implementation;
        return new SourceReading(state, word, since, detail, null, false, name, completed);
    }

    private static final Set<String> BUG_DONE = Set.of("Fix Released", "Fix Committed");
    private static final Set<String> BUG_DROPPED = Set.of("Invalid", "Won't Fix", "Opinion", "Expired");

    /**
     * A bug's tasks (those of the project its address names, or all): in review while one is in
     * progress, implemented once every task is fixed or dropped and one is fixed, abandoned when
     * all were dropped, a draft before.
     */
    static SourceReading bug(String body, String name, @Nullable String target) throws Malformed {
        JsonNode tasks = parse(body).path("entries");
        if (!tasks.isArray()) {
            throw new Malformed("answered without the bug's tasks");
        }
        List<JsonNode> considered = new ArrayList<>();
        for (JsonNode task : tasks) {
            if (target == null
                    || target.equalsIgnoreCase(task.path("bug_target_name").asString(""))) {
                considered.add(task);
            }
        }
        if (considered.isEmpty()) {
            tasks.forEach(considered::add);
        }
        if (considered.isEmpty()) {
            throw new Malformed("answered a bug without tasks");
        }
        boolean inProgress = false;
        int done = 0;
        int dropped = 0;
        Instant fixed = null;
        List<String> detail = new ArrayList<>();
        String only = null;
        for (JsonNode task : considered) {
            String status = task.path("status").asString("");
            only = status;
            detail.add(task.path("bug_target_name").asString("?") + ": " + status);
            if (status.equals("In Progress")) {
                inProgress = true;
            } else if (BUG_DONE.contains(status)) {
                done++;
                Instant at = isoTime(task.path("date_fix_released"));
                at = at == null ? isoTime(task.path("date_fix_committed")) : at;
                if (at != null && (fixed == null || at.isAfter(fixed))) {
                    fixed = at;
                }
            } else if (BUG_DROPPED.contains(status)) {
                dropped++;
            }
        }
        LinkState state;
        String word;
        if (inProgress) {
            state = LinkState.IN_REVIEW;
            word = "In Progress";
        } else if (done > 0 && done + dropped == considered.size()) {
            state = LinkState.IMPLEMENTED;
            word = considered.size() == 1 ? only : "Fixed";
        } else if (dropped == considered.size()) {
            state = LinkState.ABANDONED;
            word = considered.size() == 1 ? only : "Won't Fix";
        } else {
            state = LinkState.DRAFT;
            word = considered.size() == 1 ? only : "Open";
        }
        return new SourceReading(
                state,
                word,
                state == LinkState.IMPLEMENTED ? fixed : null,
                considered.size() > 1 ? String.join(", ", detail) : "",
                null,
                false,
                name,
                fixed);
    }

    // ---- StoryBoard ----------------------------------------------------------------------------

    /** A story: merged is implemented, invalid is abandoned; an active one is in review while a task is. */
    static SourceReading story(String body, String number) throws Malformed {
        JsonNode story = parse(body);
        String status = story.path("status").asString("");
        Map<String, Integer> tasks = new java.util.LinkedHashMap<>();
        for (JsonNode count : story.path("task_statuses")) {
            tasks.merge(count.path("key").asString(""), count.path("count").asInt(0), Integer::sum);
        }
        Instant updated = isoTime(story.path("updated_at"));
        LinkState state;
        String word;
        switch (status) {
            case "merged" -> {
                state = LinkState.IMPLEMENTED;
                word = "Merged";
            }
            case "invalid" -> {
                state = LinkState.ABANDONED;
                word = "Invalid";
            }
            case "active" -> {
                boolean working = tasks.getOrDefault("inprogress", 0) + tasks.getOrDefault("review", 0) > 0;
                state = working ? LinkState.IN_REVIEW : LinkState.DRAFT;
                word = "Active";
            }
            default -> throw new Malformed("answered a story without a known status");
        }
        List<String> detail = new ArrayList<>();
        for (var task : List.of(
                Map.entry("merged", "merged"),
                Map.entry("review", "in review"),
                Map.entry("inprogress", "in progress"),
                Map.entry("todo", "to do"),
                Map.entry("invalid", "invalid"))) {
            int count = tasks.getOrDefault(task.getKey(), 0);
            if (count > 0) {
                detail.add(count + " " + task.getValue());
            }
        }
        return new SourceReading(
                state,
                word,
                state == LinkState.IMPLEMENTED ? updated : null,
                detail.isEmpty() ? "" : "tasks: " + String.join(", ", detail),
                null,
                false,
                "story " + number,
                updated);
    }

    // ---- specs.openstack.org -------------------------------------------------------------------

    /** A published spec: its path says whether it was approved for a release or implemented in it. */
    static SourceReading specsPage(Matcher page) {
        boolean implemented = page.group("state").equals("implemented");
        String release = page.group("release");
        return new SourceReading(
                implemented ? LinkState.IMPLEMENTED : LinkState.APPROVED,
                implemented ? "Implemented" : "Approved",
                null,
                (implemented ? "in " : "for ") + release,
                null,
                false,
                page.group("repo") + " " + page.group("page"),
                null);
    }

    /** One page of a Gerrit change query: its changes, and whether Gerrit has more after them. */
    record TopicPage(List<Goals.TopicChange> changes, boolean more) {}

    /**
     * A page of {@code GET /changes/?q=topic:…}: a JSON list of changes, the last of which carries
     * {@code "_more_changes": true} when the query goes on. Each change names its repository
     * ({@code project}), its number and its status; every other field is ignored.
     */
    static TopicPage topicPage(String body, String server) throws Malformed {
        JsonNode list;
        try {
            list = JSON.readTree(stripXssiPrefix(body));
        } catch (JacksonException e) {
            throw new Malformed("answered something that is not JSON");
        }
        if (list == null || !list.isArray()) {
            throw new Malformed("answered something that is not a list of changes");
        }
        List<Goals.TopicChange> changes = new ArrayList<>();
        boolean more = false;
        for (JsonNode change : list) {
            String project = change.path("project").asString("");
            String status = change.path("status").asString("");
            long number = change.path("_number").asLong(0);
            if (project.isBlank() || status.isBlank() || number <= 0) {
                throw new Malformed("answered a change without its project, number or status");
            }
            changes.add(new Goals.TopicChange(project, number, status, server + "/c/" + project + "/+/" + number));
            more = change.path("_more_changes").asBoolean(false);
        }
        return new TopicPage(List.copyOf(changes), more);
    }

    // ---- parts ---------------------------------------------------------------------------------

    private static JsonNode parse(String body) throws Malformed {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Malformed("answered something that is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new Malformed("answered something that is not a JSON object");
        }
        return node;
    }

    private static @Nullable Instant isoTime(JsonNode value) throws Malformed {
        if (!value.isString() || value.asString().isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asString()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Malformed("answered a time that is not ISO 8601: " + value.asString());
        }
    }
}
