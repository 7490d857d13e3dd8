package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.yaml.snakeyaml.Yaml;

/**
 * compose.yaml cannot be run here (no container engine), so this reads it: the app waits for a
 * healthy PostgreSQL, reaches it with the database, user and password the database container
 * creates, keeps the data in a volume, and its health check asks an address the app answers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ComposeFileTest {

    @Autowired
    MockMvc mvc;

    @Test
    @SuppressWarnings("unchecked")
    void theAppAndPostgresAreWiredTogether() throws Exception {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(Path.of("compose.yaml"))) {
            compose = new Yaml().load(reader);
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> db = (Map<String, Object>) services.get("db");
        Map<String, Object> app = (Map<String, Object>) services.get("app");
        Map<String, String> dbEnv = (Map<String, String>) db.get("environment");
        Map<String, String> appEnv = (Map<String, String>) app.get("environment");

        assertThat(appEnv.get("SPRING_DATASOURCE_URL"))
                .isEqualTo("jdbc:postgresql://db:5432/" + dbEnv.get("POSTGRES_DB"));
        assertThat(appEnv.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(dbEnv.get("POSTGRES_USER"));
        assertThat(appEnv.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(dbEnv.get("POSTGRES_PASSWORD"));
        assertThat(appEnv).containsKey("TRACKER_ADMIN_PASSWORD");

        assertThat((Map<String, Object>) app.get("depends_on"))
                .containsEntry("db", Map.of("condition", "service_healthy"));
        assertThat(db).containsKey("healthcheck");
        List<String> volumes = (List<String>) db.get("volumes");
        assertThat(volumes).singleElement().asString().endsWith(":/var/lib/postgresql/data");
        String volume = volumes.get(0).substring(0, volumes.get(0).indexOf(':'));
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey(volume);

        List<String> check = (List<String>) ((Map<String, Object>) app.get("healthcheck")).get("test");
        String url = check.get(check.size() - 1);
        assertThat(url).startsWith("http://localhost:8080/");
        String path = url.substring("http://localhost:8080".length());
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }
}
