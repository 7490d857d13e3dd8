package org.tctracker.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tctracker.goal.ProjectsFile;
import org.tctracker.goal.Teams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Loads the project teams from a projects.yaml: all of it, or nothing. */
@Command(
        name = "import-teams",
        mixinStandardHelpOptions = true,
        description = "Load the project teams and their repositories from a projects.yaml in the governance"
                + " repository's format: all of it, or nothing (exit 4 with every problem listed).")
class ImportTeamsCommand implements Callable<Integer> {

    /** The governance repository's file is about 150 KB; this leaves room and bounds what is read. */
    static final long MAX_FILE_BYTES = 4L << 20;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The projects.yaml to load.")
    Path file;

    @Override
    public Integer call() {
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return rejected(List.of("the file holds " + (size >> 20) + " MB; import-teams reads files of at most "
                        + (MAX_FILE_BYTES >> 20) + " MB"));
            }
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "There is no file " + file + ".");
        } catch (CharacterCodingException e) {
            return rejected(List.of("the file is not UTF-8 text"));
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Cannot read " + file + ": " + e.getMessage());
        }
        ProjectsFile.Reading reading = ProjectsFile.read(text);
        if (!reading.ok()) {
            return rejected(reading.problems());
        }
        try (ConfigurableApplicationContext context = CommandLineMode.open()) {
            Teams.Loaded loaded = context.getBean(Teams.class).load(reading.teams());
            CommandLineMode.err.println(
                    "Imported " + file + ": " + reading.teams().size() + " teams (" + loaded.added() + " new, "
                            + loaded.updated() + " updated), " + loaded.repos() + " repositories.");
            if (!loaded.notInFile().isEmpty()) {
                CommandLineMode.err.println(
                        "Kept, though the file no longer names them: " + String.join(", ", loaded.notInFile()) + ".");
            }
            return CommandLineMode.DONE;
        }
    }

    private static int rejected(List<String> problems) {
        CommandLineMode.err.println("tc-tracker import-teams: the file was rejected and nothing was changed:");
        problems.forEach(problem -> CommandLineMode.err.println("  " + problem));
        return CommandLineMode.REJECTED;
    }
}
