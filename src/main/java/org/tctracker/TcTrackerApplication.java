package org.tctracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.tctracker.cli.CommandLineMode;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TcTrackerApplication {

    static {
        // H2's AUTO_SERVER (which lets a command share the database file with the running web app)
        // would otherwise listen on every network interface; it is only ever needed on this machine.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** With a command (check, report, export, import) runs it and exits; without one serves the web app. */
    public static void main(String[] args) {
        if (CommandLineMode.isCommand(args)) {
            System.exit(CommandLineMode.run(args));
        }
        SpringApplication.run(TcTrackerApplication.class, args);
    }
}
