package org.tctracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What import refuses before it opens the database. */
class ImportCommandTest {

    @TempDir
    Path dir;

    @Test
    void aFieldGivenTwiceIsRefusedWithExit4() throws Exception {
        Path file = dir.resolve("twice.json");
        Files.writeString(file, "{\"format\":\"tc-tracker-export\",\"format\":\"something else\"}");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream before = CommandLineMode.err;
        CommandLineMode.err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        try {
            assertThat(CommandLineMode.commandLine().execute("import", file.toString()))
                    .isEqualTo(CommandLineMode.REJECTED);
        } finally {
            CommandLineMode.err = before;
        }
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("not valid JSON", "Duplicate Object property \"format\"");
    }
}
