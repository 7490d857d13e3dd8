package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Another user of the machine who reads H2's lock file and reaches its port cannot connect: the
 * data folder and the password file are the owner's alone, and the database refuses {@code sa}
 * with an empty password, also one made before the tracker gave it a password.
 */
class EmbeddedDatabaseSecretTest {

    @TempDir
    Path dir;

    final List<String> warnings = new ArrayList<>();

    final EmbeddedDatabaseSecret secrets = new EmbeddedDatabaseSecret(destination -> recording());

    static String url(Path folder) {
        return "jdbc:h2:file:" + folder.toAbsolutePath() + "/tracker";
    }

    @Test
    void aNewFolderIsTheOwnersAndTheDatabaseTakesOnlyTheGeneratedPassword() throws Exception {
        Path folder = dir.resolve("data");

        String secret = secrets.secretFor(folder, url(folder), "sa");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
        Path file = folder.resolve(EmbeddedDatabaseSecret.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(secret)
                .hasSizeGreaterThanOrEqualTo(32)
                .isEqualTo(Files.readString(file).strip());
        try (Connection created = DriverManager.getConnection(url(folder), "sa", secret)) {
            created.createStatement().execute("create table kept (id int)");
        }
        assertThatThrownBy(
                        () -> DriverManager.getConnection(url(folder), "sa", "").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
        assertThat(secrets.secretFor(folder, url(folder), "sa")).isEqualTo(secret);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aDatabaseMadeWithTheEmptyPasswordGetsTheGeneratedOneAndKeepsItsRecords() throws Exception {
        Path folder = Files.createDirectory(
                dir.resolve("old"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try (Connection old = DriverManager.getConnection(url(folder), "sa", "")) {
            old.createStatement().execute("create table kept (id int); insert into kept values (7)");
        }

        String secret = secrets.secretFor(folder, url(folder), "sa");

        assertThatThrownBy(
                        () -> DriverManager.getConnection(url(folder), "sa", "").close())
                .isInstanceOf(SQLException.class);
        try (Connection now = DriverManager.getConnection(url(folder), "sa", secret);
                ResultSet kept = now.createStatement().executeQuery("select id from kept")) {
            assertThat(kept.next()).isTrue();
            assertThat(kept.getInt(1)).isEqualTo(7);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("tracker.mv.db"))))
                .isEqualTo("rw-------");
        assertThat(Files.exists(folder.resolve(EmbeddedDatabaseSecret.FILE + ".new")))
                .isFalse();
        assertThat(warnings).singleElement().asString().contains("had an empty password");
    }

    @Test
    void aFolderOthersCanReadIsReportedAtEveryStart() throws Exception {
        Path folder = Files.createDirectory(
                dir.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        secrets.secretFor(folder, url(folder), "sa");
        secrets.secretFor(folder, url(folder), "sa");

        assertThat(warnings)
                .hasSize(2)
                .allSatisfy(warning -> assertThat(warning).contains("open to other users", "chmod 700 " + folder));
    }

    @Test
    void aConfiguredPasswordOrAnotherDatabaseIsLeftAlone() {
        StandardEnvironment configured = new StandardEnvironment();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
                configured,
                "spring.datasource.url=" + url(dir.resolve("configured")),
                "spring.datasource.password=chosen by the operator",
                "tracker.data-dir=" + dir.resolve("configured"));
        StandardEnvironment postgres = new StandardEnvironment();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
                postgres, "spring.datasource.url=jdbc:postgresql://db/tracker", "tracker.data-dir=" + dir);

        secrets.postProcessEnvironment(configured, new SpringApplication());
        secrets.postProcessEnvironment(postgres, new SpringApplication());

        assertThat(configured.getProperty("spring.datasource.password")).isEqualTo("chosen by the operator");
        assertThat(postgres.getProperty("spring.datasource.password")).isNull();
        assertThat(dir.resolve("configured")).doesNotExist();
        assertThat(dir.resolve(EmbeddedDatabaseSecret.FILE)).doesNotExist();
    }

    private Log recording() {
        return (Log) Proxy.newProxyInstance(
                Log.class.getClassLoader(), new Class<?>[] {Log.class}, (proxy, method, args) -> {
                    if (method.getName().equals("warn")) {
                        warnings.add(String.valueOf(args[0]));
                    }
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
    }
}
