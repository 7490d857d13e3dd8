package org.tctracker.cli;

import org.springframework.context.ConfigurableApplicationContext;
import org.tctracker.mail.MailRun;

/** How remind and send-digest report: what went (or would), what was sent before, what failed. */
final class MailCommands {

    private MailCommands() {}

    /** 0 when every mail went (or there was none to send); 5 when any could not be sent. */
    static int report(MailRun run, boolean dryRun, ConfigurableApplicationContext context) {
        for (String planned : run.planned()) {
            CommandLineMode.out.println("Would send " + planned);
            CommandLineMode.out.println();
        }
        for (String sent : run.sent()) {
            CommandLineMode.out.println("Sent " + sent);
        }
        for (String skipped : run.skipped()) {
            CommandLineMode.out.println("Not sent again: " + skipped);
        }
        for (String note : run.notes()) {
            CommandLineMode.out.println("Nothing to send: " + note);
        }
        for (String failed : run.failed()) {
            CommandLineMode.err.println("tc-tracker: not sent: " + failed);
        }
        return run.failed().isEmpty() ? CommandLineMode.DONE : CommandLineMode.UNREACHABLE;
    }
}
