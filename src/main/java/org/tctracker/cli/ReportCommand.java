package org.tctracker.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tctracker.commitment.IsoWeek;
import org.tctracker.commitment.Staleness;
import org.tctracker.commitment.StatusHistory;
import org.tctracker.cycle.Cycle;
import org.tctracker.report.WeeklyDigest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the weekly digest in Markdown: the same text as /cycles/{slug}/report.md. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Print the weekly digest in Markdown.")
class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cycle", paramLabel = "SLUG", description = "The cycle (default: the current one).")
    @Nullable
    String cycle;

    @Option(
            names = "--week",
            paramLabel = "YYYY-Www",
            description = "The ISO week, such as 2015-W46 (default: this week).")
    @Nullable
    String week;

    @Override
    public Integer call() {
        IsoWeek chosenWeek = null;
        if (week != null) {
            try {
                chosenWeek = IsoWeek.parse(week);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--week takes a week such as 2015-W46, not \"" + week + "\".");
            }
        }
        try (ConfigurableApplicationContext context = CommandLineMode.open()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            LocalDate today = LocalDate.now(context.getBean(Clock.class));
            Cycle chosen = CycleChoice.resolve(jdbc, cycle, today, spec);
            String digest;
            try {
                digest = new WeeklyDigest(jdbc, context.getBean(Staleness.class), context.getBean(StatusHistory.class))
                        .render(chosen.getSlug(), chosenWeek, today);
            } catch (WeeklyDigest.WeekOutsideCycleException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            CommandLineMode.out.print(digest);
            return CommandLineMode.DONE;
        }
    }
}
