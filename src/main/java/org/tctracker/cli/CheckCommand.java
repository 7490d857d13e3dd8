package org.tctracker.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tctracker.commitment.Staleness;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.Cycle;
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
        description = "List the stale and blocked commitments of a cycle (exit 3 when there are any).")
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
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            TrackerProperties properties = context.getBean(TrackerProperties.class);
            LocalDate today = LocalDate.now(context.getBean(Clock.class));
            Staleness staleness = threshold == null
                    ? context.getBean(Staleness.class)
                    : new Staleness(new TrackerProperties(
                            properties.dataDir(), threshold, properties.zone(), properties.adminPassword()));
            Cycle chosen = CycleChoice.resolve(jdbc, cycle, today, spec);
            List<Attention> attention = new ArrayList<>();
            jdbc
                    .sql("""
                            select c.position, c.title, p.irc_nick, c.status,
                                   (select max(ci.checked_on) from check_in ci where ci.commitment_id = c.id),
                                   c.created_at
                            from commitment c join person p on p.id = c.owner_id join cycle cy on cy.id = c.cycle_id
                            where cy.slug = ? order by c.position""")
                    .param(chosen.getSlug())
                    .query((rs, n) -> {
                        Status status = Status.valueOf(rs.getString(4));
                        LocalDate last = rs.getObject(5, LocalDate.class);
                        List<String> reasons = new ArrayList<>();
                        if (status == Status.BLOCKED) {
                            reasons.add("blocked");
                        }
                        Instant created = rs.getObject(6, OffsetDateTime.class).toInstant();
                        if (staleness.isStale(status, last, created, chosen, today)) {
                            reasons.add("stale");
                        }
                        return new Attention(rs.getInt(1), rs.getString(2), rs.getString(3), status, last, reasons);
                    })
                    .list()
                    .stream()
                    .filter(a -> !a.reasons().isEmpty())
                    .forEach(attention::add);
            print(chosen, today, staleness, attention);
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

    private void print(Cycle chosen, LocalDate today, Staleness staleness, List<Attention> attention) {
        if (format == Format.json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("cycle", chosen.getSlug());
            report.put("date", today.toString());
            report.put("staleAfterDays", staleness.days());
            report.put("attention", attention);
            CommandLineMode.out.println(JsonMapper.builder().build().writeValueAsString(report));
            return;
        }
        if (attention.isEmpty()) {
            CommandLineMode.out.println("Nothing needs attention in " + chosen.getName() + ".");
            return;
        }
        CommandLineMode.out.println(
                attention.size() + (attention.size() == 1 ? " commitment needs" : " commitments need")
                        + " attention in " + chosen.getName() + ":");
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
