package org.tctracker.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tctracker.backup.DataTransfer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes every record as JSON, to stdout or, safely, to a file. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write every record as JSON.")
class ExportCommand implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "FILE", description = "Write to this file instead of stdout.")
    @Nullable
    Path output;

    @Option(names = "--include-accounts", description = "Include accounts (password hashes only).")
    boolean includeAccounts;

    static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new ParameterException(spec.commandLine(), "There is no folder " + parent + " to write into.");
            }
        }
        ObjectNode document;
        try (ConfigurableApplicationContext context = CommandLineMode.open()) {
            document = new DataTransfer(context.getBean(JdbcClient.class)).export(includeAccounts);
        }
        if (output == null) {
            JSON.writeValue((OutputStream) new NonClosing(CommandLineMode.out), document);
            CommandLineMode.out.println();
            return CommandLineMode.DONE;
        }
        writeAtomically(output, document);
        CommandLineMode.err.println("Exported to " + output + ": " + DataTransfer.summary(document));
        return CommandLineMode.DONE;
    }

    /**
     * Writes a temporary file beside the target and renames it into place, so a failed export
     * (a full disk, a killed process) never leaves a partial file under the target's name.
     */
    static void writeAtomically(Path target, ObjectNode document) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            // A device, a pipe or the like: write into it, never rename a file over it.
            try (OutputStream stream = Files.newOutputStream(absolute)) {
                JSON.writeValue(stream, document);
            }
            return;
        }
        Path directory = absolute.getParent();
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".part");
        try {
            try (OutputStream stream = Files.newOutputStream(temporary)) {
                JSON.writeValue(stream, document);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Lets Jackson write to stdout without closing it: the exit code still depends on it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
