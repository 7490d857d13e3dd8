package org.tctracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module reads another module's tables: a SQL string in one module names only the tables of
 * that module's own entities (their history tables and join tables included), and a JPQL query
 * only its own entities. Modules ask each other through their Java interfaces instead. Two
 * exceptions, by design: every module may read the shared history's {@code revision} table, and
 * {@code backup}, which copies every record, reads them all.
 */
class ModuleTablesTest {

    static final Path SOURCES = Path.of("src", "main", "java", "org", "tctracker");

    /** Tables no entity maps, with the module that owns them. */
    static final Map<String, String> TABLES_WITHOUT_ENTITIES = Map.of(
            "login_failure", "account",
            "spring_session", "account",
            "spring_session_attributes", "account",
            "event_publication", "system",
            "shedlock", "system",
            "flyway_schema_history", "system");

    static final Set<String> SHARED_TABLES = Set.of("revision");

    static final Set<String> READS_EVERYTHING = Set.of("backup");

    private static final Pattern STRING =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    private static final Pattern TABLE_ANNOTATION = Pattern.compile("@(?:Table|JoinTable)\\(\\s*name = \"(\\w+)\"");
    private static final Pattern ENTITY = Pattern.compile("@Entity\\b[^{]*?\\bclass (\\w+)", Pattern.DOTALL);

    @Test
    void noModuleNamesAnotherModulesTablesOrEntities() {
        Map<String, String> sources = readSources();

        assertThat(violations(sources)).isEmpty();
    }

    @Test
    void theRuleFindsAModuleReadingAnotherModulesTable() {
        Map<String, String> sources = new LinkedHashMap<>(readSources());
        sources.put(
                "people/Planted.java",
                "class Planted { int held() { return jdbc.sql(\"select count(*) from commitment where owner_id = ?\");"
                        + " } }");
        sources.put(
                "cycle/PlantedQueries.java",
                "interface PlantedQueries { @Query(\"select count(c) from Commitment c where c.cycle.id = :id\")"
                        + " long count(long id); }");

        List<String> planted = new ArrayList<>(violations(sources));
        planted.removeAll(violations(readSources()));

        assertThat(planted)
                .containsExactly(
                        "cycle/PlantedQueries.java names Commitment, an entity of commitment",
                        "people/Planted.java names commitment, a table of commitment");
    }

    /** Each main source file's text, by its path under the application's package. */
    static Map<String, String> readSources() {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                try {
                    sources.put(SOURCES.relativize(file).toString().replace('\\', '/'), Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    static List<String> violations(Map<String, String> sources) {
        Map<String, String> tables = new LinkedHashMap<>(TABLES_WITHOUT_ENTITIES);
        Map<String, String> entities = new LinkedHashMap<>();
        sources.forEach((file, text) -> {
            String module = moduleOf(file);
            Matcher table = TABLE_ANNOTATION.matcher(text);
            while (table.find()) {
                tables.put(table.group(1), module);
                tables.put(table.group(1) + "_aud", module);
            }
            Matcher entity = ENTITY.matcher(text);
            while (entity.find()) {
                entities.put(entity.group(1), module);
            }
        });
        List<String> found = new ArrayList<>();
        sources.forEach((file, text) -> {
            String module = moduleOf(file);
            if (READS_EVERYTHING.contains(module)) {
                return;
            }
            boolean jpql = text.contains("@Query(");
            Matcher string = STRING.matcher(text);
            while (string.find()) {
                String literal = string.group(1) != null ? string.group(1) : string.group(2);
                if (!isQuery(literal)) {
                    continue;
                }
                Map<String, String> names = jpql ? entities : tables;
                for (Map.Entry<String, String> name : names.entrySet()) {
                    if (!name.getValue().equals(module)
                            && !SHARED_TABLES.contains(name.getKey())
                            && Pattern.compile("(?<![\\w.])" + name.getKey() + "(?!\\w)")
                                    .matcher(literal)
                                    .find()) {
                        String violation = file + " names " + name.getKey() + ", " + (jpql ? "an entity" : "a table")
                                + " of " + name.getValue();
                        if (!found.contains(violation)) {
                            found.add(violation);
                        }
                    }
                }
            }
        });
        return found.stream().sorted().toList();
    }

    private static boolean isQuery(String literal) {
        String text = literal.toLowerCase(Locale.ROOT);
        return (text.contains("select ") && text.contains(" from "))
                || text.contains("insert into")
                || text.contains("delete from")
                || text.matches("(?s).*\\bupdate \\w+ set\\b.*")
                || text.matches("(?s).*\\bjoin \\w+ \\w+ on\\b.*");
    }

    /** The first package under the application's: nested modules count as their feature's module. */
    private static String moduleOf(String file) {
        int slash = file.indexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }
}
