package org.tctracker.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tctracker.backup.DataTransfer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads an export: checks all of it first, then replaces everything in one transaction, or changes nothing. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Load a file written by export: all of it, or nothing (exit 4 with every problem listed).")
class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /**
     * The largest file import reads: far more than a tracker's export (Mitaka's is 20 KB; years of
     * weekly notes a few MB), and small enough to read on the recommended 64 MB heap.
     */
    static final long MAX_FILE_BYTES = 16L << 20;

    /** No field the tracker keeps is longer than this; a longer string is refused as it is read. */
    static final int MAX_STRING_LENGTH = 100_000;

    /** A field given twice is refused, not settled silently by whichever comes last. */
    static final JsonMapper STRICT = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
                    .streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder()
                            .maxStringLength(MAX_STRING_LENGTH)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    @Parameters(paramLabel = "FILE", description = "The JSON file to load.")
    Path file;

    @Option(names = "--replace", description = "Replace the records already in the database.")
    boolean replace;

    @Option(
            names = "--max-size",
            paramLabel = "MB",
            defaultValue = "16",
            description = "Read a file of up to this many MB (default 16); a larger file needs a larger heap.")
    long maxMegabytes;

    @Override
    public Integer call() {
        JsonNode document;
        try {
            long size = Files.size(file);
            long limit = maxMegabytes == MAX_FILE_BYTES >> 20 ? MAX_FILE_BYTES : Math.max(1, maxMegabytes) << 20;
            if (size > limit) {
                return rejected(List.of("the file holds " + (size >> 20) + " MB; import reads files of at most "
                        + (limit >> 20) + " MB (--max-size raises the limit)"));
            }
            try (java.io.InputStream in = Files.newInputStream(file)) {
                document = STRICT.readTree(in);
            }
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "There is no file " + file + ".");
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Cannot read " + file + ": " + e.getMessage());
        } catch (JacksonException e) {
            return rejected(List.of("the file is not valid JSON: " + e.getOriginalMessage()));
        }
        try (ConfigurableApplicationContext context = CommandLineMode.open()) {
            DataTransfer transfer = new DataTransfer(context.getBean(JdbcClient.class));
            List<String> problems = transfer.problemsWith(document);
            if (!problems.isEmpty()) {
                return rejected(problems);
            }
            if (!replace && transfer.databaseHoldsData()) {
                return rejected(List.of("the database already holds records; add --replace to replace them all"));
            }
            transfer.load(document, context.getBean(TransactionTemplate.class));
            CommandLineMode.err.println("Imported " + file + ": " + DataTransfer.summary(document));
            return CommandLineMode.DONE;
        }
    }

    private static int rejected(List<String> problems) {
        CommandLineMode.err.println("tc-tracker import: the file was rejected and nothing was changed:");
        problems.forEach(problem -> CommandLineMode.err.println("  " + problem));
        return CommandLineMode.REJECTED;
    }
}
