package org.tctracker.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.tctracker.TcTrackerApplication;

/** There are no default credentials: the first start makes one admin, and says how to sign in once. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminAccountTest {

    static final Pattern GENERATED = Pattern.compile("Username: admin  Password: (\\S+)");

    @TempDir
    Path dataDir;

    ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--spring.config.location=classpath:/application.properties";
        all[1] = "--tracker.data-dir=" + dataDir;
        System.arraycopy(args, 0, all, 2, args.length);
        return new SpringApplicationBuilder(TcTrackerApplication.class)
                .web(WebApplicationType.NONE)
                .run(all);
    }

    static boolean canSignIn(ConfigurableApplicationContext context, String username, String password) {
        try {
            context.getBean(AuthenticationManager.class)
                    .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
            return true;
        } catch (BadCredentialsException e) {
            return false;
        }
    }

    @Test
    void withTheEnvironmentsPasswordTheAdminSignsInWithIt(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start("--tracker.admin-password=correct horse battery")) {
            assertThat(canSignIn(app, "admin", "correct horse battery")).isTrue();
            assertThat(canSignIn(app, "admin", "admin")).isFalse();
        }
        assertThat(output.getAll())
                .contains("Created the first account, 'admin', with the password from TRACKER_ADMIN_PASSWORD.")
                .doesNotContain("correct horse battery")
                .doesNotContain("generated security password");
    }

    @Test
    void withoutItARandomPasswordIsPrintedOnceAndWorks(CapturedOutput output) {
        String password;
        try (ConfigurableApplicationContext app = start()) {
            Matcher printed = GENERATED.matcher(output.getAll());
            assertThat(printed.find())
                    .as("a log line with the generated password")
                    .isTrue();
            password = printed.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(PasswordPolicy.MIN_LENGTH);
            assertThat(canSignIn(app, "admin", password)).isTrue();
        }
        assertThat(output.getAll()).doesNotContain("generated security password");

        int printedSoFar = output.getAll().length();
        try (ConfigurableApplicationContext again = start()) {
            assertThat(canSignIn(again, "admin", password)).isTrue();
        }
        assertThat(output.getAll().substring(printedSoFar))
                .as("a second start prints no password")
                .doesNotContain("Password:")
                .doesNotContain("Created the first account");
    }

    @Test
    void aWeakPasswordInTheEnvironmentStopsTheStartWithTheReason() {
        assertThatThrownBy(() -> start("--tracker.admin-password=admin"))
                .hasMessage("TRACKER_ADMIN_PASSWORD is not acceptable: Use at least 12 characters.");
    }
}
