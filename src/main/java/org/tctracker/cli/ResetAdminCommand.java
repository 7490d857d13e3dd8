package org.tctracker.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tctracker.account.AccountChangeRefusedException;
import org.tctracker.account.AdminRescue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The way back in when no admin can sign in: the account becomes an enabled admin with a new
 * password. The password is read from standard input (asked for without echo at a terminal),
 * never from the arguments, which other users of the machine can read.
 */
@Command(
        name = "reset-admin",
        mixinStandardHelpOptions = true,
        description = {
            "Make an account an enabled admin again, with a new password read from standard input.",
            "Creates the account when there is none of that name; its sessions end."
        })
class ResetAdminCommand implements Callable<Integer> {

    @Option(
            names = "--username",
            defaultValue = "admin",
            paramLabel = "NAME",
            description = "The account to restore (default: ${DEFAULT-VALUE}).")
    String username;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String password = newPassword();
        AdminRescue.Outcome outcome;
        try (ConfigurableApplicationContext context = CommandLineMode.open()) {
            AdminRescue rescue = new AdminRescue(context.getBean(JdbcClient.class), context.getBean(Clock.class));
            outcome = context.getBean(TransactionTemplate.class).execute(status -> rescue.restore(username, password));
        } catch (AccountChangeRefusedException refused) {
            throw new ParameterException(spec.commandLine(), refused.getMessage());
        }
        CommandLineMode.err.println(
                outcome == AdminRescue.Outcome.CREATED
                        ? "Created " + username + ", an enabled admin with the new password."
                        : username + " is an enabled admin again, with the new password; its sessions have ended.");
        return CommandLineMode.DONE;
    }

    private String newPassword() throws IOException {
        Console console = System.console();
        @Nullable String line;
        if (console != null) {
            char[] typed = console.readPassword("New password for %s: ", username);
            line = typed == null ? null : new String(typed);
        } else {
            line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (line == null || line.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Give the new password on standard input, e.g. printf '%s\\n' \"$PASSWORD\" | java -jar"
                            + " tc-tracker.jar reset-admin (never as an argument, which others can read).");
        }
        return line;
    }
}
