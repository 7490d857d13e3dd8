package org.tctracker.system;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tctracker.TcTrackerApplication;

/**
 * Run in its own JVM by {@link DataSurvivalTest}: opens the file database exactly as the
 * application does (configured by {@code TRACKER_DATA_DIR}), then commits people one at a time, reporting each only after its commit has
 * returned, until the process is killed.
 */
public final class DurabilityWriter {

    public static void main(String[] args) {
        String prefix = args[0];
        PrintStream out =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TcTrackerApplication.class)
                .web(WebApplicationType.NONE)
                .run();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        out.println("READY");
        for (int n = 0; ; n++) {
            String nick = prefix + "-" + n;
            jdbc.update(
                    "insert into person (display_name, irc_nick, created_at, updated_at)"
                            + " values (?, ?, current_timestamp, current_timestamp)",
                    "Writer " + n,
                    nick);
            out.println("COMMITTED " + nick);
        }
    }
}
