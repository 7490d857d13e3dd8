package org.tctracker.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * Runs one command of the jar and says how it went through the exit status, as the README's table
 * promises: 0 done, 1 unexpected error, 2 bad arguments, 3 attention needed, 4 input rejected.
 *
 * <p>stdout carries only the command's output: while a command runs, {@code System.out} points at
 * stderr, so whatever else prints (logs, a library's chatter) goes there. Before exiting both
 * streams are flushed and checked, because a {@link PrintStream} swallows write errors: a full
 * disk or a reader that went away turns a 0 into a 1.
 */
public final class CommandLineMode {

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int BAD_ARGUMENTS = 2;
    public static final int ATTENTION = 3;
    public static final int REJECTED = 4;
    public static final int UNREACHABLE = 5;

    /** The command's own output; everything else is diverted to stderr. */
    static PrintStream out = System.out;

    static PrintStream err = System.err;

    /** With --debug, failures to start show Spring's own report too. */
    private static boolean debug;

    private CommandLineMode() {}

    /**
     * An argument that is not an option names a command (the web app's own arguments are all
     * options, such as --server.port=8081); help and version are answered here too.
     */
    public static boolean isCommand(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")
                    || java.util.Set.of("--help", "-h", "--version", "-V").contains(arg)) {
                return true;
            }
        }
        return false;
    }

    public static int run(String[] args) {
        // The build prepares the web app's context ahead of time (Spring AOT), and the README's
        // -Dspring.aot.enabled=true uses it. A command starts a smaller context of its own, which
        // that preparation does not describe, so commands always start the ordinary way.
        System.clearProperty("spring.aot.enabled");
        debug = java.util.Arrays.asList(args).contains("--debug");
        out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.setOut(err);
        int status;
        try {
            status = commandLine().execute(args);
        } catch (RuntimeException | Error e) {
            err.println("tc-tracker: " + describe(e));
            status = FAILED;
        }
        out.flush();
        if (out.checkError()) {
            err.println("tc-tracker: the output could not be written (is the disk full, or the reader gone?)");
            status = FAILED;
        }
        err.flush();
        if (err.checkError() && status == DONE) {
            status = FAILED;
        }
        return status;
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TrackerCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            err.println("tc-tracker " + commandLine.getCommandName() + ": " + describe(e));
            if (parsed.hasMatchedOption("--debug")) {
                e.printStackTrace(err);
            } else {
                err.println("(run again with --debug for the details)");
            }
            return FAILED;
        });
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine command = e.getCommandLine();
            String prefix = command.getParent() == null ? "tc-tracker" : "tc-tracker " + command.getCommandName();
            if (command.getParent() == null
                    && e instanceof CommandLine.UnmatchedArgumentException unmatched
                    && !unmatched.getUnmatched().isEmpty()
                    && !unmatched.getUnmatched().get(0).startsWith("-")) {
                err.println(prefix + ": Unknown command '"
                        + unmatched.getUnmatched().get(0) + "'.");
                err.println("Commands: "
                        + String.join(", ", command.getSubcommands().keySet()) + ".");
            } else {
                err.println(prefix + ": " + e.getMessage());
                CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr());
            }
            err.println("Usage: " + command.getHelp().synopsis(0).strip());
            err.println("Run it with --help for the options.");
            return BAD_ARGUMENTS;
        });
        return cli;
    }

    /** Starts what a command needs: settings, the migrated database, and little else. */
    static ConfigurableApplicationContext open() {
        return open(true);
    }

    /**
     * The command's database. {@code migrate} false leaves the schema as it is: a backup taken
     * with a newer jar must copy the database as the running server has it.
     */
    static ConfigurableApplicationContext open(boolean migrate) {
        SpringApplication application = new SpringApplication(CliConfiguration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setDefaultProperties(Map.of(
                "tracker.cli.migrate",
                String.valueOf(migrate),
                "logging.level.root",
                "WARN",
                // A failed start (an unreachable database, a locked file) is told in one line by
                // the exception handler; Spring's own report of it is for --debug.
                "logging.level.org.springframework",
                debug ? "WARN" : "OFF"));
        return application.run();
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
