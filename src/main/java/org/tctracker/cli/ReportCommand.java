package org.tctracker.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tctracker.commitment.CycleBoards;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.cycle.IsoWeek;
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
            LocalDate today = LocalDate.now(context.getBean(Clock.class));
            CycleTerm chosen = CycleChoice.resolve(context.getBean(CycleCatalog.class), cycle, today, spec);
            IsoWeek shown;
            try {
                shown = WeeklyDigest.weekOf(chosen, chosenWeek, today);
            } catch (WeeklyDigest.WeekOutsideCycleException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            CycleBoards boards = context.getBean(CycleBoards.class);
            String digest = context.getBean(WeeklyDigest.class)
                    .render(boards.detailed(chosen, today), boards.checkInsOf(chosen), shown);
            CommandLineMode.out.print(digest);
            return CommandLineMode.DONE;
        }
    }
}
