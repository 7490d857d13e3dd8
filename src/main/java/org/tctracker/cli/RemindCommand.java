package org.tctracker.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.mail.Reminders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Mails this week's reminders now, as the running server does at tracker.mail.remind-at. */
@Command(
        name = "remind",
        mixinStandardHelpOptions = true,
        description = "Mail each person whose open commitments went stale (once a week each; exit 5 when the"
                + " mail server could not take a mail).")
class RemindCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cycle", paramLabel = "SLUG", description = "Only this cycle (default: every cycle in progress).")
    @Nullable
    String cycle;

    @Option(names = "--dry-run", description = "Print what would go to whom, and send nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = CommandLineMode.open()) {
            CycleTerm chosen = cycle == null
                    ? null
                    : CycleChoice.resolve(
                            context.getBean(CycleCatalog.class),
                            cycle,
                            LocalDate.now(context.getBean(Clock.class)),
                            spec);
            return MailCommands.report(context.getBean(Reminders.class).remind(chosen, dryRun), dryRun, context);
        }
    }
}
