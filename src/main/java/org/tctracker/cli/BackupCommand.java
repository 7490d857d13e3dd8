package org.tctracker.cli;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.tctracker.system.EmbeddedDatabaseSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A consistent copy of the embedded H2 database, taken while the server keeps running (H2's
 * online {@code BACKUP}). The zip holds {@code tracker.mv.db}: unzip it into an empty data folder
 * to restore. PostgreSQL deployments use pg_dump instead, or {@code export}.
 */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = "Copy the embedded H2 database, online, into a zip file.")
class BackupCommand implements Callable<Integer> {

    @Option(names = "--output", required = true, paramLabel = "FILE.zip", description = "The zip file to write.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path target = output.toAbsolutePath();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(), "There is no folder " + folder + " to write into.");
        }
        if (Files.exists(target)) {
            throw new ParameterException(spec.commandLine(), target + " already exists; choose a new name.");
        }
        try (ConfigurableApplicationContext context = CommandLineMode.open(false);
                Connection connection = context.getBean(DataSource.class).getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (!product.contains("h2")) {
                throw new ParameterException(
                        spec.commandLine(),
                        "backup copies the embedded H2 database; for " + product
                                + " use its own tools (pg_dump), or export.");
            }
            try (PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
                backup.setString(1, target.toString());
                backup.execute();
            }
            keepPrivate(target, Path.of(context.getEnvironment().getRequiredProperty("tracker.data-dir")));
        }
        CommandLineMode.err.println(
                "Backed up the database to " + target + " (unzip into an empty data folder to" + " restore).");
        return CommandLineMode.DONE;
    }

    /**
     * The copy holds what the database holds (password hashes, sessions), so it is the owner's
     * alone, and it carries the database's password file: unzipped into an empty folder, the
     * database opens with it.
     */
    private static void keepPrivate(Path zip, Path dataDir) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(zip, PosixFilePermissions.fromString("rw-------"));
        }
        Path secret = dataDir.resolve(EmbeddedDatabaseSecret.FILE);
        if (Files.exists(secret)) {
            try (FileSystem entries = FileSystems.newFileSystem(zip)) {
                Files.copy(secret, entries.getPath(EmbeddedDatabaseSecret.FILE));
            }
        }
    }
}
