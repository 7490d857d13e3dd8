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

    @Test
    void aFileTooLargeOrAStringTooLongIsRefusedWithExit4BeforeItFillsTheHeap() throws Exception {
        Path large = dir.resolve("large.json");
        try (var out = Files.newOutputStream(large)) {
            out.write("{\"format\":\"tc-tracker-export\",\"pad\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 17; i++) {
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.UTF_8));
        }
        Path longString = Files.writeString(
                dir.resolve("long.json"), "{\"format\":\"tc-tracker-export\",\"pad\":\"" + "x".repeat(200_000) + "\"}");

        assertThat(importing(large))
                .contains("the file holds 17 MB; import reads files of at most 16 MB (--max-size raises the limit)");
        assertThat(importing(longString)).contains("not valid JSON", "String value length");
        // Allowed a larger file, it is read, and refused only for what is in it.
        assertThat(importing(large, "--max-size", "32"))
                .contains("String value length")
                .doesNotContain("at most");
    }

    private String importing(Path file, String... options) {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream before = CommandLineMode.err;
        CommandLineMode.err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        try {
            String[] arguments = new String[options.length + 2];
            arguments[0] = "import";
            arguments[1] = file.toString();
            System.arraycopy(options, 0, arguments, 2, options.length);
            assertThat(CommandLineMode.commandLine().execute(arguments)).isEqualTo(CommandLineMode.REJECTED);
        } finally {
            CommandLineMode.err = before;
        }
        return errors.toString(StandardCharsets.UTF_8);
    }
}
