package org.tctracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the jar tells a command from the web app's own arguments. */
class CommandLineModeTest {

    @Test
    void anArgumentThatIsNotAnOptionNamesACommandWhereverItStands() {
        assertThat(CommandLineMode.isCommand(new String[] {"--debug", "check"})).isTrue();
        assertThat(CommandLineMode.isCommand(new String[] {"check"})).isTrue();
        assertThat(CommandLineMode.isCommand(new String[] {"--help"})).isTrue();
        assertThat(CommandLineMode.isCommand(new String[] {"--server.port=8081"}))
                .isFalse();
        assertThat(CommandLineMode.isCommand(new String[] {})).isFalse();
    }
}
