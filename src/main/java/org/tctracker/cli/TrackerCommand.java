package org.tctracker.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** java -jar tc-tracker.jar COMMAND: the commands, each with its own options. */
@Command(
        name = "tc-tracker",
        mixinStandardHelpOptions = true,
        versionProvider = TrackerCommand.Version.class,
        description = "Keeps a technical committee's cycle commitments. Without a command, serves the web app.",
        subcommands = {
            CheckCommand.class,
            ReportCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            ImportTeamsCommand.class,
            BackupCommand.class,
            ResetAdminCommand.class,
            SyncCommand.class,
            RemindCommand.class,
            SendDigestCommand.class
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:done; for check, nothing needs attention",
            "1:an unexpected error",
            "2:bad arguments",
            "3:check found stale or blocked commitments",
            "4:import or import-teams rejected its input; nothing was changed",
            "5:an outside service could not be reached or refused: sync's link sources, or the mail server for"
                    + " remind and send-digest; what could be done was saved, nothing failed is recorded as done"
        })
class TrackerCommand implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the full stack trace of a failure.")
    boolean debug;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                new picocli.CommandLine(this),
                "Name a command: check, report, export, import, import-teams, backup, reset-admin, sync, remind or send-digest.");
    }

    static class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TrackerCommand.class.getPackage().getImplementationVersion();
            return new String[] {"tc-tracker " + (version == null ? "(development)" : version)};
        }
    }
}
