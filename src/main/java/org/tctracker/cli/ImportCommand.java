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

    /** A field given twice is refused, not settled silently by whichever comes last. */
    static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    @Parameters(paramLabel = "FILE", description = "The JSON file to load.")
    Path file;

    @Option(names = "--replace", description = "Replace the records already in the database.")
    boolean replace;

    @Override
    public Integer call() {
        JsonNode document;
        try {
            document = STRICT.readTree(Files.readAllBytes(file));
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
