package org.tctracker.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;
import org.tctracker.commitment.BoardLine;
import org.tctracker.commitment.CycleBoard;
import org.tctracker.commitment.CycleBoards;
import org.tctracker.commitment.Staleness;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.goal.GoalBoard;
import org.tctracker.goal.Goals;
import org.tctracker.system.TrackerProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** Lists a cycle's stale and blocked commitments: exit 0 when there are none, 3 when there are some. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "List the stale and blocked commitments of a cycle, and its goals with teams whose row went"
                + " stale (exit 3 when there are any).")
class CheckCommand implements Callable<Integer> {

    enum Format {
        text,
        json
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--cycle", paramLabel = "SLUG", description = "The cycle to check (default: the current one).")
    @Nullable
    String cycle;

    @Option(
            names = "--stale-after",
            paramLabel = "DURATION",
            description = "How long without a check-in counts as stale, such as 7d (default: tracker.stale-after).")
    @Nullable
    String staleAfter;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    /** A commitment that needs attention; in JSON its status is spelt as the API spells it. */
    record Attention(
            int position,
            String title,
            String owner,
            Status status,
            @Nullable LocalDate lastCheckIn,
            List<String> reasons) {}

    @Override
    public Integer call() {
        Duration threshold = parseStaleAfter();
        try (ConfigurableApplicationContext context = CommandLineMode.open()) {
            LocalDate today = LocalDate.now(context.getBean(Clock.class));
            TrackerProperties properties = context.getBean(TrackerProperties.class);
            CycleBoards boards = threshold == null
                    ? context.getBean(CycleBoards.class)
                    : context.getBean(CycleBoards.class)
                            .judgedBy(new Staleness(new TrackerProperties(
                                    properties.dataDir(), threshold, properties.zone(), properties.adminPassword())));
            CycleTerm chosen = CycleChoice.resolve(context.getBean(CycleCatalog.class), cycle, today, spec);
            List<Attention> attention = new ArrayList<>();
            Goals goals = context.getBean(Goals.class);
            Duration teamsStaleAfter = threshold == null ? properties.staleAfter() : threshold;
            CycleBoard board = boards.of(chosen, today);
            java.util.Set<Long> goalIds = goals.progress(
                            board.lines().stream().map(BoardLine::id).toList())
                    .keySet();
            for (BoardLine line : board.lines()) {
                List<String> reasons = new ArrayList<>();
                if (line.status() == Status.BLOCKED) {
                    reasons.add("blocked");
                }
                if (line.stale()) {
                    reasons.add("stale");
                }
                if (goalIds.contains(line.id())) {
                    long staleTeams = goals.board(line.id(), today, teamsStaleAfter)
                            .map(GoalBoard::staleCount)
                            .orElse(0L);
                    if (staleTeams > 0) {
                        reasons.add(staleTeams + (staleTeams == 1 ? " team stale" : " teams stale"));
                    }
                }
                if (!reasons.isEmpty()) {
                    attention.add(new Attention(
                            line.position(),
                            line.title(),
                            line.owner().ircNick(),
                            line.status(),
                            line.lastCheckInDate(),
                            reasons));
                }
            }
            long staleAfterDays =
                    threshold == null ? context.getBean(Staleness.class).days() : threshold.toDays();
            print(chosen, today, staleAfterDays, attention);
            return attention.isEmpty() ? CommandLineMode.DONE : CommandLineMode.ATTENTION;
        }
    }

    private @Nullable Duration parseStaleAfter() {
        if (staleAfter == null) {
            return null;
        }
        try {
            Duration parsed = DurationStyle.detectAndParse(staleAfter);
            if (parsed.toDays() < 1) {
                throw new IllegalArgumentException("not positive");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "--stale-after takes a duration of a day or more, such as 7d or 36h, not \"" + staleAfter + "\".");
        }
    }

    private void print(CycleTerm chosen, LocalDate today, long staleAfterDays, List<Attention> attention) {
        if (format == Format.json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("cycle", chosen.slug());
            report.put("date", today.toString());
            report.put("staleAfterDays", staleAfterDays);
            report.put("attention", attention);
            CommandLineMode.out.println(JsonMapper.builder().build().writeValueAsString(report));
            return;
        }
        if (attention.isEmpty()) {
            CommandLineMode.out.println("Nothing needs attention in " + chosen.name() + ".");
            return;
        }
        CommandLineMode.out.println(
                attention.size() + (attention.size() == 1 ? " commitment needs" : " commitments need")
                        + " attention in " + chosen.name() + ":");
        for (Attention item : attention) {
            CommandLineMode.out.println(String.format(
                    "%-14s #%d %s (%s, %s, last check-in %s)",
                    String.join("+", item.reasons()),
                    item.position(),
                    item.title(),
                    item.owner(),
                    item.status().label(),
                    item.lastCheckIn() == null ? "never" : item.lastCheckIn()));
        }
    }
}
