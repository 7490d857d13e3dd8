package org.tctracker.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the embedded H2 database to the account that runs the tracker. The data folder is made
 * owner-only (a looser one is reported at every start), and the database gets a generated
 * password kept in {@value #FILE} in that folder, owner-only too, instead of {@code sa} with an
 * empty one: another user of the machine who reads H2's lock file and reaches its AUTO_SERVER port
 * cannot connect. A database made before this has its empty password replaced at the first start.
 * The web app and the commands run this alike, so both read the same file. A deployment that sets
 * {@code spring.datasource.password}, or uses another database, is left as it is.
 */
public class EmbeddedDatabaseSecret implements EnvironmentPostProcessor {

    public static final String FILE = "database-password";

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Log log;

    public EmbeddedDatabaseSecret(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedDatabaseSecret.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        String password = environment.getProperty("spring.datasource.password", "");
        if (!url.startsWith("jdbc:h2:file:") || !password.isEmpty()) {
            return;
        }
        Path folder = Path.of(environment.getProperty("tracker.data-dir", "./data"))
                .toAbsolutePath()
                .normalize();
        String user = environment.getProperty("spring.datasource.username", "sa");
        String secret = secretFor(folder, url, user);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "embedded-database-secret", Map.of("spring.datasource.password", secret)));
    }

    /** The database's password, made (and given to an existing database) on the first start. */
    String secretFor(Path folder, String url, String user) {
        try {
            ownerOnly(folder);
            Path file = folder.resolve(FILE);
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            String secret = generate();
            Path draft = folder.resolve(FILE + ".new");
            Files.deleteIfExists(draft);
            write(draft, secret);
            try {
                if (Files.exists(folder.resolve("tracker.mv.db"))) {
                    // Made with the old empty password: give it the new one before anything reads it.
                    try (Connection connection = DriverManager.getConnection(url, user, "");
                            PreparedStatement alter = connection.prepareStatement(
                                    "ALTER USER \"" + user.toUpperCase(java.util.Locale.ROOT) + "\" SET PASSWORD ?")) {
                        alter.setString(1, secret);
                        alter.execute();
                    }
                    log.warn("The embedded database had an empty password; it now has the one kept in " + file);
                }
                move(draft, file);
            } finally {
                Files.deleteIfExists(draft);
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the database's password in " + folder, e);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot give the embedded database in " + folder + " its password: " + e.getMessage(), e);
        }
    }

    private void ownerOnly(Path folder) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(folder)) {
            Files.createDirectories(folder);
            if (posix) {
                Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
            }
            return;
        }
        if (!posix) {
            return;
        }
        Set<PosixFilePermission> granted = Files.getPosixFilePermissions(folder);
        if (!OWNER_ONLY_FOLDER.containsAll(granted)) {
            log.warn("The data folder " + folder + " is open to other users ("
                    + PosixFilePermissions.toString(granted) + "); the database's files are only safe in an"
                    + " owner-only folder: chmod 700 " + folder);
        }
        databaseFilesOwnerOnly(folder);
    }

    /** The database's own files (tracker.mv.db, its lock and trace files), the owner's alone. */
    static void databaseFilesOwnerOnly(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && file.getFileName().toString().startsWith("tracker.")) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                }
            }
        }
    }

    private static void write(Path file, String secret) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * H2 makes its files with the process's usual permissions on the first start; once it has, they
     * are made the owner's alone too (the folder already is).
     */
    public static class FilesOwnerOnly implements ApplicationListener<ApplicationReadyEvent> {

        @Override
        public void onApplicationEvent(ApplicationReadyEvent event) {
            ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
            if (!environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:file:")
                    || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                return;
            }
            Path folder = Path.of(environment.getProperty("tracker.data-dir", "./data"));
            try {
                databaseFilesOwnerOnly(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot keep the database's files to their owner in " + folder, e);
            }
        }
    }
}
