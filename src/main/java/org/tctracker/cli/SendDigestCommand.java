package org.tctracker.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.cycle.IsoWeek;
import org.tctracker.mail.DigestMails;
import org.tctracker.report.WeeklyDigest.WeekOutsideCycleException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Mails a week's digest to the list now, as the running server does at tracker.mail.digest-at. */
@Command(
        name = "send-digest",
        mixinStandardHelpOptions = true,
        description = "Mail a week's digest to tracker.mail.digest-to and to those who asked for a copy (once a"
                + " week; exit 5 when the mail server could not take a mail).")
class SendDigestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cycle", paramLabel = "SLUG", description = "The cycle (default: the current one).")
    @Nullable
    String cycle;

    @Option(names = "--week", paramLabel = "WEEK", description = "An ISO week such as 2015-W46 (default: this week).")
    @Nullable
    String week;

    @Option(names = "--dry-run", description = "Print the mail and who would get it, and send nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        IsoWeek wanted = null;
        if (week != null) {
            try {
                wanted = IsoWeek.parse(week);
            } catch (RuntimeException e) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--week takes an ISO week such as 2015-W46, not \"" + week + "\".");
            }
        }
        try (ConfigurableApplicationContext context = CommandLineMode.open()) {
            CycleTerm chosen = CycleChoice.resolve(
                    context.getBean(CycleCatalog.class), cycle, LocalDate.now(context.getBean(Clock.class)), spec);
            try {
                return MailCommands.report(
                        context.getBean(DigestMails.class).send(chosen, wanted, dryRun), dryRun, context);
            } catch (WeekOutsideCycleException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }
}
